import DigestModel
import Foundation

/// One article as an importer recovered it, ready to be written as `articles/<slug>.md`.
public struct ImportedArticle: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var date: CalendarDate
    public var section: String
    public var tags: [String] = []
    public var summary: String?
    public var source: String?
    public var author: String?
    /// Gazette Markdown, without front matter.
    public var body: String
    /// Pictures to copy into `images/`, named as the body refers to them.
    public var images: [ImageCopy] = []
    /// What the importer left out or had to guess, for the report: "2 scripts", "timeline".
    public var notes = ImportNotes()
    /// Where the article came from, for messages: `site-export.xml:120`.
    public var origin: String

    /// The file's text: front matter, then the body.
    public var markdown: String {
        var lines = ["---", "title: \(YAMLText.scalar(title))", "date: \(date)", "section: \(YAMLText.scalar(section))"]
        if !tags.isEmpty { lines.append("tags: [\(tags.map(YAMLText.flowScalar).joined(separator: ", "))]") }
        if let summary, !summary.isEmpty { lines.append("summary: \(YAMLText.scalar(summary))") }
        if let source, !source.isEmpty { lines.append("source: \(YAMLText.scalar(source))") }
        if let author, !author.isEmpty { lines.append("# author: \(author.replacingOccurrences(of: "\n", with: " "))") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + MarkdownWriter.trimmed(body) + "\n"
    }

    /// Words of running text in the body, as the report counts them.
    public var words: Int {
        body.unicodeScalars.split(whereSeparator: MarkdownWriter.isSpace)
            .filter { $0.contains(where: { $0.value >= 0x80 || CharacterSet.alphanumerics.contains($0) }) }.count
    }
}

/// A picture found in the input and where it goes in the digest.
public struct ImageCopy: Sendable, Equatable {
    /// The file to read, inside the uploads folder or the page's `_files/` folder.
    public var from: String
    /// Relative to the digest folder: `images/…`.
    public var to: String
}

/// Counts of what was dropped and a list of what was guessed, printed in the report line.
public struct ImportNotes: Sendable, Equatable {
    public private(set) var dropped: [String: Int] = [:]
    public private(set) var guessed: [String] = []

    public init() {}

    public mutating func drop(_ kind: String, count: Int = 1) { dropped[kind, default: 0] += count }
    public mutating func guess(_ what: String) { if !guessed.contains(what) { guessed.append(what) } }

    public mutating func merge(_ other: ImportNotes) {
        for (kind, count) in other.dropped { drop(kind, count: count) }
        for what in other.guessed { guess(what) }
    }

    /// `dropped 2 scripts, 1 iframe; guessed timeline, callout`: empty when nothing was.
    public var summary: String {
        var parts: [String] = []
        if !dropped.isEmpty {
            let counts = dropped.sorted { $0.key < $1.key }.map { "\($0.value) \(Self.noun($0.key, count: $0.value))" }
            parts.append("dropped " + counts.joined(separator: ", "))
        }
        if !guessed.isEmpty { parts.append("guessed " + guessed.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// "script" → "scripts" for more than one; kinds that are already plural or uncountable stay.
    static func noun(_ kind: String, count: Int) -> String {
        guard count > 1, !kind.hasSuffix("s"), !["navigation", "page furniture", "other", "boilerplate"].contains(kind) else { return kind }
        return kind + "s"
    }
}

/// A warning about the input, with the line of the input it concerns when there is one.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    /// `site-export.xml:120: warning: …`, as compilers print it.
    public var description: String { described(as: "warning") }

    /// The same line as an error, for `--strict`.
    public func described(as severity: String) -> String {
        line > 0 ? "\(file):\(line): \(severity): \(message)" : "\(file): \(severity): \(message)"
    }
}

/// YAML scalars written so that Yams reads back exactly the text.
public enum YAMLText {
    /// Plain when that is unambiguous, double-quoted otherwise.
    public static func scalar(_ text: String) -> String {
        let single = text.replacingOccurrences(of: "\n", with: " ")
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "~", ""]
        let plain = !reserved.contains(single.lowercased())
            && !single.hasPrefix(" ") && !single.hasSuffix(" ")
            && !single.contains(": ") && !single.contains(" #") && !single.hasSuffix(":")
            && Double(single) == nil
            && !"-?:,[]{}#&*!|>'\"%@`".contains(single.first!)
        return plain ? single : quoted(single)
    }

    /// Inside `[…]`: commas and brackets need quotes too.
    static func flowScalar(_ text: String) -> String {
        text.contains(where: { ",[]{}".contains($0) }) ? quoted(text) : scalar(text)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

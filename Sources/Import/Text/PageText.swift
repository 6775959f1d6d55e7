import DigestModel
import Foundation

/// The text of a web page as it comes out of a browser's copy and paste: one block a line,
/// list markers (`•`, `1.`) kept, every tag gone. The structure is recovered from the shape
/// of the lines:
///
/// - the lines before the first paragraph are the page's head: a one-word line first is the
///   site's name, the next is the title, and lines that repeat the title are dropped;
/// - a short line without closing punctuation is a heading;
/// - `1.` items are a numbered list, and the `•` items after one are its sub-items (pasted
///   pages number every item "1." because each sat in a list of its own: they are renumbered);
/// - `•` items whose every label holds a digit (`1961: …`, `Mid-2000s: …`) are a timeline,
///   other short `Label: text` items get their label in bold;
/// - lines the import rules name ("Click here…", "View All") are dropped.
public enum PageText {
    public struct Options: Sendable {
        /// The title, when the first lines do not give it.
        public var title: String?
        public var section: String
        public var date: CalendarDate
        public var rules: ImportRules = .defaults
        public init(section: String, date: CalendarDate) { self.section = section; self.date = date }
    }

    public struct Result: Sendable {
        public var article: ImportedArticle
        /// The one-word line above the title, when there was one: the site's name.
        public var siteName: String?
        public var warnings: [ImportWarning]
    }

    enum Line: Equatable {
        case text(String)
        case bullet(indent: Int, text: String)
        case numbered(indent: Int, text: String)
    }

    static let bulletMarkers: Set<Character> = ["•", "●", "▪", "◦", "○", "■", "□", "–", "-", "*", "·", "►", "➢", "✓", "✔", "➤", "→"]

    public static func read(file: String, data: Data, options: Options) throws(ImportFailure) -> Result {
        let (clean, warnings) = InputText.repaired(data, file: file)
        let text = String(decoding: clean, as: UTF8.self)
        var notes = ImportNotes()
        var lines: [Line] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw).replacingOccurrences(of: "\u{A0}", with: " ")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if options.rules.drops(trimmed) { notes.drop("boilerplate line"); continue }
            lines.append(classify(line))
        }

        // The head: text lines before the first paragraph or list.
        let headLength = lines.firstIndex { line in
            if case .text(let text) = line { return isParagraph(text) }
            return true
        } ?? lines.count
        var head = lines[..<headLength].compactMap { if case .text(let text) = $0 { text } else { nil } }
        var siteName: String?
        if head.count >= 2, !head[0].contains(" ") {
            siteName = head.removeFirst()
            notes.drop("site name")
        }
        guard let title = options.title ?? head.first else {
            throw ImportFailure("no title: the text starts with a paragraph or a list", file: file, line: 1,
                                hint: "give the title with --title")
        }
        if options.title == nil { head.removeFirst() }
        var blocks: [String] = []
        for line in head {
            let squeezed = MarkdownWriter.squeezed(line)
            if MarkdownWriter.squeezed(title).hasPrefix(squeezed) {
                notes.drop("repeated title")
            } else {
                blocks.append("## " + MarkdownWriter.escaped(line))
            }
        }

        var body = Array(lines[headLength...])
        var index = 0
        while index < body.count {
            switch body[index] {
            case .text(let text):
                index += 1
                if isParagraph(text) || index == body.count {
                    blocks.append(escapedParagraph(text))
                } else if let kind = MarkdownWriter.calloutKind(ofTitle: text) {
                    var content: [String] = []
                    while index < body.count, case .text(let next) = body[index], isParagraph(next) {
                        content.append(escapedParagraph(next))
                        index += 1
                    }
                    let list = listRun(&body, from: &index, notes: &notes)
                    if let list { content.append(list) }
                    notes.guess("callout")
                    let quoted = content.joined(separator: "\n\n").components(separatedBy: "\n").map { $0.isEmpty ? ">" : "> " + $0 }
                    blocks.append((["> [!\(kind)] " + MarkdownWriter.escaped(text)] + quoted).joined(separator: "\n"))
                } else {
                    blocks.append("## " + MarkdownWriter.escaped(text))
                }
            case .bullet, .numbered:
                if let list = listRun(&body, from: &index, notes: &notes) { blocks.append(list) }
            }
        }
        var slug = Slug.make(from: title)
        if slug.isEmpty { slug = Slug.make(from: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent) }
        if slug.isEmpty { slug = "article" }
        var article = ImportedArticle(slug: slug, title: title, date: options.date, section: options.section,
                                      body: blocks.joined(separator: "\n\n"), origin: file)
        article.notes = notes
        return Result(article: article, siteName: siteName, warnings: warnings)
    }

    static func classify(_ line: String) -> Line {
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let first = trimmed.first, bulletMarkers.contains(first) {
            let rest = trimmed.dropFirst()
            if rest.first == " " || rest.first == "\t" {
                return .bullet(indent: indent, text: rest.trimmingCharacters(in: .whitespaces))
            }
        }
        let digits = trimmed.prefix(while: \.isNumber)
        if (1...2).contains(digits.count) {
            let after = trimmed.dropFirst(digits.count)
            if (after.hasPrefix(".") || after.hasPrefix(")")), after.dropFirst().first == " " {
                return .numbered(indent: indent, text: after.dropFirst().trimmingCharacters(in: .whitespaces))
            }
        }
        return .text(trimmed)
    }

    /// Running text rather than a heading: long, or ending as a sentence does.
    static func isParagraph(_ text: String) -> Bool {
        let words = text.split(separator: " ").count
        if words > 12 || text.count > 100 { return true }
        guard let last = text.last else { return false }
        return ".,;:!…\"”)".contains(last)
    }

    /// The list that starts at `index`: numbered items with the bullets after each as its
    /// sub-items, or bullets alone.
    private static func listRun(_ lines: inout [Line], from index: inout Int, notes: inout ImportNotes) -> String? {
        struct Item { var text: String; var children: [String] = [] }
        var numbered: [Item] = []
        var bullets: [String] = []
        while index < lines.count {
            switch lines[index] {
            case .numbered(_, let text):
                numbered.append(Item(text: text))
            case .bullet(_, let text):
                if numbered.isEmpty { bullets.append(text) } else { numbered[numbered.count - 1].children.append(text) }
            case .text:
                break
            }
            if case .text = lines[index] { break }
            index += 1
        }
        if numbered.isEmpty {
            guard !bullets.isEmpty else { return nil }
            return bulletList(bullets, indent: "", notes: &notes)
        }
        var out: [String] = []
        for (number, item) in numbered.enumerated() {
            let text = MarkdownWriter.escaped(item.text)
            let heading = !item.children.isEmpty && !isParagraph(item.text)
            out.append("\(number + 1). " + (heading ? "**\(text)**" : text))
            if !item.children.isEmpty {
                out.append(bulletList(item.children, indent: String(repeating: " ", count: "\(number + 1). ".count), notes: &notes))
            }
        }
        return out.joined(separator: "\n")
    }

    private static func bulletList(_ items: [String], indent: String, notes: inout ImportNotes) -> String {
        let timeline = items.count >= 2 ? items.map { TimelineLabel.bolded(MarkdownWriter.escaped($0)) } : []
        if !timeline.isEmpty, timeline.allSatisfy({ $0 != nil }) {
            notes.guess("timeline")
            return timeline.map { indent + "- " + $0! }.joined(separator: "\n")
        }
        return items.map { indent + "- " + labelled(MarkdownWriter.escaped($0)) }.joined(separator: "\n")
    }

    /// `Trade and Investment: Plans…` → `**Trade and Investment**: Plans…` when the label is
    /// a short capitalised phrase.
    static func labelled(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        let label = text[..<colon]
        let rest = text[text.index(after: colon)...]
        let words = label.split(separator: " ")
        guard !words.isEmpty, words.count <= 5, label.first?.isUppercase == true, !label.contains(","),
              !label.contains(where: \.isNumber), rest.hasPrefix(" "), rest.count > 1 else { return text }
        return "**\(label)**:\(rest)"
    }

    private static func escapedParagraph(_ text: String) -> String {
        var escaped = MarkdownWriter.escaped(text)
        if let first = escaped.first, "#>+=".contains(first) { escaped = "\\" + escaped }
        return escaped
    }
}

import Diagnostics
import Foundation
import Yams

/// What an editor can tell `gazette import` in `import.yaml`: site boilerplate to drop,
/// which section each category goes to, and the section for articles that name none.
///
/// ```yaml
/// drop:                       # whole lines or paragraphs; * matches any text, case is ignored
///   - "Click here*"
/// sections:                   # a category (or article:section) → a section of the digest
///   Polity: National
/// default-section: General
/// ```
public struct ImportRules: Sendable, Equatable {
    public var drop: [String] { didSet { compiled = Self.compile(drop) } }
    /// `drop`, lower-cased and cut at each `*`, ready for matching.
    private var compiled: [[String]] = []
    /// Category → section, in the order written: that order is also the digest's section order.
    public var sections: [(category: String, section: String)]
    public var defaultSection: String

    public static func == (a: ImportRules, b: ImportRules) -> Bool {
        a.drop == b.drop && a.defaultSection == b.defaultSection
            && a.sections.map(\.category) == b.sections.map(\.category) && a.sections.map(\.section) == b.sections.map(\.section)
    }

    /// The lines exam-prep and news sites put under every article.
    public static let defaultDropPatterns = [
        "To Download Monthly Current Affairs PDF*",
        "Click here*",
        "*click here to download*",
        "Discover all about *",
        "View All",
        "Read more",
        "Read more:*",
        "Also read:*",
        "Also Read *",
        "Share this:",
        "Share this article*",
        "Like this:",
        "Like Loading...",
        "Related",
        "Related posts",
        "Follow us on *",
        "Join our Telegram*",
        "Subscribe to our newsletter*",
        "Advertisement",
    ]

    public static let defaults = ImportRules(drop: defaultDropPatterns, sections: [], defaultSection: "General")

    public init(drop: [String], sections: [(category: String, section: String)], defaultSection: String) {
        self.drop = drop; self.sections = sections; self.defaultSection = defaultSection
        compiled = Self.compile(drop)
    }

    private static func compile(_ patterns: [String]) -> [[String]] {
        patterns.map { $0.lowercased().components(separatedBy: "*") }
    }

    /// Boilerplate is a line or two: a longer paragraph is the article's, whatever it says.
    static let longestBoilerplate = 240

    /// Whether a line or paragraph of plain text is boilerplate to drop.
    public func drops(_ text: String) -> Bool {
        guard text.utf8.count <= Self.longestBoilerplate * 4 else { return false }
        let line = MarkdownWriter.collapsed(text).lowercased()
        guard !line.isEmpty, line.unicodeScalars.count <= Self.longestBoilerplate else { return false }
        return compiled.contains { Self.matches(line, $0) }
    }

    /// The section for a category, through the map (letter case ignored); nil when unmapped.
    public func section(forCategory category: String) -> String? {
        sections.first { $0.category.lowercased() == category.lowercased() }?.section
    }

    /// `*` matches any run of characters, everything else itself.
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        matches(text, pattern.components(separatedBy: "*"))
    }

    /// Whether `text` matches a pattern already cut at its `*`s.
    private static func matches(_ text: String, _ parts: [String]) -> Bool {
        guard parts.count > 1 else { return parts[0] == text }
        guard text.hasPrefix(parts[0]) else { return false }
        var rest = text.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        let last = parts[parts.count - 1]
        return last.isEmpty || (rest.hasSuffix(last) && rest.count >= last.count)
    }

    /// Reads `import.yaml`; the defaults fill in what it leaves out, and its `drop` list adds
    /// to the default patterns unless it sets `replace-default-drop: true`.
    /// - Throws: `DiagnosticError` naming the file, line and column of what is wrong.
    public static func read(file: String, text: String) throws -> ImportRules {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticError([.error("import.yaml is not valid YAML: \(Self.describe(error))", at: Self.location(of: error, in: file))])
        } catch {
            throw DiagnosticError([.error("import.yaml cannot be read: \(error)", at: SourceLocation(file: file))])
        }
        guard let node else { return defaults }
        guard let mapping = node.mapping else {
            throw DiagnosticError([.error("import.yaml must be a mapping of drop, sections and default-section",
                                          at: Self.location(node, file))])
        }
        var rules = defaults
        var replaceDrop = false
        var extra: [String] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            if name == "drop" || name == "sections", case .scalar(let scalar) = value,
               ["", "~", "null"].contains(scalar.string) {
                continue  // the key with only comments under it, as in the starter file
            }
            switch name {
            case "drop":
                guard let list = value.sequence else {
                    throw DiagnosticError([.error("'drop' must be a list of patterns", at: location(value, file),
                                                  hint: "write one pattern a line, e.g. - \"Click here*\"")])
                }
                for item in list {
                    guard let pattern = item.string, !pattern.isEmpty else {
                        throw DiagnosticError([.error("a drop pattern must be text", at: location(item, file))])
                    }
                    extra.append(pattern)
                }
            case "replace-default-drop":
                replaceDrop = value.bool ?? false
            case "sections":
                guard let map = value.mapping else {
                    throw DiagnosticError([.error("'sections' must map categories to sections", at: location(value, file),
                                                  hint: "e.g. Polity: National")])
                }
                rules.sections = map.map { ($0.key.string ?? "", $0.value.string ?? "") }
                if let empty = map.first(where: { ($0.value.string ?? "").isEmpty }) {
                    throw DiagnosticError([.error("category '\(empty.key.string ?? "")' maps to no section", at: location(empty.value, file))])
                }
            case "default-section":
                guard let section = value.string, !section.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw DiagnosticError([.error("'default-section' must name a section", at: location(value, file))])
                }
                rules.defaultSection = section
            default:
                let guess = Suggestion.closest(to: name, in: ["drop", "sections", "default-section", "replace-default-drop"])
                throw DiagnosticError([.error("unknown key '\(name)' in import.yaml", at: location(key, file),
                                              hint: guess.map { "did you mean '\($0)'?" } ?? "the keys are drop, sections and default-section")])
            }
        }
        rules.drop = (replaceDrop ? [] : defaultDropPatterns) + extra
        return rules
    }

    /// The file `import` writes into a new digest folder, so that the editor finds the
    /// rules where they apply and can extend them.
    public static let starterFile = """
        # How `gazette import` treats this site's pages. Edit freely: import never overwrites
        # this file once you have changed it.
        #
        # Lines or paragraphs to drop, besides the built-in ones (subscribe banners, "Click
        # here…", "View All"…). * matches any text; letter case is ignored.
        drop:
          # - "Download our app*"

        # Which section of digest.yaml each category goes to (a category with no line here
        # becomes a section of its own name).
        sections:
          # Polity: National
          # World: International Relations

        # The section of an article that names no category.
        default-section: General

        """

    private static func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private static func location(of error: YamlError, in file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            return SourceLocation(file: file)
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

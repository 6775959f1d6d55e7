import Diagnostics
internal import Yams

/// The keys of one YAML mapping (`digest.yaml` or an article's front matter), read with
/// their positions so every complaint points at the key or value at fault.
///
/// Values are read as the scalar text the user wrote, never through YAML's type
/// resolution: `date: 2024-06-19` stays the string "2024-06-19", `title: 1961` the title
/// "1961". Only `bool(_:)` interprets a scalar.
struct YAMLFields {
    /// Describes where the mapping lives, for messages: "digest.yaml", "front matter".
    let context: String
    private let file: String
    private let lineOffset: Int
    /// Where each line as libyaml counts them starts, as (line, column) of the text: libyaml
    /// also ends lines at U+2028 and U+2029, which Gazette (like every editor) does not.
    /// Empty when the text holds neither, so lines are the same.
    private let lineStarts: [(line: Int, column: Int)]
    /// The text's last line (1-based) and its length in characters: libyaml puts the end of
    /// a text without a final line end on the line after it, which does not exist.
    private let lastLine: (number: Int, length: Int)
    /// Where "missing key" errors point.
    private let origin: SourceLocation
    private var values: [String: Node] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// Set when the YAML could not be parsed: missing keys are then not reported, as they
    /// are most likely just unreadable.
    private var isBroken = false

    /// Parses `yaml` and checks its keys against `known`.
    ///
    /// - Parameters:
    ///   - yaml: the YAML text.
    ///   - file: the path shown in diagnostics.
    ///   - lineOffset: lines of the file before `yaml`'s first line.
    ///   - origin: where errors about the mapping as a whole point.
    ///   - known: every allowed key, in the order the hint lists them.
    init(yaml: String, file: String, lineOffset: Int, origin: SourceLocation, context: String,
         known: [String]) {
        self.context = context; self.file = file; self.lineOffset = lineOffset; self.origin = origin
        lineStarts = Self.lineStarts(of: yaml)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        lastLine = (lines.count, lines.last?.unicodeScalars.count ?? 0)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            diagnostics.append(syntaxError(error))
            isBroken = true
            return
        }
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(
                "\(context) is not a list of 'key: value' lines", at: location(of: node),
                hint: "write one 'key: value' per line, e.g. 'title: …'"))
            isBroken = true
            return
        }
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                diagnostics.append(.error(
                    "a key in \(context) is not a plain name", at: location(of: keyNode),
                    hint: "write keys as plain words such as 'title'"))
                continue
            }
            let name = key.string
            if values[name] != nil {
                diagnostics.append(.error(
                    "duplicate key '\(name)' in \(context)", at: location(of: keyNode),
                    hint: "keep only one '\(name)' line"))
                continue
            }
            guard known.contains(name) else {
                let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" }
                    ?? "expected \(Suggestion.list(known))"
                diagnostics.append(.error(
                    "unknown key '\(name)' in \(context)", at: location(of: keyNode), hint: hint))
                continue
            }
            values[name] = value
        }
    }

    /// The position of a node in the real file.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return origin }
        return place(line: mark.line, column: mark.column)
    }

    /// The place in the real file of libyaml's 1-based line and column.
    private func place(line: Int, column: Int) -> SourceLocation {
        if line > lastLine.number, lineStarts.isEmpty {
            return SourceLocation(file: file, line: lastLine.number + lineOffset, column: lastLine.length + 1)
        }
        guard !lineStarts.isEmpty, line >= 1 else {
            return SourceLocation(file: file, line: line + lineOffset, column: column)
        }
        let start = lineStarts[min(line, lineStarts.count) - 1]
        return SourceLocation(file: file, line: start.line + lineOffset, column: start.column + column - 1)
    }

    private static func lineStarts(of yaml: String) -> [(line: Int, column: Int)] {
        guard yaml.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return [] }
        var starts = [(line: 1, column: 1)]
        var line = 1, column = 1
        for scalar in yaml.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1; column = 1
                starts.append((line, column))
            } else if scalar == "\u{2028}" || scalar == "\u{2029}" {
                starts.append((line, column))
            }
        }
        return starts
    }

    /// The position of `key`'s value, if the key is present.
    func location(ofValue key: String) -> SourceLocation? {
        values[key].map(location(of:))
    }

    /// Whether `key` is present with a non-null value.
    func has(_ key: String) -> Bool {
        guard let node = values[key] else { return false }
        return node.null == nil
    }

    /// A text value; reports a missing required key, an empty value or a list/mapping.
    ///
    /// - Parameter example: a sample line for the hint when a required key is missing.
    mutating func string(_ key: String, required: Bool = false, example: String? = nil) -> String? {
        guard let node = present(key, required: required, example: example) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(
                "'\(key)' in \(context) must be a text, not a \(kind(of: node))",
                at: location(of: node), hint: "write it on the same line: '\(key): …'"))
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        if text.isEmpty {
            if required {
                empty(key, at: node, example: example)
            }
            return nil
        }
        guard isPrintable(text, key: key, at: node) else { return nil }
        return text
    }

    /// Reports a value holding a character no text may hold (written with a YAML escape
    /// such as `"\0"`: the file's own bytes were checked when it was decoded).
    private mutating func isPrintable(_ text: String, key: String, at node: Node) -> Bool {
        guard let bad = ForbiddenCharacter.first(in: text, allowingLineEnds: true) else { return true }
        diagnostics.append(.error(
            "'\(key)' in \(context) contains \(bad.problem)", at: location(of: node),
            hint: "remove the escape sequence that writes it (such as '\\0', '\\a' or '\\x07' in double quotes)"))
        return false
    }

    /// A list of texts (block or flow style), each with its position.
    mutating func stringList(_ key: String, required: Bool = false, example: String? = nil)
        -> [(text: String, location: SourceLocation)]?
    {
        guard let node = present(key, required: required, example: example) else { return nil }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(
                "'\(key)' in \(context) must be a list, not a \(kind(of: node))",
                at: location(of: node),
                hint: "write it as '\(key): [a, b]' or as lines '  - a' below '\(key):'"))
            return nil
        }
        var items: [(text: String, location: SourceLocation)] = []
        var ok = true
        for item in sequence {
            guard case .scalar(let scalar) = item, item.null == nil,
                  !scalar.string.trimmingWhitespace.isEmpty
            else {
                diagnostics.append(.error(
                    "an entry of '\(key)' in \(context) is not a text", at: location(of: item),
                    hint: "write each entry as a plain word or phrase"))
                ok = false
                continue
            }
            guard isPrintable(scalar.string, key: key, at: item) else { ok = false; continue }
            items.append((scalar.string.trimmingWhitespace, location(of: item)))
        }
        return ok ? items : nil
    }

    /// A `true`/`false` value.
    mutating func bool(_ key: String) -> Bool? {
        guard let node = values[key], node.null == nil else { return nil }
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        diagnostics.append(.error(
            "'\(key)' in \(context) must be true or false, not '\(text(of: node))'",
            at: location(of: node), hint: "write '\(key): true' or '\(key): false'"))
        return nil
    }

    /// Adds a diagnostic found by the caller while interpreting a value.
    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The value of `key` unless it is absent or null; reports that when `required`.
    private mutating func present(_ key: String, required: Bool, example: String?) -> Node? {
        guard let node = values[key] else {
            if required && !isBroken { missing(key, example: example) }
            return nil
        }
        guard node.null == nil else {
            if required { empty(key, at: node, example: example) }
            return nil
        }
        return node
    }

    private mutating func empty(_ key: String, at node: Node, example: String?) {
        diagnostics.append(.error(
            "'\(key)' in \(context) is empty", at: location(of: node),
            hint: example.map { "write e.g. '\($0)'" } ?? "give it a value"))
    }

    private mutating func missing(_ key: String, example: String?) {
        diagnostics.append(.error(
            "missing required key '\(key)' in \(context)", at: origin,
            hint: "add a line '\(example ?? "\(key): …")'"))
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .sequence: "list"
        case .mapping: "mapping"
        }
    }

    private func text(of node: Node) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return kind(of: node)
    }

    /// Turns a Yams error into a diagnostic at the position libyaml reported.
    private func syntaxError(_ error: any Error) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("cannot read \(context): \(error)", at: origin)
        }
        let hint = "check the indentation, and quote values that contain ': ' or start with a special character"
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let place = self.place(line: mark.line, column: mark.column)
            let detail = context.map { " \($0.text)" } ?? ""
            // An unclosed list, mapping or quote is noticed lines later, where libyaml gives
            // up: point at where it was opened, and say where the reading stopped.
            if let context, context.mark.line < mark.line,
               ["while parsing a flow", "while scanning a quoted scalar"].contains(where: context.text.hasPrefix) {
                let opened = self.place(line: context.mark.line, column: context.mark.column)
                let hint = context.text.contains("quoted") ? "add the closing quote"
                    : context.text.contains("sequence") ? "close the list with ']'" : "close the mapping with '}'"
                return .error(
                    "invalid YAML in \(self.context): \(problem)\(detail) that starts here "
                        + "(reading stopped at line \(place.line), column \(place.column))",
                    at: opened, hint: hint)
            }
            return .error("invalid YAML in \(self.context): \(problem)\(detail)", at: place, hint: hint)
        default:
            return .error("invalid YAML in \(context): \(yamlError)", at: origin, hint: hint)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line ends.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}

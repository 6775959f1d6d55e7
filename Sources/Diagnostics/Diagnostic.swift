/// Where something is in a user's file: 1-based line and column, columns counted in characters.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as the user should see it (relative to the digest folder's parent when possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }

    /// A whole file rather than a place in it (line and column 0), e.g. for a file that is
    /// missing; it prints as the bare path.
    public init(file: String) {
        self.init(file: file, line: 0, column: 0)
    }

    /// Whether this names a whole file (line 0) rather than a line and column in it.
    public var isWholeFile: Bool { line == 0 }

    public var description: String { isWholeFile ? file : "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in the input, printed as `file:line:column: error: message; hint`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// Lower-case, quotes the offending value.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        self.severity = severity; self.location = location; self.message = message; self.hint = hint
    }

    public static func error(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        let tail = hint.map { "; \($0)" } ?? ""
        return "\(place)\(severity.rawValue): \(message)\(tail)"
    }

    /// This warning as an error, for `--strict`: the same place and message.
    public var asError: Diagnostic {
        guard severity == .warning else { return self }
        return Diagnostic(.error, message, at: location, hint: (hint.map { $0 + "; " } ?? "") + "an error because of --strict")
    }
}

/// Thrown when a stage found errors in the input: carries every diagnostic of the run.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

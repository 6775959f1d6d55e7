import ArgumentParser
import Diagnostics
import Foundation

/// `gazette check`: every problem of a digest, for an editor (text) or a CMS (JSON lines),
/// without writing anything. It lays the digest out too, because some problems (a table too
/// wide, a block split across columns) only show there.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read and lay out a digest folder and print every problem; writes no PDF.",
        discussion: """
            Exits 0 when the digest would build (warnings allowed) and 1 when it has errors.

            --format json prints one JSON object per line and per problem, for a CMS or an \
            editor plug-in: {"file": …, "line": …, "column": …, "severity": "error" or \
            "warning", "message": …, "hint": … or null}. Line and column are 1-based (columns \
            in characters) and null when a problem concerns a whole file; file is null when \
            it concerns no file (such as an unknown layout name).
            """)

    /// How the problems are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The digest folder (holds digest.yaml and articles/).", completion: .directory)
    var digest: String

    @Option(help: "text: `file:line:column: error: …` on standard error; json: JSON lines on standard output.")
    var format: Format = .text

    @OptionGroup var layout: LayoutOptions

    @OptionGroup var messages: OutputOptions

    func run() throws {
        let console = Console(verbosity: format == .json ? .quiet : messages.verbosity)
        let pipeline = Pipeline(resources: try Resources.locate(), layout: layout, strict: messages.strict)
        Interruption.handle(console: console, exitCode: 130)
        console.progress.start("reading \(digest)")
        defer { console.clearProgress() }
        let outcome = try pipeline.layOut(folder: digest, console: console)
        console.clearProgress()
        let hasErrors = outcome.result == nil

        switch format {
        case .json:
            let shown = messages.quiet ? outcome.diagnostics.filter { $0.severity == .error } : outcome.diagnostics
            for diagnostic in shown { console.data(diagnostic.jsonLine) }
        case .text:
            console.report(outcome.diagnostics)
            if let digest = outcome.digest, !hasErrors {
                let sections = digest.sections.filter { !$0.articles.isEmpty }.count
                let warnings = outcome.diagnostics.count
                let tail = warnings == 0 ? "" : ", \(plural(warnings, "warning"))"
                console.result("\(self.digest): \(plural(digest.articles.count, "article")) in \(plural(sections, "section")), no errors\(tail)")
            }
        }
        if hasErrors { throw ExitStatus.inputError }
    }
}

extension Diagnostic {
    /// One JSON object on one line, keys in a fixed order: file, line, column, severity,
    /// message, hint. Written by hand so the order is stable and nothing is escaped that
    /// JSON does not require (a CMS shows the message as is).
    var jsonLine: String {
        let file = location.map { JSON.string($0.file) } ?? "null"
        let line = location.flatMap { $0.isWholeFile ? nil : String($0.line) } ?? "null"
        let column = location.flatMap { $0.isWholeFile ? nil : String($0.column) } ?? "null"
        let hint = hint.map(JSON.string) ?? "null"
        return "{\"file\":\(file),\"line\":\(line),\"column\":\(column),\"severity\":\(JSON.string(severity.rawValue)),\"message\":\(JSON.string(message)),\"hint\":\(hint)}"
    }
}

/// The little JSON writing the command line needs.
enum JSON {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

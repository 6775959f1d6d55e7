import ArgumentParser
import Diagnostics
import Foundation

/// `--quiet` and `--verbose`, shared by every command that reads a digest.
struct OutputOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print only errors: no warnings, no summary, no progress.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print how long each phase took and where fonts and layouts come from.")
    var verbose = false

    @Flag(help: "Treat every warning as an error: exit 1 and write nothing (for publishing pipelines).")
    var strict = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together; choose one") }
    }

    var verbosity: Console.Verbosity { quiet ? .quiet : verbose ? .verbose : .normal }
}

/// Everything a command says to the user, in one place, so that the progress line and the
/// messages never overwrite each other and `--quiet`/`--verbose` are honoured everywhere.
///
/// Standard output carries results (`wrote …`, JSON lines); standard error carries
/// diagnostics, `--verbose` details and the progress line. Standard output is flushed after
/// every line (written unbuffered): a CMS or a test reading it through a pipe sees each build as it happens.
final class Console: Sendable {
    enum Verbosity: Sendable { case quiet, normal, verbose }

    let verbosity: Verbosity
    /// Shown only on a terminal, and only once a run has taken longer than a moment.
    let progress: ProgressLine

    /// - Parameter observer: also told every phase and fraction, terminal or not: `gazette
    ///   serve` streams them to the editor's page.
    init(verbosity: Verbosity, observer: ProgressLine.Observer? = nil) {
        self.verbosity = verbosity
        let interactive = verbosity != .quiet && ProgressLine.standardErrorIsTerminal
        progress = ProgressLine(enabled: interactive, delay: ProgressLine.configuredDelay, observer: observer)
    }

    /// A result line on standard output; nothing with `--quiet`.
    func result(_ line: String) {
        guard verbosity != .quiet else { return }
        progress.pause { FileHandle.standardOutput.write(line + "\n") }
    }

    /// A line on standard output that is printed even with `--quiet` (machine-readable output).
    func data(_ line: String) {
        progress.pause { FileHandle.standardOutput.write(line + "\n") }
    }

    /// A detail on standard error, with `--verbose` only.
    func detail(_ line: String) {
        guard verbosity == .verbose else { return }
        progress.pause { FileHandle.standardError.write(line + "\n") }
    }

    /// A note on standard error (what changed, what to do next); nothing with `--quiet`.
    func note(_ line: String) {
        guard verbosity != .quiet else { return }
        progress.pause { FileHandle.standardError.write(line + "\n") }
    }

    /// Diagnostics on standard error, then a count; with `--quiet`, only the errors.
    func report(_ diagnostics: [Diagnostic]) {
        let shown = verbosity == .quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        progress.pause { FileHandle.standardError.write(Console.describe(shown)) }
    }

    /// Stops the progress line and erases it.
    func clearProgress() { progress.stop() }

    /// `file:line:column: error: …` lines and a closing count such as `2 errors, 1 warning`.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        var text = diagnostics.map { $0.description + "\n" }.joined()
        text += count(diagnostics) + "\n"
        return text
    }

    /// `2 errors, 1 warning`; empty when there are none.
    static func count(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var counts: [String] = []
        if errors > 0 { counts.append(plural(errors, "error")) }
        if warnings > 0 { counts.append(plural(warnings, "warning")) }
        return counts.joined(separator: ", ")
    }
}

/// `1 article`, `3 articles`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Seconds with two decimals, as the build summary prints them.
func seconds(since start: Date) -> String {
    String(format: "%.2f s", Date().timeIntervalSince(start))
}

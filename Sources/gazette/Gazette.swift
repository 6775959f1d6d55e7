import ArgumentParser

/// The `gazette` command: a month of Markdown articles in, a print-ready PDF digest out.
@main
struct Gazette: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Typeset a folder of Markdown articles into a monthly PDF digest.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self])
}

/// Exit codes: 0 success (warnings allowed), 1 errors in the input, 64 usage, 70 internal error.
enum ExitStatus {
    static let inputError = ExitCode(1)
    static let internalError = ExitCode(70)
}

import ArgumentParser
import Foundation

/// The `gazette` command: a month of Markdown articles in, a print-ready PDF digest out.
///
/// `main()` is written out rather than inherited so that every way a run can end maps to
/// one of the four documented exit codes, with a one-line message and never a stack trace.
@main
struct Gazette: ParsableCommand {
    /// Printed by `gazette --version`.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Typeset a folder of Markdown articles into a monthly PDF digest.",
        discussion: """
            Start a month with `gazette new 2024-07`, write articles with `gazette new article`, \
            look at pages with `gazette preview`, and keep `gazette build 2024-07 --watch` running \
            while you edit.

            Exit codes: 0 success (warnings allowed), 1 errors in the input, 64 wrong usage, \
            70 an internal error.

            Shell completions: `gazette --generate-completion-script bash` (or zsh, fish).
            """,
        version: version,
        subcommands: [Build.self, Check.self, Preview.self, Handout.self, New.self, ImportCommand.self, Layouts.self, Serve.self])

    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as UsageError {
            FileHandle.standardError.write("Error: \(error.message)\n  See 'gazette \(error.command) --help' for more information.\n")
            exit(withError: ExitCode.validationFailure)
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            // `--help` and friends reach here from the built-in help command's `run()`.
            exit(withError: error)
        } catch {
            // Anything else is a fault of the tool or its installation, not of the input.
            // (Each command has erased its progress line on the way out.)
            FileHandle.standardError.write("gazette: error: \(String(describing: error))\n")
            exit(withError: ExitStatus.internalError)
        }
    }
}

/// Exit codes: 0 success (warnings allowed), 1 errors in the input, 64 usage, 70 internal error.
enum ExitStatus {
    static let inputError = ExitCode(1)
    static let usage = ExitCode.validationFailure
    static let internalError = ExitCode(70)
}

/// A mistake in how the command was called that shows only once the digest has been read
/// (a page past the end, an unknown article): printed like a parsing error and exits 64.
struct UsageError: Error, CustomStringConvertible {
    /// The subcommand, for the "see --help" line, e.g. `preview` or `new article`.
    var command: String
    var message: String
    var description: String { message }
}

/// A fault that is neither the user's input nor their usage: a missing font folder, an
/// unwritable output. Exits 70 with `message`, which says what to do.
struct InternalError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

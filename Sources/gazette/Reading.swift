import Diagnostics
import Foundation

/// Prints diagnostics to standard error, then a count when there were any. For commands
/// that need no `Console` (no progress line, no `--quiet`).
func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    FileHandle.standardError.write(Console.describe(diagnostics))
}

import Diagnostics
import DigestModel
import DigestReader
import Foundation

/// Reads the digest and prints its diagnostics; nil when there were errors.
func readOrReport(folder: String) -> Digest? {
    let reading = DigestReader.read(folder: folder)
    report(reading.diagnostics)
    return reading.diagnostics.contains { $0.severity == .error } ? nil : reading.digest
}

/// Prints diagnostics to standard error, then a count when there were any.
func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    var text = diagnostics.map { $0.description + "\n" }.joined()
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    var counts: [String] = []
    if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
    if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
    text += counts.joined(separator: ", ") + "\n"
    FileHandle.standardError.write(text)
}

import Foundation

/// What a command-line tool printed and how it exited.
struct ToolOutput {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs one of the PDF inspection tools (poppler-utils, qpdf) from `PATH`.
///
/// Output goes through files rather than pipes, so a tool printing a lot (qpdf's JSON) cannot
/// fill a pipe and block while we wait for it to exit.
func run(_ tool: String, _ arguments: [String]) throws -> ToolOutput {
    let directory = try TemporaryDirectory()
    let outPath = directory.file("stdout")
    let errPath = directory.file("stderr")
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let read = { (path: String) in
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return ToolOutput(status: process.terminationStatus, stdout: read(outPath), stderr: read(errPath))
}

/// `pdfinfo`'s `Key: value` lines as a dictionary (first occurrence of each key).
func pdfInfo(_ path: String, _ options: [String] = []) throws -> [String: String] {
    let output = try run("pdfinfo", options + [path])
    var info: [String: String] = [:]
    for line in output.stdout.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let key = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if info[key] == nil { info[key] = value }
    }
    return info
}

/// A word as `pdftotext -bbox` reports it: points, y down from the top of the page.
struct PDFWord: Equatable {
    var text: String
    var xMin, yMin, xMax, yMax: Double
}

/// The words of every page, in the order poppler reads them.
func pdfWords(_ path: String) throws -> [[PDFWord]] {
    let output = try run("pdftotext", ["-bbox", path, "-"])
    var pages: [[PDFWord]] = []
    for line in output.stdout.split(separator: "\n").map(String.init) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("<page ") { pages.append([]) }
        guard trimmed.hasPrefix("<word "), let close = trimmed.range(of: ">"),
            let end = trimmed.range(of: "</word>")
        else { continue }
        let attributes = String(trimmed[..<close.lowerBound])
        let value = { (name: String) -> Double in
            guard let start = attributes.range(of: name + "=\"") else { return .nan }
            let rest = attributes[start.upperBound...]
            return Double(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)]) ?? .nan
        }
        let text = String(trimmed[close.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'")
        pages[pages.count - 1].append(
            PDFWord(text: text, xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"), yMax: value("yMax")))
    }
    return pages
}

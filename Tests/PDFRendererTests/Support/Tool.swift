import Foundation
import TestSupport

/// `pdfinfo`'s `Key: value` lines as a dictionary (first occurrence of each key).
func pdfInfo(_ path: String, _ options: [String] = []) throws -> [String: String] {
    let output = try run(tool("pdfinfo"), options + [path])
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
    let output = try run(tool("pdftotext"), ["-bbox", path, "-"])
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

import Foundation
import TestSupport

/// A word of a PDF page as poppler reads it back, with its box in points (y down).
struct PDFWord {
    var text: String
    var xMin, yMin, xMax, yMax: Double
}

struct PDFPage {
    var width, height: Double
    var words: [PDFWord]
    /// The page's words joined with spaces.
    var text: String { words.map(\.text).joined(separator: " ") }
}

/// Reads every page's words and boxes with `pdftotext -bbox`.
func readPages(_ pdf: String) throws -> [PDFPage] {
    let output = try run(tool("pdftotext"), ["-bbox", pdf, "-"])
    var pages: [PDFPage] = []
    for line in output.stdout.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("<page ") {
            pages.append(PDFPage(width: attribute("width", in: trimmed), height: attribute("height", in: trimmed), words: []))
        } else if trimmed.hasPrefix("<word "), !pages.isEmpty,
                  let start = trimmed.firstIndex(of: ">"), let end = trimmed.range(of: "</word>", options: .backwards) {
            let text = unescape(String(trimmed[trimmed.index(after: start)..<end.lowerBound]))
            pages[pages.count - 1].words.append(PDFWord(
                text: text, xMin: attribute("xMin", in: trimmed), yMin: attribute("yMin", in: trimmed),
                xMax: attribute("xMax", in: trimmed), yMax: attribute("yMax", in: trimmed)))
        }
    }
    return pages
}

private func attribute(_ name: String, in tag: String) -> Double {
    guard let range = tag.range(of: " \(name)=\"") else { return .nan }
    let rest = tag[range.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return .nan }
    return Double(rest[..<end]) ?? .nan
}

private func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// Text without any white space, for comparing titles that wrap differently.
func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}

/// An entry of the contents as printed: its title and page number.
struct ContentsLine: Equatable {
    var title: String
    var page: Int
}

/// Reads the contents pages back: words of each printed line left to right; a line that
/// ends in a number closes an entry, whose title may have taken several lines.
func readContents(_ pages: [PDFPage]) -> [ContentsLine] {
    var entries: [ContentsLine] = []
    for page in pages {
        var title: [String] = []
        for line in printedLines(page.words.filter { $0.yMin > 60 && $0.yMax < page.height - 50 }) {
            let words = line.map(\.text).filter { !$0.allSatisfy { $0 == "." } }
            guard let last = words.last else { continue }
            if let number = Int(last) {
                title += words.dropLast()
                entries.append(ContentsLine(title: title.joined(separator: " "), page: number))
                title = []
            } else {
                title += words
            }
        }
    }
    return entries
}

/// Words grouped into printed lines, top to bottom, each left to right. Words of one line
/// share their vertical middle even when fonts of other scripts give them taller boxes.
func printedLines(_ words: [PDFWord]) -> [[PDFWord]] {
    var lines: [(middle: Double, words: [PDFWord])] = []
    for word in words.sorted(by: { ($0.yMin + $0.yMax) < ($1.yMin + $1.yMax) }) {
        let middle = (word.yMin + word.yMax) / 2
        if let last = lines.last, abs(last.middle - middle) < 3 {
            lines[lines.count - 1].words.append(word)
        } else {
            lines.append((middle, [word]))
        }
    }
    return lines.map { $0.words.sorted { $0.xMin < $1.xMin } }
}

import DigestModel
import Diagnostics
import Foundation

/// What every importer does to its bytes first: repair what can be repaired safely, with a
/// warning that names the line, so that one bad byte in a 50 MB export does not stop it.
enum InputText {
    /// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD and control characters
    /// (other than tab and line breaks) removed, ANSI escape sequences with them.
    static func repaired(_ bytes: Data, file: String) -> (data: Data, warnings: [ImportWarning]) {
        var warnings: [ImportWarning] = []
        var data = bytes
        if String(validating: bytes, as: UTF8.self) == nil {
            let line = firstInvalidLine(bytes)
            data = Data(String(decoding: bytes, as: UTF8.self).utf8)
            warnings.append(ImportWarning(file: file, line: line, message:
                "the file is not valid UTF-8 here (and perhaps elsewhere); the bad bytes became '\u{FFFD}'"))
        }
        let hasControls = data.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }
        guard hasControls else { return (data, warnings) }
        var firstControl = 0, controls = 0, line = 1
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(data.count)
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if byte == 0x0A { line += 1 }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F {
                if firstControl == 0 { firstControl = line }
                controls += 1
                index = data.index(after: index)
                if byte == 0x1B, index < data.endIndex, data[index] == UInt8(ascii: "[") {
                    // An ANSI colour or cursor sequence pasted from a terminal: ESC [ params letter.
                    index = data.index(after: index)
                    while index < data.endIndex, !(0x40...0x7E).contains(data[index]) { index = data.index(after: index) }
                    if index < data.endIndex { index = data.index(after: index) }
                }
                continue
            }
            cleaned.append(byte)
            index = data.index(after: index)
        }
        if controls > 0 {
            warnings.append(ImportWarning(file: file, line: firstControl, message:
                "removed \(controls) control character\(controls == 1 ? "" : "s") (the first on this line), which print cannot show"))
        }
        return (Data(cleaned), warnings)
    }

    private static func firstInvalidLine(_ bytes: Data) -> Int {
        var line = 1
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: slice, as: UTF8.self) == nil { return line }
            line += 1
        }
        return line
    }

    /// The text of an HTML fragment with entities decoded: a WordPress title such as
    /// `Q&amp;A: India&#8217;s budget`.
    static func decodedHTML(_ text: String) -> String {
        guard text.contains("&") || text.contains("<") else { return MarkdownWriter.collapsed(text) }
        let parsed = LibXML.parseHTML(Data(("<p>" + text + "</p>").utf8), encoding: "UTF-8")
        return MarkdownWriter.collapsed(parsed.document.text)
    }
}

extension CalendarDate {
    /// Exactly `2024-06-19`, a date that exists.
    public init?(isoText text: String) {
        guard text.count == 10 else { return nil }
        self.init(leading: text)
    }

    /// The date at the start of `text` (`2024-06-19`, `2024-06-19 10:15:00`,
    /// `2024-06-19T10:15:00+05:30`), if it is one that exists.
    public init?(leading text: String) {
        let head = text.trimmingCharacters(in: .whitespaces).prefix(10)
        let parts = head.split(separator: "-", omittingEmptySubsequences: false)
        guard head.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, year > 0 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

/// A reason import cannot go on: the input is unreadable or not what the command expects.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public init(_ message: String, file: String, line: Int = 0, column: Int = 0, hint: String? = nil) {
        let location = line > 0 ? SourceLocation(file: file, line: line, column: max(column, 1)) : SourceLocation(file: file)
        diagnostic = .error(message, at: location, hint: hint)
    }
    public var description: String { diagnostic.description }
}

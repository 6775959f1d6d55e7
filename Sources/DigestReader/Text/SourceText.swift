import Diagnostics

/// The text of one input file, checked to be clean UTF-8 and split into lines.
///
/// Decoding is the only place raw bytes are looked at: later stages may assume valid UTF-8,
/// no NUL, no control characters besides tab (others are removed here, with a warning a
/// line: they come from pasting, and leaving them out is safe), no noncharacters (see `ForbiddenCharacter`),
/// and `\n` line ends (CRLF and lone CR are
/// normalised, a leading byte order mark is dropped). Line `n` of `lines` is line `n + 1` of
/// the real file, so positions computed here point into the file the user edits.
struct SourceText: Sendable {
    /// The path shown in diagnostics.
    var file: String
    /// Every line without its line end.
    var lines: [String]
    /// Warnings for what decoding repaired: control characters removed, one a line.
    var repairs: [Diagnostic] = []

    /// A decoded text, or why the bytes were refused.
    enum Decoding {
        case text(SourceText)
        case rejected(Diagnostic)
    }

    /// The whole text with `\n` line ends.
    var text: String { lines.joined(separator: "\n") }

    /// Checks and decodes `bytes`, or describes the first bad byte at its exact line and column.
    ///
    /// Every byte of every input passes through here, so printable ASCII and tab (nearly all
    /// of a file) are passed on a single comparison, only other bytes are decoded as scalars,
    /// and each line becomes a `String` once, from its validated bytes.
    static func decode(_ bytes: [UInt8], file: String) -> Decoding {
        bytes.withUnsafeBufferPointer { decode($0, file: file) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Decoding {
        let end = bytes.count
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [String] = []
        var lineStart = index
        var line = 1, column = 1
        var repairs: [Diagnostic] = []
        // A line that lost control characters is rebuilt from the bytes around them.
        var repaired: [UInt8]?
        var keptFrom = index
        var removed: (count: Int, first: Unicode.Scalar, column: Int)?

        func endLine() {
            if var kept = repaired {
                kept += UnsafeBufferPointer(rebasing: bytes[keptFrom..<index])
                lines.append(String(decoding: kept, as: UTF8.self))
            } else {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self))
            }
            if let removed {
                let what = removed.count == 1 ? "control character \(ForbiddenCharacter.codePoint(removed.first))"
                    : "\(removed.count) control characters (the first \(ForbiddenCharacter.codePoint(removed.first)))"
                repairs.append(.warning("removed \(what), which print cannot show",
                                        at: SourceLocation(file: file, line: line, column: removed.column)))
            }
            repaired = nil; removed = nil
            line += 1; column = 1
        }
        /// Leaves out the `length` bytes at `index` (a control character, or a whole ANSI
        /// escape sequence such as ESC [ 3 1 m pasted from a terminal).
        func remove(_ scalar: Unicode.Scalar, length: Int) {
            if repaired == nil { repaired = Array(UnsafeBufferPointer(rebasing: bytes[lineStart..<index])) } else {
                repaired! += UnsafeBufferPointer(rebasing: bytes[keptFrom..<index])
            }
            var skip = length, characters = 1
            if scalar == "\u{1B}", index + 1 < end, bytes[index + 1] == UInt8(ascii: "[") {
                skip = 2
                while index + skip < end, !(0x40...0x7E).contains(bytes[index + skip]), bytes[index + skip] != 0x0A {
                    skip += 1
                }
                if index + skip < end, bytes[index + skip] != 0x0A { skip += 1 }
                characters = skip  // all ASCII
            }
            removed = ((removed?.count ?? 0) + 1, removed?.first ?? scalar, removed?.column ?? column)
            index += skip; column += characters
            keptFrom = index
        }
        func rejected(_ message: String, hint: String) -> Decoding {
            .rejected(.error(message, at: SourceLocation(file: file, line: line, column: column), hint: hint))
        }

        while index < end {
            let byte = bytes[index]
            if (byte >= 0x20 && byte < 0x7F) || byte == 0x09 {
                index += 1; column += 1
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                // CRLF and a lone CR end a line as LF does.
                endLine()
                index += byte == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
                lineStart = index; keptFrom = index
                continue
            }
            let scalar: Unicode.Scalar, length: Int
            if byte < 0x80 {
                scalar = Unicode.Scalar(byte); length = 1
            } else {
                var window = bytes[index..<min(index + 4, end)].makeIterator()
                var parser = Unicode.UTF8.ForwardParser()
                guard case .valid(let encoded) = parser.parseScalar(from: &window) else {
                    return rejected("invalid UTF-8 byte \(hex(byte))", hint: "save the file as UTF-8 text")
                }
                scalar = Unicode.UTF8.decode(encoded); length = encoded.count
            }
            if scalar == "\0" {
                return rejected("NUL character in text",
                                hint: "the file must be plain UTF-8 text; remove the NUL byte")
            }
            if ForbiddenCharacter.isControl(scalar.value) {
                // Pasted from a terminal or a web page: safe to leave out (see the README).
                remove(scalar, length: length)
                continue
            }
            if let problem = ForbiddenCharacter.problem(scalar) {
                return rejected("\(problem) in text",
                                hint: ForbiddenCharacter.isNoncharacter(scalar.value)
                                    ? "remove it; it is not a character that can be printed"
                                    : "remove it or replace it with a space")
            }
            index += length; column += 1
        }
        endLine()
        return .text(SourceText(file: file, lines: lines, repairs: repairs))
    }
}

/// `0xFF` for a byte.
private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" + digits : digits)
}

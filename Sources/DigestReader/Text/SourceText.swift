import Diagnostics

/// The text of one input file, checked to be clean UTF-8 and split into lines.
///
/// Decoding is the only place raw bytes are looked at: later stages may assume valid UTF-8,
/// no NUL, no control characters besides tab, no noncharacters (see `ForbiddenCharacter`),
/// and `\n` line ends (CRLF and lone CR are
/// normalised, a leading byte order mark is dropped). Line `n` of `lines` is line `n + 1` of
/// the real file, so positions computed here point into the file the user edits.
struct SourceText: Sendable {
    /// The path shown in diagnostics.
    var file: String
    /// Every line without its line end.
    var lines: [String]

    /// A decoded text, or why the bytes were refused.
    enum Decoding {
        case text(SourceText)
        case rejected(Diagnostic)
    }

    /// The whole text with `\n` line ends.
    var text: String { lines.joined(separator: "\n") }

    /// Checks and decodes `bytes`, or describes the first bad byte at its exact line and column.
    static func decode(_ bytes: [UInt8], file: String) -> Decoding {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }

        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var line = 1, column = 1
        var offset = start
        var iterator = bytes[start...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var previousWasCR = false

        func place() -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

        while true {
            switch parser.parseScalar(from: &iterator) {
            case .emptyInput:
                lines.append(String(current))
                return .text(SourceText(file: file, lines: lines))
            case .error:
                let byte = bytes[offset]
                return .rejected(.error(
                    "invalid UTF-8 byte \(hex(byte))", at: place(),
                    hint: "save the file as UTF-8 text"))
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                offset += encoded.count
                if scalar == "\n" {
                    if !previousWasCR {
                        lines.append(String(current)); current = .init()
                        line += 1; column = 1
                    }
                    previousWasCR = false
                    continue
                }
                previousWasCR = false
                if scalar == "\r" {
                    lines.append(String(current)); current = .init()
                    line += 1; column = 1
                    previousWasCR = true
                    continue
                }
                if scalar == "\0" {
                    return .rejected(.error(
                        "NUL character in text", at: place(),
                        hint: "the file must be plain UTF-8 text; remove the NUL byte"))
                }
                if let problem = ForbiddenCharacter.problem(scalar) {
                    let noncharacter = scalar.properties.isNoncharacterCodePoint
                    return .rejected(.error(
                        "\(problem) in text", at: place(),
                        hint: noncharacter ? "remove it; it is not a character that can be printed"
                            : "remove it or replace it with a space"))
                }
                current.append(scalar)
                column += 1
            }
        }
    }
}

/// `0xFF` for a byte.
private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" + digits : digits)
}

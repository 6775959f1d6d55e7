import Diagnostics

/// Characters no input text may hold, wherever they come from: the raw bytes of a file,
/// a Markdown character reference (`&#7;`) or a YAML escape (`"\0"`).
///
/// Control characters (C0 and C1, DEL) have no printed form and NUL ends C strings early,
/// so a title with one would be cut short in the PDF's metadata. Noncharacters (U+FFFE,
/// U+FFFF, U+FDD0…U+FDEF and the last two code points of every plane) are refused by
/// Cairo as "not valid UTF-8", which would fail the build after layout instead of pointing
/// at the input.
///
/// Every scalar of every file passes through here, so the tests are plain comparisons on the
/// code point: both sets are fixed by Unicode (general category Cc is exactly U+0000…U+001F
/// and U+007F…U+009F; the 66 noncharacters are listed above), and looking them up in the
/// property tables cost more than the rest of reading.
enum ForbiddenCharacter {
    /// Why `scalar` may not appear in text, nil when it may. Tab is always allowed; line
    /// ends only where `allowingLineEnds` (values that may span lines, such as YAML's `|`).
    static func problem(_ scalar: Unicode.Scalar, allowingLineEnds: Bool = false) -> String? {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return nil }
        if value == 0x09 || (allowingLineEnds && value == 0x0A) { return nil }
        if value == 0 { return "NUL character" }
        if isControl(value) { return "control character \(codePoint(scalar))" }
        if isNoncharacter(value) { return "noncharacter \(codePoint(scalar))" }
        return nil
    }

    /// C0 controls, DEL and C1 controls (general category Cc).
    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (value >= 0x7F && value <= 0x9F) }

    /// U+FDD0…U+FDEF and U+xxFFFE, U+xxFFFF in every plane.
    static func isNoncharacter(_ value: UInt32) -> Bool {
        (value >= 0xFDD0 && value <= 0xFDEF) || value & 0xFFFE == 0xFFFE
    }

    /// The first forbidden character of `text`.
    static func first(in text: some StringProtocol, allowingLineEnds: Bool = false)
        -> (scalar: Unicode.Scalar, problem: String)?
    {
        // Most texts are printable ASCII, which needs no decoding to be passed.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || (allowingLineEnds && $0 == 0x0A) }) {
            return nil
        }
        for scalar in text.unicodeScalars {
            if let problem = problem(scalar, allowingLineEnds: allowingLineEnds) { return (scalar, problem) }
        }
        return nil
    }

    /// `U+0007` for a scalar.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

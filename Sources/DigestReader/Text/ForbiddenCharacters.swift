import Diagnostics

/// Characters no input text may hold, wherever they come from: the raw bytes of a file,
/// a Markdown character reference (`&#7;`) or a YAML escape (`"\0"`).
///
/// Control characters (C0 and C1, DEL) have no printed form and NUL ends C strings early,
/// so a title with one would be cut short in the PDF's metadata. Noncharacters (U+FFFE,
/// U+FFFF, U+FDD0…U+FDEF and the last two code points of every plane) are refused by
/// Cairo as "not valid UTF-8", which would fail the build after layout instead of pointing
/// at the input.
enum ForbiddenCharacter {
    /// Why `scalar` may not appear in text, nil when it may. Tab is always allowed; line
    /// ends only where `allowingLineEnds` (values that may span lines, such as YAML's `|`).
    static func problem(_ scalar: Unicode.Scalar, allowingLineEnds: Bool = false) -> String? {
        if scalar == "\t" || (allowingLineEnds && scalar == "\n") { return nil }
        if scalar == "\0" { return "NUL character" }
        if scalar.properties.generalCategory == .control { return "control character \(codePoint(scalar))" }
        if scalar.properties.isNoncharacterCodePoint { return "noncharacter \(codePoint(scalar))" }
        return nil
    }

    /// The first forbidden character of `text` with its offset in Unicode scalars.
    static func first(in text: some StringProtocol, allowingLineEnds: Bool = false)
        -> (scalar: Unicode.Scalar, offset: Int, problem: String)?
    {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if let problem = problem(scalar, allowingLineEnds: allowingLineEnds) { return (scalar, offset, problem) }
        }
        return nil
    }

    /// `U+0007` for a scalar.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

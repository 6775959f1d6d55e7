/// Byte-level mutations of Markdown, front matter and YAML text, biased towards the
/// constructs Gazette gives meaning to (callouts, fences, quizzes, task lists, tables) and
/// towards bytes that break naive text handling (NUL, invalid UTF-8, right-to-left marks,
/// emoji sequences, huge numbers, long lines, deep nesting).
struct Mutator {
    /// Tokens inserted whole; raw bytes, so some are deliberately not UTF-8.
    static let tokens: [[UInt8]] = {
        let text: [String] = [
            // Markdown and Gazette's conventions.
            "[!", "[!note] ", "[!tip] ", "[!summary]", "[!]", "> [!fact] Title\n> ", "```", "```quiz\n",
            "```timeline\n", "~~~", "Q:", "Q: ", "- [x] ", "- [ ] ", "- [X]", "* [x] ", "Explanation:",
            "|", "| --- |", "|:-:|", "**", "*", "_", "__", "~~", ":", ": ", "**1961**: ", "- **2024**: ",
            "- ", "1. ", "999999999. ", "> ", ">>>>", "#", "###### ", "---", "***", "    ", "\t", "\\",
            "`", "``", "![x](images/none.png)", "![](../../../etc/passwd)", "![x](/etc/passwd)",
            "![x](images/%2e%2e/x.png)", "![x](file:///etc/passwd)", "![", "](", "[a](b)",
            "[link](https://example.org/a_very_long_path)", "<div>", "</div>", "<!--", "-->",
            "<https://x.org>", "&#7;", "&#0;", "&#x1B;", "&#x85;", "&#x10FFFF;", "&#99999999;", "&amp;",
            "&nbsp;", "[^1]", "[^1]: note", "\n", "\n\n", "\r\n", "\r", "  \n",
            // YAML.
            "{", "}", "[", "]", "&a ", "*a", "!!binary ", "!!str ", "? ", "'", "\"", "|\n", ">\n",
            "%YAML 1.2\n", "title:", "date: ", "section: ", "sections:", "tags: [", "quiz: ", "lang: ",
            "language: ", "edition: ", "2024-02-29", "2023-02-29", "0000-00-00", "1e999", "-0",
            "99999999999999999999999", "0x7FFFFFFFFFFFFFFF", "NaN", ".inf", "~", "null", "yes", "\"\\0\"",
            "\"\\a\"", "\"\\x07\"", "\"\\u2029\"",
            // Scripts, marks and sequences.
            "مرحبا بالعالم", "שלום", "\u{202E}", "\u{202B}", "\u{200F}", "\u{200D}", "\u{200B}",
            "\u{00AD}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{FFFD}", "\u{FFFF}", "👨‍👩‍👧‍👦", "🇮🇳", "🏳️‍🌈",
            "e\u{301}\u{301}\u{301}\u{301}\u{301}", "क्षत्रिय", "ज़्", "\u{1F600}", "𝕏", "ﷺ", "\u{0E01}\u{0E33}",
        ]
        return text.map { Array($0.utf8) }
    }()

    /// Bytes that are not text at all: NUL, invalid and overlong UTF-8, a surrogate, controls.
    static let badBytes: [[UInt8]] = [
        [0x00], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0xA4], [0xF4, 0x90, 0x80, 0x80],
        [0x07], [0x1B], [0x7F], [0xC2, 0x85],
    ]

    var random: SplitMix64

    /// Applies between one and `maximum` mutations to `bytes`.
    ///
    /// - Parameter donors: other files whose pieces may be spliced in.
    mutating func mutate(_ bytes: [UInt8], donors: [[UInt8]], maximum: Int = 6) -> [UInt8] {
        var result = bytes
        // Mostly one or two edits, so that many inputs stay valid and reach the layout.
        let count = random.chance(60) ? random.within(1...2) : random.within(1...maximum)
        for _ in 0..<count {
            result = mutateOnce(result, donors: donors)
        }
        return result
    }

    private mutating func mutateOnce(_ bytes: [UInt8], donors: [[UInt8]]) -> [UInt8] {
        var bytes = bytes
        let position = random.below(bytes.count + 1)
        switch random.below(14) {
        case 0:  // flip a bit, replace a byte or insert bytes that are not text (each rarely)
            guard !bytes.isEmpty else { break }
            let index = random.below(bytes.count)
            switch random.below(3) {
            case 0: bytes[index] ^= UInt8(1) << UInt8(random.below(8))
            case 1: bytes[index] = UInt8(truncatingIfNeeded: random.next())
            default: bytes.insert(contentsOf: random.pick(Self.badBytes), at: position)
            }
        case 1, 2, 3, 4:  // insert a token
            bytes.insert(contentsOf: random.pick(Self.tokens), at: position)
        case 5:  // insert a token at the start of a line
            let lineStart = bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            bytes.insert(contentsOf: random.pick(Self.tokens), at: lineStart)
        case 6:  // delete a range
            guard !bytes.isEmpty else { break }
            let start = random.below(bytes.count)
            let end = min(bytes.count, start + random.within(1...64))
            bytes.removeSubrange(start..<end)
        case 7:  // duplicate a range
            guard !bytes.isEmpty else { break }
            let start = random.below(bytes.count)
            let end = min(bytes.count, start + random.within(1...400))
            bytes.insert(contentsOf: Array(bytes[start..<end]), at: position)
        case 8:  // splice a piece of another file
            let donor = random.pick(donors)
            guard !donor.isEmpty else { break }
            let start = random.below(donor.count)
            let end = min(donor.count, start + random.within(1...600))
            bytes.insert(contentsOf: donor[start..<end], at: position)
        case 9:  // a token repeated: deep nesting, long runs of markers
            let token = random.pick(Self.tokens.filter { $0.count <= 4 })
            let count = random.pick([8, 33, 65, 200, 1_000])
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: count).joined()), at: position)
        case 10:  // nested list or quote lines, each deeper than the last
            let depth = random.pick([8, 20, 70, 130])
            var nested: [UInt8] = [0x0A]
            for level in 0..<depth {
                let indent = random.chance(50) ? String(repeating: "  ", count: level) + "- item\n"
                    : String(repeating: "> ", count: level) + "quote\n"
                nested += Array(indent.utf8)
            }
            bytes.insert(contentsOf: nested, at: position)
        case 11:  // a long line without spaces, or a long line of words
            let length = random.pick([300, 2_000, 20_000])
            let word = random.chance(50) ? "x" : "word "
            bytes.insert(contentsOf: Array(String(repeating: word, count: length / word.count).utf8), at: position)
        case 12:  // swap two lines
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard lines.count > 1 else { break }
            lines.swapAt(random.below(lines.count), random.below(lines.count))
            bytes = Array(lines.joined(separator: [0x0A]))
        default:  // remove a line
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard !lines.isEmpty else { break }
            lines.remove(at: random.below(lines.count))
            bytes = Array(lines.joined(separator: [0x0A]))
        }
        return bytes
    }
}

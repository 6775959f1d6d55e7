internal import CHyphen
import Foundation
import LayoutSpec

/// Where words may break with a hyphen, from a libhyphen pattern dictionary.
///
/// Layout marks those places with soft hyphens (U+00AD): Pango breaks a line there only
/// when it needs to, and then shows the hyphen. Not thread-safe, like the shaper it serves.
public final class Hyphenator {
    private let dictionary: OpaquePointer

    /// Nil when the dictionary cannot be read.
    public init?(dictionary path: String) {
        guard let loaded = hnj_hyphen_load(path) else { return nil }
        dictionary = OpaquePointer(loaded)
    }

    deinit { hnj_hyphen_free(UnsafeMutablePointer(dictionary)) }

    /// `text` with every word soft-hyphenated where `rules` allow; everything between words,
    /// and every word in a web or mail address or a file path, is left as it is.
    ///
    /// A word is a run of ASCII letters, each a character of its own (a letter carrying a
    /// combining accent is not one). The text is read as Unicode scalars and copied as UTF-8
    /// bytes: reading it character by character, with Swift's grapheme breaking, cost more
    /// than all of HarfBuzz's shaping of the same text.
    public func softHyphenatedText(_ text: String, rules: HyphenationRules = .init()) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var tokenStart = 0, offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if scalar.isWhitespace {
                appendToken(bytes[tokenStart..<offset], rules: rules, to: &output)
                output.append(contentsOf: bytes[offset..<offset + width])
                tokenStart = offset + width
            }
            offset += width
        }
        appendToken(bytes[tokenStart..<offset], rules: rules, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `scalar` joins the character before it (a combining mark, a joiner), so that
    /// character is not an ASCII letter on its own.
    private static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.properties.isGraphemeExtend || scalar == "\u{200D}"
            || scalar.properties.generalCategory == .spacingMark)
    }

    /// URLs, mail addresses and paths: a hyphen inside one would change what a reader types.
    ///
    /// One pass over the bytes: the standard library's search for a subsequence
    /// (`contains("www.".utf8)`) cost nine tenths of hyphenating a digest.
    private static func isAddress(_ token: ArraySlice<UInt8>) -> Bool {
        for index in token.indices {
            switch token[index] {
            case UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "_"): return true
            case UInt8(ascii: "w") where token[index...].starts(with: "www.".utf8): return true
            default: continue
            }
        }
        return false
    }

    /// Appends `token` (text between whitespace), each of its words hyphenated.
    private func appendToken(_ token: ArraySlice<UInt8>, rules: HyphenationRules, to output: inout [UInt8]) {
        guard !Self.isAddress(token) else { return output.append(contentsOf: token) }
        var wordStart: Int?
        var index = token.startIndex
        func endWord(at end: Int) {
            guard let start = wordStart else { return }
            appendHyphenated(token[start..<end], rules: rules, to: &output)
            wordStart = nil
        }
        while index < token.endIndex {
            let byte = token[index]
            if (65...90).contains(byte) || (97...122).contains(byte) {
                if wordStart == nil { wordStart = index }
                index += 1
                continue
            }
            var end = index
            if byte >= 0x80, wordStart != nil,
               let scalar = String(decoding: token[index..<min(index + 4, token.endIndex)], as: UTF8.self)
                .unicodeScalars.first, Self.extendsCharacter(scalar) {
                end -= 1  // the last letter belongs to the accented character
            }
            if let start = wordStart, end > start { endWord(at: end) } else { wordStart = nil }
            output.append(contentsOf: token[end..<index + 1])
            index += 1
        }
        endWord(at: token.endIndex)
    }

    /// Appends `letters` (ASCII) with a soft hyphen at every place the patterns and `rules` allow.
    private func appendHyphenated(_ letters: ArraySlice<UInt8>, rules: HyphenationRules, to output: inout [UInt8]) {
        let breaks = hyphenAfter(Array(letters), rules: rules)
        for (index, byte) in zip(0..., letters) {
            output.append(byte)
            if breaks?[index] == true { output.append(contentsOf: [0xC2, 0xAD]) }  // U+00AD in UTF-8
        }
    }

    /// `word` with a soft hyphen at every place the patterns and `rules` allow. Words of other
    /// scripts, shorter words, words with digits and words in capitals only (abbreviations
    /// such as NASA) come back as they are.
    public func softHyphenated(_ word: String, rules: HyphenationRules = .init()) -> String {
        var output: [UInt8] = []
        appendHyphenated(ArraySlice(word.utf8), rules: rules, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// For each letter of `letters`, whether a hyphen may follow it; nil when the word is not
    /// hyphenated at all (see `softHyphenated`).
    private func hyphenAfter(_ letters: [UInt8], rules: HyphenationRules) -> [Bool]? {
        guard letters.count >= rules.minimumWord, letters.count < 64,
              letters.count >= rules.minimumBefore + rules.minimumAfter,
              letters.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }),
              !letters.allSatisfy({ (65...90).contains($0) }) else { return nil }
        // libhyphen reads the word as a C string (strstr), so it needs its terminating NUL.
        var lowered = letters.map { (65...90).contains($0) ? $0 + 32 : $0 } + [0]
        var hyphens = [CChar](repeating: 0, count: letters.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        let failed = lowered.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { word in
                hnj_hyphen_hyphenate3(UnsafeMutablePointer(dictionary), word.baseAddress, Int32(letters.count),
                                      &hyphens, nil, &replacements, &positions, &cuts,
                                      Int32(rules.minimumBefore), Int32(rules.minimumAfter), 0, 0)
            }
        }
        if let replacements { for index in 0..<letters.count { free(replacements[index]) } }
        free(replacements); free(positions); free(cuts)
        guard failed == 0 else { return nil }
        // An odd digit after a letter allows a break there, if enough letters stay on each side.
        return letters.indices.map {
            $0 + 1 >= rules.minimumBefore && letters.count - $0 - 1 >= rules.minimumAfter && hyphens[$0] & 1 == 1
        }
    }
}

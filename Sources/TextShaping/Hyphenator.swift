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
    public func softHyphenatedText(_ text: String, rules: HyphenationRules = .init()) -> String {
        var result = ""
        var token = ""
        func flush() {
            result += Self.isAddress(token) ? token : hyphenatedToken(token, rules: rules)
            token = ""
        }
        for character in text {
            if character.isWhitespace { flush(); result.append(character) } else { token.append(character) }
        }
        flush()
        return result
    }

    /// URLs, mail addresses and paths: a hyphen inside one would change what a reader types.
    private static func isAddress(_ token: String) -> Bool {
        token.contains("://") || token.contains("www.") || token.contains("@") || token.contains("/")
            || token.contains("\\") || token.contains("_")
    }

    private func hyphenatedToken(_ token: String, rules: HyphenationRules) -> String {
        var result = "", word = ""
        for character in token {
            if character.isASCII && character.isLetter {
                word.append(character)
            } else {
                result += softHyphenated(word, rules: rules) + String(character)
                word = ""
            }
        }
        return result + softHyphenated(word, rules: rules)
    }

    /// `word` with a soft hyphen at every place the patterns and `rules` allow. Words of other
    /// scripts, shorter words, words with digits and words in capitals only (abbreviations
    /// such as NASA) come back as they are.
    public func softHyphenated(_ word: String, rules: HyphenationRules = .init()) -> String {
        let letters = Array(word.utf8)
        guard letters.count >= rules.minimumWord, letters.count < 64,
              letters.count >= rules.minimumBefore + rules.minimumAfter,
              letters.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }),
              !letters.allSatisfy({ (65...90).contains($0) }) else { return word }
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
        guard failed == 0 else { return word }
        var result = ""
        for (index, byte) in letters.enumerated() {
            result.unicodeScalars.append(Unicode.Scalar(byte))
            // An odd digit after a letter allows a break there, if enough letters stay on each side.
            if index + 1 >= rules.minimumBefore, letters.count - index - 1 >= rules.minimumAfter,
               hyphens[index] & 1 == 1 { result.unicodeScalars.append("\u{00AD}") }
        }
        return result
    }
}

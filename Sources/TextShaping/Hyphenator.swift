internal import CHyphen
import Foundation

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

    /// `text` with every word soft-hyphenated; everything between words is left as it is.
    public func softHyphenatedText(_ text: String) -> String {
        var result = "", word = ""
        for character in text {
            if character.isASCII && character.isLetter {
                word.append(character)
            } else {
                result += softHyphenated(word) + String(character)
                word = ""
            }
        }
        return result + softHyphenated(word)
    }

    /// `word` with a soft hyphen at every place the patterns allow; words of other scripts,
    /// words under seven letters (breaking them saves little and makes hyphens pile up in
    /// first-fit lines), words with digits or in capitals only come back as they are.
    public func softHyphenated(_ word: String) -> String {
        let letters = Array(word.utf8)
        guard letters.count >= 7, letters.count < 64,
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
                hnj_hyphen_hyphenate2(UnsafeMutablePointer(dictionary), word.baseAddress, Int32(letters.count),
                                      &hyphens, nil, &replacements, &positions, &cuts)
            }
        }
        if let replacements { for index in 0..<letters.count { free(replacements[index]) } }
        free(replacements); free(positions); free(cuts)
        guard failed == 0 else { return word }
        var result = ""
        for (index, byte) in letters.enumerated() {
            result.unicodeScalars.append(Unicode.Scalar(byte))
            // An odd digit after a letter allows a break there; the last letters never break.
            if index < letters.count - 1, hyphens[index] & 1 == 1 { result.unicodeScalars.append("\u{00AD}") }
        }
        return result
    }
}

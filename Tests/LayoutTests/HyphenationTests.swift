import Geometry
import LayoutSpec
import PageModel
import Testing
import TextShaping

/// Dictionary hyphenation through libhyphen, set by Pango at soft hyphens.
@MainActor
@Suite struct HyphenationTests {
    let hyphenator = Hyphenator(dictionary: repositoryRoot + "/Layouts/hyphenation/hyph_en_US.dic")

    @Test func wordsGetSoftHyphensWhereThePatternsAllow() throws {
        let hyphenator = try #require(hyphenator, "the repository ships the US English patterns")
        #expect(hyphenator.softHyphenated("hyphenation") == "hy\u{AD}phen\u{AD}ation")
        #expect(hyphenator.softHyphenated("Parliament") == "Par\u{AD}lia\u{AD}ment")
        // Short words, capitals-only abbreviations, digits and other scripts are left alone.
        for word in ["treaty", "UNFCCC", "COVID19", "प्रधानमंत्री"] { #expect(hyphenator.softHyphenated(word) == word) }
        #expect(hyphenator.softHyphenatedText("the constitutional (amendment)") ==
                "the con\u{AD}sti\u{AD}tu\u{AD}tional (amend\u{AD}ment)")
    }

    @Test func addressesAreNeverHyphenatedButTheWordsAroundThemAre() throws {
        let hyphenator = try #require(hyphenator)
        for address in ["www.constitutional.gov.in", "constitutional@example.org", "/constitutional/amendment",
                        "C:\\constitutional", "constitutional_amendment", "(see www.constitutional.in)"] {
            #expect(hyphenator.softHyphenatedText("amendment \(address) amendment")
                        == "amend\u{AD}ment \(address) amend\u{AD}ment", "\(address)")
        }
        // "w" alone, or "ww" without its dot, does not make a word an address.
        #expect(hyphenator.softHyphenatedText("wwconstitutional") == "ww\u{AD}con\u{AD}sti\u{AD}tu\u{AD}tional")
    }

    @Test func aJustifiedLineThatBreaksAWordShowsAHyphenAndStaysInItsColumn() throws {
        let hyphenator = try #require(hyphenator)
        let text = hyphenator.softHyphenatedText(String(repeating:
            "International organisations coordinate humanitarian responsibilities internationally. ", count: 6))
        let width = Length.pt(150)
        let lines = sharedShaper.lines([TextSpan(text, font: FontStyle(family: "Noto Serif", size: .pt(9.5)), color: .black)],
                                       width: width, style: ParagraphStyle(alignment: .justify, language: "en"))
        let broken = lines.filter { line in line.runs.last?.text.hasSuffix("\u{AD}") == true }
        #expect(!broken.isEmpty, "some line should end inside a word")
        for line in lines {
            let right = line.runs.map { $0.origin.x + $0.width }.max() ?? .zero
            #expect(right <= width + .pt(0.01), "line ends at \(right)")
        }
    }

    @Test func rulesFromTheLayoutLimitWhereWordsBreak() throws {
        let hyphenator = try #require(hyphenator)
        // "consti-" needs at least two letters before the first break, three after the last.
        #expect(hyphenator.softHyphenated("constitutional", rules: HyphenationRules(minimumWord: 6, minimumBefore: 4,
                                                                                     minimumAfter: 5))
                == "consti\u{AD}tu\u{AD}tional")
        #expect(hyphenator.softHyphenated("parliament", rules: HyphenationRules(minimumWord: 11)) == "parliament")
        // Addresses and paths keep their letters together: a hyphen would change what is typed.
        for token in ["https://example.org/constitutional", "www.parliamentary.gov", "press@ministry.example",
                      "data/constitutional_amendments"] {
            #expect(hyphenator.softHyphenatedText("see \(token) today") == "see \(token) today")
        }
    }

    @Test func aLongJustifiedParagraphNeverHyphenatesThreeLinesInARow() throws {
        let hyphenator = try #require(hyphenator)
        let text = hyphenator.softHyphenatedText(String(repeating:
            "Intergovernmental negotiations characteristically necessitate comprehensive administrative "
            + "reorganisation notwithstanding constitutional responsibilities. ", count: 12))
        let width = Length.pt(110)
        let lines = sharedShaper.lines([TextSpan(text, font: FontStyle(family: "Noto Serif", size: .pt(9.5)), color: .black)],
                                       width: width, style: ParagraphStyle(alignment: .justify, language: "en"))
        var run = 0, longest = 0, hyphenated = 0
        for line in lines {
            if line.runs.last?.text.hasSuffix("\u{AD}") == true { run += 1; hyphenated += 1 } else { run = 0 }
            longest = max(longest, run)
            let right = line.runs.map { $0.origin.x + $0.width }.max() ?? .zero
            #expect(right <= width + .pt(0.01), "line ends at \(right)")
        }
        #expect(hyphenated > 3, "the words are long enough to need hyphens")
        #expect(longest <= 2)
    }

    /// The byte-level scan of `softHyphenatedText` agrees with reading the text character by
    /// character (the definition in its documentation) on mixed text: accents written as
    /// combining marks, joiners, curly quotes, dashes, non-breaking spaces, CR LF, Devanagari,
    /// addresses.
    @Test func textIsHyphenatedWordByWordAsCharactersReadIt() throws {
        let hyphenator = try #require(hyphenator)
        let pieces = ["constitutional", "Parliament", "international", "e\u{301}", "cafe\u{301}", "a\u{200D}b",
                      "\u{2019}s", "\u{2014}", " ", "\u{A0}", "\r\n", "\t", "www.", "/", "@", "_", "2024", "NASA",
                      "प्रधानमंत्री", "re\u{301}sume\u{301}", "(", ").", "x", "\u{1F44D}\u{1F3FD}"]
        // Every text of up to three pieces: each piece next to each other, on either side.
        let optional = [""] + pieces
        let texts = pieces.flatMap { first in optional.flatMap { second in optional.map { first + second + $0 } } }
        var mismatches = 0
        for text in texts where hyphenator.softHyphenatedText(text) != characterByCharacter(text, hyphenator) {
            mismatches += 1
            if mismatches <= 5 { Issue.record("differs for \(text.debugDescription)") }
        }
        #expect(mismatches == 0)
    }

    /// The reference: tokens between whitespace characters; in tokens that are no address,
    /// each run of ASCII-letter characters is a word.
    private func characterByCharacter(_ text: String, _ hyphenator: Hyphenator) -> String {
        var result = "", token = ""
        func flush() {
            if ["://", "www.", "@", "/", "\\", "_"].contains(where: token.contains) {
                result += token
            } else {
                var word = ""
                for character in token {
                    if character.isASCII && character.isLetter { word.append(character); continue }
                    result += hyphenator.softHyphenated(word) + String(character)
                    word = ""
                }
                result += hyphenator.softHyphenated(word)
            }
            token = ""
        }
        for character in text {
            if character.isWhitespace { flush(); result.append(character) } else { token.append(character) }
        }
        flush()
        return result
    }
}

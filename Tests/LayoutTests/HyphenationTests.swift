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
}

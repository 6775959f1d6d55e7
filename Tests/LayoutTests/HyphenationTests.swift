import Geometry
import PageModel
import Testing
import TextShaping

/// Dictionary hyphenation through libhyphen, set by Pango at soft hyphens.
@MainActor
@Suite struct HyphenationTests {
    let hyphenator = Hyphenator(dictionary: "/usr/share/hyphen/hyph_en_US.dic")

    @Test func wordsGetSoftHyphensWhereThePatternsAllow() throws {
        let hyphenator = try #require(hyphenator, "hyphen-en-us is installed by make")
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
            // Pango 1.50 may hang the hyphen slightly past the edge; never more than a hyphen's width.
            #expect(right <= width + .pt(3.5), "line ends at \(right)")
        }
    }
}

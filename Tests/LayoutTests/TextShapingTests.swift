import Foundation
import Geometry
import LayoutSpec
import PageModel
import Testing
import TextShaping

@MainActor
@Suite struct TextShapingTests {
    let serif = FontStyle(family: "Noto Serif, Noto Serif Devanagari, Symbola", size: .pt(10))

    @Test func latinTextUsesTheBundledSerifAndMapsEveryByte() {
        let text = "Gazette sets a month of news in two columns."
        let lines = sharedShaper.lines([TextSpan(text, font: serif, color: .black)], width: nil,
                                       style: ParagraphStyle(alignment: .left, language: "en"))
        #expect(lines.count == 1)
        let run = try! #require(lines.first?.runs.first)
        #expect(run.font.file.hasSuffix("Fonts/NotoSerif-Regular.ttf"))
        #expect(run.size == .pt(10))
        #expect(lines[0].runs.map(\.text).joined() == text)
        for run in lines[0].runs {
            #expect(run.clusters.map(\.byteCount).reduce(0, +) == run.text.utf8.count)
            #expect(run.clusters.map(\.glyphCount).reduce(0, +) == run.glyphs.count)
        }
    }

    @Test func devanagariFallsBackToTheDevanagariFaceAndKeepsConjuncts() {
        let text = "क्षेत्र मंत्रालय ज्ञान श्रीनगर"
        let lines = sharedShaper.lines([TextSpan(text, font: serif, color: .black)], width: nil,
                                       style: ParagraphStyle(alignment: .left, language: "hi"))
        let runs = lines.flatMap(\.runs)
        #expect(runs.map(\.text).joined() == text)
        #expect(runs.contains { $0.font.file.hasSuffix("NotoSerifDevanagari-Regular.ttf") })
        // Conjuncts shape to fewer glyphs than characters: proof that HarfBuzz did the work.
        let devanagari = runs.filter { $0.font.file.contains("Devanagari") }
        #expect(devanagari.map(\.glyphs.count).reduce(0, +) < devanagari.map { $0.text.unicodeScalars.count }.reduce(0, +))
        #expect(sharedShaper.missingGlyphCount([TextSpan(text, font: serif, color: .black)], language: "hi") == 0)
    }

    @Test func justifiedLinesFillTheWidthAndNeverExceedIt() {
        let words = Array(repeating: "Justified columns spread the space between words evenly.", count: 8)
        let width = Length.pt(160)
        let lines = sharedShaper.lines([TextSpan(words.joined(separator: " "), font: serif, color: .black)],
                                       width: width, style: ParagraphStyle(alignment: .justify, language: "en"))
        #expect(lines.count > 5)
        for line in lines { #expect(line.x + line.width <= width + .pt(0.01)) }
        for line in lines.dropLast() {
            let right = line.runs.map { $0.origin.x + $0.width }.max() ?? .zero
            #expect(abs((right - width).points) < 0.01, "a justified line ends exactly at the right edge")
        }
    }

    /// Total fit and first fit set the same words in the same order; only the breaks differ.
    @Test(arguments: [LineBreaking.optimal, .greedy])
    func everyWordOfAJustifiedParagraphIsSetOnceInOrder(breaking: LineBreaking) {
        let text = "A justified paragraph in a narrow column, with links, numbers (1,234.5) and a hyphen-"
            + "joined word; it runs on long enough to need several lines of text to hold it all."
        let lines = sharedShaper.lines([TextSpan(text, font: serif, color: .black)], width: .pt(120),
                                       style: ParagraphStyle(alignment: .justify, language: "en", lineBreaking: breaking))
        let setText = lines.map { $0.runs.map(\.text).joined() }
        #expect(lines.count > 3)
        // First fit leaves the space that ends a line in the line; total fit drops it.
        let words = setText.joined(separator: " ").replacingOccurrences(of: "- ", with: "-").split(separator: " ")
        #expect(words == text.split(separator: " "))
        for line in lines {
            for run in line.runs {
                #expect(run.clusters.map(\.byteCount).reduce(0, +) == run.text.utf8.count)
                #expect(run.clusters.map(\.glyphCount).reduce(0, +) == run.glyphs.count)
            }
        }
    }

    /// Hindi breaks only between words, and justification widens the spaces, never the
    /// letters: every word keeps the glyph positions it has when set alone.
    @Test func justifiedHindiBreaksBetweenWordsAndKeepsEachWordWhole() throws {
        let text = "संसद के दोनों सदनों में राष्ट्रपति का अभिभाषण हुआ और प्रधानमंत्री ने मंत्रिपरिषद के सदस्यों का "
            + "परिचय कराया। क्षेत्रीय दलों ने राज्यों के अधिकारों पर चर्चा की मांग की।"
        let width = Length.pt(130)
        let lines = sharedShaper.lines([TextSpan(text, font: serif, color: .black)], width: width,
                                       style: ParagraphStyle(alignment: .justify, language: "hi"))
        #expect(lines.count > 2)
        let setLines = lines.map { $0.runs.map(\.text).joined() }
        #expect(setLines.joined(separator: " ") == text, "lines end only at spaces")
        for line in lines.dropLast() {
            let run = try #require(line.runs.first)
            #expect(line.runs.count == 1)
            let alone = try #require(sharedShaper.lines([TextSpan(run.text, font: serif, color: .black)], width: nil,
                                                        style: ParagraphStyle(alignment: .left, language: "hi"))
                                        .first?.runs.first)
            #expect(alone.glyphs.count == run.glyphs.count)
            // Offsets between glyphs of one word match; only after a space may a gap grow.
            let words = run.text.split(separator: " ", omittingEmptySubsequences: false).count
            var widened = 0
            for index in 1..<run.glyphs.count {
                let set = run.glyphs[index].x - run.glyphs[index - 1].x
                let natural = alone.glyphs[index].x - alone.glyphs[index - 1].x
                if abs((set - natural).points) > 0.01 { widened += 1 }
            }
            #expect(widened <= words - 1, "only the \(words - 1) spaces may grow")
            #expect(abs((line.x + line.width - width).points) < 0.01)
        }
    }

    @Test func aWordLongerThanTheLineBreaksBetweenCharacters() {
        let long = String(repeating: "abcdefghij", count: 12)
        let width = Length.pt(100)
        let lines = sharedShaper.lines([TextSpan(long, font: serif, color: .black)], width: width,
                                       style: ParagraphStyle(alignment: .left, language: "en"))
        #expect(lines.count > 3)
        for line in lines { #expect(line.x + line.width <= width + .pt(0.01)) }
        #expect(lines.flatMap(\.runs).map(\.text).joined() == long)
    }

    @Test func aStretchOfThousandsOfLettersGetsBreakChancesAndKeepsEveryLetter() {
        let word = String(repeating: "abcdefghij", count: 1_000)
        let width = Length.pt(200)
        let lines = sharedShaper.lines([TextSpan(word, font: serif, color: .black)], width: width,
                                       style: ParagraphStyle(alignment: .left, language: "en"))
        for line in lines { #expect(line.x + line.width <= width + .pt(0.01)) }
        let shown = lines.flatMap(\.runs).map(\.text).joined()
        #expect(shown.replacingOccurrences(of: "\u{200B}", with: "") == word)
        #expect(shown.unicodeScalars.filter { $0 == "\u{200B}" }.count == (word.count - 1) / TextSpan.longestUnbrokenStretch)
    }

    @Test func linkedTextReportsWhereItIsOnTheLine() {
        let spans = [TextSpan("Read the ", font: serif, color: .black),
                     TextSpan("full text", font: serif, color: .black, link: .uri("https://example.org/")),
                     TextSpan(" here.", font: serif, color: .black)]
        let line = try! #require(sharedShaper.lines(spans, width: nil,
                                                    style: ParagraphStyle(alignment: .left, language: "en")).first)
        #expect(line.links.count == 1)
        let link = try! #require(line.links.first)
        let before = sharedShaper.width(of: [spans[0]], language: "en")
        let linked = sharedShaper.width(of: [spans[1]], language: "en")
        #expect(abs((link.x - before).points) < 0.5)
        #expect(abs((link.width - linked).points) < 0.5)
    }
}

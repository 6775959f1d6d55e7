import Geometry
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
            let inkRight = line.runs.map { $0.origin.x + $0.width }.max() ?? .zero
            #expect(abs((inkRight - width).points) < 4, "a justified line ends at the right edge")
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

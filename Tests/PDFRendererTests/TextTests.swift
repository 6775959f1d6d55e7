import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// Glyph runs come back from the PDF as text, where layout put them, in embedded fonts.
@Suite struct TextTests {
    @Test func wordsComeBackAtTheirPositions() throws {
        let rendered = try RenderedSample()
        let pages = try pdfWords(rendered.pdf)
        try #require(pages.count == 2)

        let latin = rendered.sample.latin
        let metrics = try ToyShaper.verticalMetrics(font: "NotoSerif-Regular.ttf", size: 12)
        let expected = [("Gazette", 0..<7), ("prints", 8..<14), ("the", 15..<18), ("news", 19..<23)]
        for (text, characters) in expected {
            let word = try #require(pages[0].first { $0.text == text }, "'\(text)' not found in \(pages[0])")
            let span = latin.span(ofCharacters: characters)
            #expect(abs(word.xMin - span.start) < 1, "\(text): xMin \(word.xMin), expected \(span.start)")
            #expect(abs(word.xMax - span.end) < 1, "\(text): xMax \(word.xMax), expected \(span.end)")
            #expect(abs(word.yMin - (latin.origin.y.points - metrics.ascent)) < 1, "\(text): yMin \(word.yMin)")
            #expect(abs(word.yMax - (latin.origin.y.points + metrics.descent)) < 1, "\(text): yMax \(word.yMax)")
        }

        let second = rendered.sample.secondPage
        let page = try #require(pages[1].first { $0.text == "Second" })
        #expect(abs(page.xMin - second.origin.x.points) < 1)
        #expect(page.yMin < second.origin.y.points && second.origin.y.points < page.yMax)
    }

    @Test func devanagariTextComesBack() throws {
        let rendered = try RenderedSample()
        let text = try run(tool("pdftotext"), [rendered.pdf, "-"]).stdout
        #expect(text.contains("नमस"))
        let word = try #require(try pdfWords(rendered.pdf)[0].first { $0.text == "नमस" })
        #expect(abs(word.xMin - 72) < 1)
        #expect(abs(word.xMax - (72 + rendered.sample.devanagari.width.points)) < 1)
    }

    /// The run's clusters are in glyph order, backwards through the text; if they reached
    /// cairo unreversed it would reject them (the Hebrew word lengths differ) or pair the
    /// wrong letters with glyphs.
    @Test func rightToLeftTextComesBackInReadingOrder() throws {
        let rendered = try RenderedSample()
        let text = try run(tool("pdftotext"), [rendered.pdf, "-"]).stdout
        #expect(text.contains("שלום לכם"))
        let letters = try pdfWords(rendered.pdf)[0].filter { $0.xMin >= 299 }
        // Visually, left to right: the last letter of the text comes first.
        #expect(letters.first?.text == "ם")
        #expect(letters.last?.text == "ש")
        #expect(abs((letters.first?.xMin ?? 0) - 300) < 1)
    }

    @Test func everyFontIsEmbedded() throws {
        let rendered = try RenderedSample()
        let rows = try run(tool("pdffonts"), [rendered.pdf]).stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 3)
        for row in rows {
            let fields = row.split(separator: " ")
            try #require(fields.count >= 6)
            #expect(fields[fields.count - 5] == "yes", "not embedded: \(row)")
        }
        for name in ["NotoSerif-Regular", "NotoSansDevanagari-Regular", "NotoSansHebrew-Regular"] {
            #expect(rows.contains { $0.contains("+" + name) }, "\(name) missing")
        }
    }

    @Test func aRunWithoutTextIsDrawnAsBareGlyphs() throws {
        var bare = try ToyShaper.run(
            "Hidden", font: "NotoSerif-Regular.ttf", size: 12, at: Point(x: .pt(100), y: .pt(100)))
        bare.text = ""
        bare.clusters = []
        let directory = try TemporaryDirectory()
        let pdf = directory.file("bare.pdf")
        try PDFRenderer.writePDF(minimalDocument(items: [.text(bare)]), to: pdf)
        #expect(try run(tool("pdffonts"), [pdf]).stdout.contains("NotoSerif-Regular"))
        // Without text cairo falls back to the font's character map to make the text layer.
        let word = try #require(try pdfWords(pdf)[0].first { $0.text == "Hidden" })
        #expect(abs(word.xMin - 100) < 1)
    }
}

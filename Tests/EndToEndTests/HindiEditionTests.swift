import Foundation
import Testing
import TestSupport

/// A digest whose `language: hi` gets the layout's Hindi words: contents, section labels,
/// practice and answer headings, callout labels, page footers and dates.
@Suite struct HindiEditionTests {
    /// Two Hindi articles (the example month's and the shared month's) in a Hindi digest, built
    /// in a folder of its own; returns the PDF's text (as poppler reads it) and the sources'.
    /// `DevanagariReadersTests` reads the same edition with other readers.
    func buildHindiEdition() throws -> (pdf: String, text: String, sources: String) {
        let folder = try temporaryFolder() + "/hindi"
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        try """
        title: करेंट अफ़ेयर्स मासिक
        edition: जून 2024
        publisher: गैज़ेट लर्निंग
        language: hi
        sections: [राष्ट्रीय]
        quiz: true
        """.write(toFile: folder + "/digest.yaml", atomically: true, encoding: .utf8)
        var sources = ""
        for article in [exampleMonth + "/articles/nalanda-university-campus.md",
                        sharedCorpus + "/articles/international-yoga-day-2024.md"] {
            let text = try String(contentsOfFile: article, encoding: .utf8)
                .replacingOccurrences(of: "section: National", with: "section: राष्ट्रीय")
            sources += text
            try text.write(toFile: folder + "/articles/" + URL(fileURLWithPath: article).lastPathComponent,
                           atomically: true, encoding: .utf8)
        }
        let pdf = folder + "/hindi.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf])
        #expect(build.status == 0, "\(build.stderr)")
        return (pdf, try run(tool("pdftotext"), [pdf, "-"]).stdout, sources)
    }

    @Test func fixedWordsAndDatesAreInHindi() throws {
        let (pdf, text, _) = try buildHindiEdition()
        for word in ["विषय-सूची", "इस अंक में", "खंड 1", "अभ्यास प्रश्न", "उत्तर कुंजी", "सारांश", "तथ्य",
                     "19 जून 2024", "21 जून 2024", "स्रोत:", "पृष्ठ 2 /"] {
            #expect(text.contains(word), "'\(word)' is missing")
        }
        for english in ["Contents", "Answer Key", "Practice Questions", "Section 1", "Page 2 of", "Source:", "June"] {
            #expect(!text.contains(english), "'\(english)' is left in English")
        }
        // The edition "जून 2024" dates the file at the end of its month, as "June 2024" would.
        let info = try run(tool("pdfinfo"), ["-isodates", pdf]).stdout
        #expect(info.contains("CreationDate:    2024-06-30T00:00:00Z"), "\(info)")
    }

    /// The example month is English with one article in Hindi: that article's date and callout
    /// labels come from the layout's Hindi, the rest stays English.
    @Test func aHindiArticleInAnEnglishDigestGetsHindiDatesAndLabels() throws {
        let rendered = RenderedDigest.example
        try #require(rendered.build.status == 0, "\(rendered.build.stderr)")
        let text = try run(tool("pdftotext"), [rendered.pdf, "-"]).stdout
        for word in ["19 जून 2024", "परीक्षा दृष्टि", "स्रोत:", "Contents", "EXAM FOCUS", "17 June 2024"] {
            #expect(text.contains(word), "'\(word)' is missing")
        }
    }

    @Test func everyDevanagariWordCanBeFound() throws {
        let (_, text, sources) = try buildHindiEdition()
        let expected = devanagariWords(sources)
        let found = Set(devanagariWords(text))
        let missing = expected.filter { !found.contains($0) }
        let share = 1 - Double(missing.count) / Double(max(expected.count, 1))
        #expect(expected.count > 500)
        #expect(share >= 0.995, "only \(share) found; missing: \(missing.prefix(20))")
    }
}

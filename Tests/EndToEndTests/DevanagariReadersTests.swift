import DigestModel
import Foundation
import Testing
import TestSupport

/// Hindi that a reader can copy and search, in the three engines people read PDFs with:
/// poppler (Evince, Okular, `pdftotext`), PDFium (Chrome's and Android's viewers) and MuPDF
/// (`mutool`, SumatraPDF, zathura). Each reads a PDF's text its own way, so each is asked.
///
/// The words are the sources' Devanagari words (`devanagariWords`, NFC on both sides); a word
/// counts as found when the reader's text holds it anywhere.
@Suite struct DevanagariReadersTests {
    enum Reader: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case poppler, pdfium, mupdf
        var testDescription: String { rawValue }
    }

    enum Edition: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// The shared sample month: English, with one article in Hindi.
        case sampleMonth = "sample month"
        /// Two Hindi articles in a digest whose language is Hindi (`HindiEditionTests`).
        case hindiEdition = "Hindi edition"
        var testDescription: String { rawValue }
    }

    @Test(arguments: Edition.allCases, Reader.allCases)
    func devanagariWordsCanBeFound(in edition: Edition, by reader: Reader) throws {
        let (pdf, sources) = try build(edition)
        let expected = devanagariWords(sources.precomposedStringWithCanonicalMapping)
        #expect(expected.count > 200, "the \(edition.rawValue) should have Hindi text")
        let found = Set(devanagariWords(try text(of: pdf, by: reader).precomposedStringWithCanonicalMapping))
        let missing = expected.filter { !found.contains($0) }
        let share = 1 - Double(missing.count) / Double(max(expected.count, 1))
        let distinct = Set(expected)
        let distinctShare = Double(distinct.intersection(found).count) / Double(max(distinct.count, 1))
        let counts = Dictionary(missing.map { ($0, 1) }, uniquingKeysWith: +)
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let message = Comment(rawValue: "\(reader.rawValue) finds \(expected.count - missing.count) of \(expected.count) words "
            + "(\(percent(share)); \(percent(distinctShare)) of the distinct words); missing: "
            + counts.prefix(30).map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        if reader == .mupdf {
            // Debian 12's MuPDF (1.21) reads no /ActualText, the spans in which cairo gives each
            // Devanagari word its text: it reads the glyphs in the order they are drawn, each by
            // the font's ToUnicode. The vowel sign ि is drawn before its consonant and the reph
            // after its syllable, so they come out in the wrong place ("िदवस"), and conjunct and
            // half-form glyphs, which cairo maps only outside spans, read as U+FFFD. Drawn in reading
            // order instead, MuPDF's own spacing guess splits the word where the pen goes back
            // ("दि वस"). Known and left; once mutool reads the words this known issue fails.
            withKnownIssue("mutool 1.21 reads no /ActualText") { #expect(share >= 0.995, message) }
        } else {
            #expect(share >= 0.995, message)
        }
    }

    /// The edition's PDF and the text of its sources.
    private func build(_ edition: Edition) throws -> (pdf: String, sources: String) {
        switch edition {
        case .sampleMonth:
            let (rendered, digest) = try RenderedDigest.built("corpus")
            var sources = ""
            for article in digest.articles {
                sources += try String(contentsOfFile: article.location.file, encoding: .utf8) + "\n"
            }
            return (rendered.pdf, sources)
        case .hindiEdition:
            let (pdf, _, sources) = try HindiEditionTests().buildHindiEdition()
            return (pdf, sources)
        }
    }

    /// The text of every page of `pdf` as `reader` extracts it; throws when the reader is not
    /// installed (`make test` installs all three).
    private func text(of pdf: String, by reader: Reader) throws -> String {
        let output: ProcessOutput
        switch reader {
        case .poppler:
            output = try run(tool("pdftotext"), ["-enc", "UTF-8", pdf, "-"])
        case .mupdf:
            output = try run(tool("mutool"), ["draw", "-q", "-F", "txt", "-o", "-", pdf])
        case .pdfium:
            // The python on PATH, the one `make test` installs pypdfium2 for.
            output = try run("/usr/bin/env", ["python3", "-c", Self.pdfiumText, pdf])
            if output.stderr.contains("No module named 'pypdfium2'") {
                throw ToolMissing(name: "pypdfium2 (for the python3 on PATH)")
            }
        }
        try #require(output.status == 0, "\(reader.rawValue) could not read \(pdf): \(output.stderr)")
        return output.stdout
    }

    /// Every page's text as PDFium's text page gives it, in UTF-8 whatever the locale.
    private static let pdfiumText = """
        import sys, pypdfium2
        document = pypdfium2.PdfDocument(sys.argv[1])
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
        sys.stdout.buffer.write("\\n".join(pages).encode("utf-8"))
        """

    private func percent(_ share: Double) -> String { String(format: "%.2f %%", share * 100) }
}

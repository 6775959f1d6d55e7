import DigestModel
import DigestReader
import Foundation
import Testing

/// What a publisher adds to every PDF, read back from the example month's PDF: QR codes of
/// the articles' sources, the watermark, the image resolution and the size budget.
@Suite(.serialized) struct BrandingTests {
    /// The QR codes `zbarimg` finds on page `number` rendered at `dpi`.
    func decodedCodes(_ pdf: String, page number: Int, dpi: Int = 200) throws -> [String] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let render = try run(tool("pdftoppm"), ["-r", String(dpi), "-png", "-f", String(number), "-l", String(number),
                                                "-singlefile", pdf, folder + "/page"])
        #expect(render.status == 0)
        let scan = try run(tool("zbarimg"), ["-q", "--raw", folder + "/page.png"])
        return scan.stdout.split(separator: "\n").map(String.init)
    }

    @Test func everySourceIsAQRCodeOnTheArticlesFirstPageThatDecodesToIt() throws {
        let rendered = RenderedDigest.example
        try #require(rendered.build.status == 0, "gazette build failed: \(rendered.build.stderr)")
        let digest = try #require(DigestReader.read(folder: exampleMonth).digest)
        let contents = readContents(try readPages(rendered.pdf).dropFirst().prefix(2).filter { $0.text.contains("CONTENTS") })
        let sources = Set(digest.articles.compactMap(\.source))
        #expect(sources.count == digest.articles.count, "every example article names a distinct source")
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", rendered.pdf]).stdout
        for article in digest.articles {
            let source = try #require(article.source)
            let page = try #require(contents.first { squeezed($0.title) == squeezed(article.title) }?.page)
            let codes = try decodedCodes(rendered.pdf, page: page)
            #expect(codes.contains(source), "\(article.slug): page \(page) decodes to \(codes)")
            #expect(codes.allSatisfy(sources.contains), "\(article.slug): page \(page) decodes to \(codes)")
            #expect(json.contains("\"/URI\": \"u:\(source)\""), "\(article.slug): no link to \(source)")
        }
    }

    @Test func theLayoutTurnsQRCodesOff() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = folder + "/plain.pdf"
        let build = try run(gazette(), ["build", exampleMonth, "--output", pdf, "--set", "article.qr-code=false"])
        try #require(build.status == 0, "\(build.stderr)")
        let contents = readContents(try readPages(pdf).dropFirst().prefix(2).filter { $0.text.contains("CONTENTS") })
        let first = try #require(contents.first { $0.title.contains("Kanchenjunga") }?.page)
        #expect(try decodedCodes(pdf, page: first).isEmpty)
        // The source is still a clickable line of text.
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", pdf]).stdout
        #expect(json.contains("\"/URI\": \"u:https://indianrailways.gov.in/\""))
    }
}

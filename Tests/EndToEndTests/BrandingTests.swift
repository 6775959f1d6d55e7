import DigestModel
import DigestReader
import Foundation
import Testing
import TestSupport

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
        let front = try frontMatterPages(rendered.pdf)
        for article in digest.articles {
            let source = try #require(article.source)
            let folio = try #require(contents.first { squeezed($0.title) == squeezed(article.title) }?.page)
            let page = folio + front
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

/// A binary PPM image (`P6`, 8 bits) as `pdftoppm` writes it.
struct PixelMap {
    var width: Int, height: Int
    /// Red, green, blue of every pixel, row by row.
    var bytes: [UInt8]

    init(path: String) throws {
        let data = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        // The header is four white-space separated fields: P6, width, height, maximum value.
        var fields: [String] = []
        var index = 0
        while fields.count < 4, index < data.count {
            while index < data.count, data[index] == 0x20 || data[index] == 0x0A { index += 1 }
            let start = index
            while index < data.count, data[index] != 0x20, data[index] != 0x0A { index += 1 }
            fields.append(String(decoding: data[start..<index], as: UTF8.self))
        }
        index += 1
        guard fields.count == 4, fields[0] == "P6", let width = Int(fields[1]), let height = Int(fields[2]) else {
            throw ToolMissing(name: "a PPM reader for \(path)")
        }
        self.width = width; self.height = height
        bytes = Array(data[index...])
    }
}

extension BrandingTests {
    static let watermark = "For personal study — not for sale"

    /// The example month built with a watermark.
    static let watermarked: RenderedDigest = RenderedDigest(exampleMonth, extra: ["--set", "watermark.text=\(watermark)"])

    /// Every page rendered at `dpi` as a pixel map.
    func pixelMaps(_ pdf: String, dpi: Int) throws -> [PixelMap] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try run(tool("pdftoppm"), ["-r", String(dpi), pdf, folder + "/page"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ppm") }.sorted()
        return try names.map { try PixelMap(path: folder + "/" + $0) }
    }

    @Test func theWatermarkIsOnEveryPageAndLightAndTheTextIsUnchanged() throws {
        let plain = RenderedDigest.example, marked = Self.watermarked
        try #require(plain.build.status == 0 && marked.build.status == 0, "\(marked.build.stderr)")
        // The text layer is exactly the same, page by page: the watermark is not text.
        let plainPages = try readPages(plain.pdf), markedPages = try readPages(marked.pdf)
        #expect(plainPages.count == markedPages.count)
        for (number, (a, b)) in zip(plainPages, markedPages).enumerated() {
            #expect(a.text == b.text, "page \(number + 1): the text changed under the watermark")
        }
        let text = try run(tool("pdftotext"), [marked.pdf, "-"]).stdout
        #expect(!text.contains("not for sale"))
        // A paragraph of the Bonn article, whole, in reading order.
        #expect(squeezed(text).contains(squeezed("""
            Each June, delegates return to the UNFCCC's home city of Bonn to prepare the ground for the \
            Conference of the Parties at the end of the year. These sessions do not take headline \
            decisions; their job is to narrow down options so that ministers can strike deals later.
            """)))
        // Every page looks different, and only lightly: paper that was white stays light.
        let before = try pixelMaps(plain.pdf, dpi: 20), after = try pixelMaps(marked.pdf, dpi: 20)
        #expect(before.count == plainPages.count && after.count == before.count)
        for (number, (a, b)) in zip(before, after).enumerated() {
            let same = a.bytes == b.bytes
            #expect(!same, "page \(number + 1) has no watermark")
            var darkest: UInt8 = 255
            for index in stride(from: 0, to: min(a.bytes.count, b.bytes.count) - 2, by: 3)
            where a.bytes[index] == 255 && a.bytes[index + 1] == 255 && a.bytes[index + 2] == 255 {
                darkest = min(darkest, b.bytes[index], b.bytes[index + 1], b.bytes[index + 2])
            }
            #expect(darkest < 250 && darkest > 215, "page \(number + 1): the darkest watermark pixel on paper is \(darkest)")
        }
    }
}

extension BrandingTests {
    /// Horizontal and vertical resolution of every image placement, from `pdfimages -list`.
    func imageResolutions(_ pdf: String) throws -> [(x: Int, y: Int)] {
        try run(tool("pdfimages"), ["-list", pdf]).stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 14, let x = Int(fields[12]), let y = Int(fields[13]) else { return nil }
            return (x, y)
        }
    }

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    @Test func theExampleMonthIsSmallAndNoImageIsAbove150PPI() throws {
        let rendered = RenderedDigest.example
        try #require(rendered.build.status == 0, "\(rendered.build.stderr)")
        let resolutions = try imageResolutions(rendered.pdf)
        #expect(resolutions.count == 4)
        #expect(resolutions.allSatisfy { $0.x <= 150 && $0.y <= 150 && $0.x >= 140 }, "\(resolutions)")
        #expect(fileSize(rendered.pdf) <= 1_500_000)
        #expect(!rendered.build.stderr.contains("size budget"))
    }

    @Test func aPrintResolutionKeepsMorePixelsAndTheBudgetWarns() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = folder + "/print.pdf"
        let build = try run(gazette(), ["build", exampleMonth, "--output", pdf, "--set", "output.image-resolution=300",
                                        "--set", "output.size-budget=100KB"])
        #expect(build.status == 0)
        let resolutions = try imageResolutions(pdf)
        #expect(resolutions.allSatisfy { $0.x <= 300 && $0.y <= 300 } && resolutions.contains { $0.x > 200 }, "\(resolutions)")
        let size = fileSize(pdf)
        #expect(size > 100 * 1024)
        #expect(build.stderr.contains(
            "warning: '\(pdf)' is \(size / 1024) KB, above the layout's size budget of 100 KB; lower output.image-resolution or output.jpeg-quality, or raise output.size-budget"),
            "\(build.stderr)")
        #expect(build.stdout.hasPrefix("wrote \(pdf): 25 pages, \(size / 1024) KB in "), "\(build.stdout)")
    }
}

extension BrandingTests {
    /// Whether the `width` × `height` points at `x`, `y` of page `number` hold the logo's red.
    func showsLogoRed(_ pdf: String, page number: Int, x: Int, y: Int, width: Int, height: Int) throws -> Bool {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // At 72 dpi a pixel is a point.
        _ = try run(tool("pdftoppm"), ["-r", "72", "-f", String(number), "-l", String(number), "-x", String(x), "-y", String(y),
                                      "-W", String(width), "-H", String(height), "-singlefile", pdf, folder + "/crop"])
        let map = try PixelMap(path: folder + "/crop.ppm")
        return stride(from: 0, to: map.bytes.count - 2, by: 3).contains {
            map.bytes[$0] > 170 && map.bytes[$0 + 1] < 90 && map.bytes[$0 + 2] < 90
        }
    }

    @Test func theExampleIsBrandedOnTheCoverInEveryHeaderAndFooterAndOnTheAboutPage() throws {
        let rendered = RenderedDigest.example
        try #require(rendered.build.status == 0, "\(rendered.build.stderr)")
        let digest = try #require(DigestReader.read(folder: exampleMonth).digest)
        let pages = try readPages(rendered.pdf)
        let contents = readContents(pages.dropFirst().prefix(2).filter { $0.text.contains("CONTENTS") })

        // The cover: the SVG logo as shapes (the only pictures in the file are the articles'),
        // and the highlights with the pages where those articles start.
        #expect(try showsLogoRed(rendered.pdf, page: 1, x: 40, y: 60, width: 80, height: 60))
        #expect(try imageResolutions(rendered.pdf).count == 4)
        let cover = printedLines(pages[0].words).map { $0.map(\.text).joined(separator: " ") }
        let highlights = try #require(cover.firstIndex(of: "HIGHLIGHTS"))
        for (offset, slug) in digest.branding.highlights.enumerated() {
            let article = try #require(digest.articles.first { $0.slug == slug })
            let page = try #require(contents.first { squeezed($0.title) == squeezed(article.title) }?.page)
            #expect(cover[highlights + 1 + offset] == "\(article.title) \(page)")
        }

        // Every page after the cover: the logo in the header, the copyright in the footer.
        let copyright = try #require(digest.branding.copyright)
        for (index, page) in pages.enumerated().dropFirst() {
            #expect(try showsLogoRed(rendered.pdf, page: index + 1, x: 40, y: 16, width: 30, height: 22), "page \(index + 1)")
            let footer = page.words.filter { $0.yMin > page.height - 50 }.map(\.text).joined(separator: " ")
            #expect(footer.contains(copyright), "page \(index + 1): \(footer)")
        }

        // The About page closes the PDF, listed in the contents, its links clickable.
        let about = try #require(pages.last)
        #expect(contents.last == ContentsLine(title: "About", page: pages.count - (try frontMatterPages(rendered.pdf))))
        for part in [digest.branding.about, digest.branding.contact].compactMap({ $0 }) + digest.branding.links {
            #expect(squeezed(about.text).contains(squeezed(part)), "\(part)")
        }
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", rendered.pdf]).stdout
        for link in digest.branding.links { #expect(json.contains("\"/URI\": \"u:\(link)\"")) }
    }
}

extension BrandingTests {
    static let editions = "editions={screen: {output.image-resolution: 150}, print: {output.image-resolution: 300, output.size-budget: none}}"

    @Test func editionsBuildAScreenAndAPrintPDFInOneRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let build = try run(gazette(), ["build", exampleMonth, "--output", folder + "/june.pdf", "--set", Self.editions])
        #expect(build.status == 0, "\(build.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["june-print.pdf", "june-screen.pdf"])
        #expect(build.stdout.contains("wrote \(folder)/june-screen.pdf: 25 pages"))
        #expect(build.stdout.contains("wrote \(folder)/june-print.pdf: 25 pages"))
        let screen = try imageResolutions(folder + "/june-screen.pdf")
        let print = try imageResolutions(folder + "/june-print.pdf")
        #expect(screen.allSatisfy { $0.x <= 150 && $0.y <= 150 })
        #expect(print.allSatisfy { $0.x <= 300 && $0.y <= 300 } && print.contains { $0.x > 200 })

        // One edition by name, to the file given; a name the layout lacks is an input error.
        let one = try run(gazette(), ["build", exampleMonth, "--output", folder + "/one.pdf", "--set", Self.editions,
                                      "--edition", "print"])
        #expect(one.status == 0 && FileManager.default.fileExists(atPath: folder + "/one.pdf"))
        let unknown = try run(gazette(), ["build", exampleMonth, "--output", folder + "/two.pdf", "--edition", "proof"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error: the layout 'monthly' has no edition 'proof'; this layout has no editions"))
    }
}

/// The cover and contents pages, labelled i, ii, … before the body's page 1: the contents
/// numbers the body's pages, so page n of the contents is physical page n + this.
private func frontMatterPages(_ pdf: String) throws -> Int {
    let json = try run(tool("qpdf"), ["--json", "--json-key=pagelabels", pdf]).stdout
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let labels = try #require(root["pagelabels"] as? [[String: Any]])
    let body = try #require(labels.first { ($0["label"] as? [String: Any])?["/S"] as? String == "/D" })
    return try #require(body["index"] as? Int)
}

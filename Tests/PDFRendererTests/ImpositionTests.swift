import Foundation
import Geometry
import Imposition
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// Pages put on sheets, checked where it matters: in the PDF, by reading back where each
/// page's folio landed.
@Suite struct ImpositionTests {
    /// `count` A5 pages, each showing its folio ("P1", "P2", …) near its foot, and a coloured
    /// band, a link to the first page and a named destination.
    static func numberedPages(_ count: Int) throws -> PagedDocument {
        let size = PaperSize.a5
        let pages = try (1...max(count, 1)).prefix(count).map { number in
            let folio = try ToyShaper.run("P\(number)", font: "NotoSerif-Regular.ttf", size: 14,
                                          at: Point(x: .pt(200), y: .pt(560)))
            return Page(size: size, items: [
                .anchor(name: "page-\(number)", at: Point(x: .pt(40), y: .pt(40))),
                .box(Box(frame: Rect(x: .zero, y: .zero, width: size.width, height: .pt(60)),
                         fill: Color(red: 0.1, green: 0.3, blue: 0.7))),
                .text(folio),
                .link(Link(frame: Rect(x: .pt(190), y: .pt(545), width: .pt(40), height: .pt(20)),
                           target: .destination("page-1"))),
            ])
        }
        return PagedDocument(pages: pages, outline: [OutlineEntry(title: "Start", destination: "page-1")],
                             metadata: Metadata(title: "Folios", author: nil, subject: nil, keywords: [],
                                                creationDate: "2024-06-30T00:00:00Z", language: "en"))
    }

    /// The folios on each side of a sheet: left half and right half, nil where blank.
    static func folios(of pdf: String, sheetWidth: Double) throws -> [(left: Int?, right: Int?)] {
        try pdfWords(pdf).map { words in
            let folios = words.compactMap { word -> (x: Double, number: Int)? in
                guard word.text.hasPrefix("P"), let number = Int(word.text.dropFirst()) else { return nil }
                return (word.xMin, number)
            }
            return (folios.first { $0.x < sheetWidth / 2 }?.number, folios.first { $0.x >= sheetWidth / 2 }?.number)
        }
    }

    static func render(_ document: PagedDocument, in directory: TemporaryDirectory, name: String) throws -> String {
        let path = directory.file(name)
        try PDFRenderer.writePDF(document, to: path)
        let check = try run(tool("qpdf"), ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        return path
    }

    @Test func twoUpPutsPagesSideBySideInReadingOrder() throws {
        let directory = try TemporaryDirectory()
        let sheets = Imposition.nUp(try Self.numberedPages(5), grid: .twoUp)
        let pdf = try Self.render(sheets, in: directory, name: "two-up.pdf")
        let info = try pdfInfo(pdf)
        #expect(info["Pages"] == "3")
        #expect(info["Page size"]?.hasPrefix("595.276 x 419.528 pts") == true, "A5 pages go on A5 landscape")
        let folios = try Self.folios(of: pdf, sheetWidth: 595.276)
        #expect(folios.map(\.left) == [1, 3, 5])
        #expect(folios.map(\.right) == [2, 4, nil])
    }

    @Test func fourUpFillsRowsLeftToRightThenTopToBottom() throws {
        let directory = try TemporaryDirectory()
        let sheets = Imposition.nUp(try Self.numberedPages(6), grid: .fourUp, sheet: PaperSize.a4)
        let pdf = try Self.render(sheets, in: directory, name: "four-up.pdf")
        #expect(try pdfInfo(pdf)["Pages"] == "2")
        let words = try pdfWords(pdf)
        func cell(of number: Int, on sheet: Int) -> (column: Int, row: Int)? {
            guard let word = words[sheet].first(where: { $0.text == "P\(number)" }) else { return nil }
            return (word.xMin < 595.276 / 2 ? 0 : 1, word.yMin < 841.89 / 2 ? 0 : 1)
        }
        #expect(cell(of: 1, on: 0)! == (0, 0))
        #expect(cell(of: 2, on: 0)! == (1, 0))
        #expect(cell(of: 3, on: 0)! == (0, 1))
        #expect(cell(of: 4, on: 0)! == (1, 1))
        #expect(cell(of: 5, on: 1)! == (0, 0))
        #expect(cell(of: 6, on: 1)! == (1, 0))
    }

    /// Folding the printed sheets and turning the leaves must give pages 1, 2, 3… in order,
    /// for every length of document: checked by reading the sides back from the PDF and
    /// walking them as a reader of the folded booklet would.
    @Test(arguments: 1...9) func bookletReadsInOrderOnceFolded(pageCount: Int) throws {
        let directory = try TemporaryDirectory()
        let sides = Imposition.booklet(try Self.numberedPages(pageCount))
        let pdf = try Self.render(sides, in: directory, name: "booklet-\(pageCount).pdf")
        let sheets = (pageCount + 3) / 4
        let info = try pdfInfo(pdf)
        #expect(info["Pages"] == String(sheets * 2), "⌈pages/4⌉ sheets, two sides each")
        #expect(info["Page size"]?.hasPrefix("839.055 x 595.276 pts") == true, "twice an A5 page's width")
        let folios = try Self.folios(of: pdf, sheetWidth: 839.055)
        try #require(folios.count == sheets * 2)
        // The nested sheets, folded: the right halves of the fronts and the left halves of the
        // backs run forwards from the outermost sheet in; then back out through the other halves.
        var reading: [Int?] = []
        for sheet in 0..<sheets { reading += [folios[2 * sheet].right, folios[2 * sheet + 1].left] }
        for sheet in (0..<sheets).reversed() { reading += [folios[2 * sheet + 1].right, folios[2 * sheet].left] }
        let expected: [Int?] = (1...(sheets * 4)).map { $0 <= pageCount ? $0 : nil }
        #expect(reading == expected)
        // Sheet 1's front carries the last and first pages.
        #expect(folios[0].right == 1)
        #expect(folios[0].left == (pageCount % 4 == 0 ? pageCount : nil))
    }

    @Test func bookletOrderOfEightPages() {
        let order = Imposition.bookletOrder(pageCount: 8).map { [$0.left, $0.right] }
        #expect(order == [[7, 0], [1, 6], [5, 2], [3, 4]])
    }

    @Test func placedPagesKeepTheirTextLinksAndDestinations() throws {
        let directory = try TemporaryDirectory()
        let sheets = Imposition.nUp(try Self.numberedPages(2), grid: .twoUp)
        let pdf = try Self.render(sheets, in: directory, name: "links.pdf")
        let text = try run(tool("pdftotext"), [pdf, "-"]).stdout
        #expect(text.contains("P1") && text.contains("P2"))
        guard case .placed(let right) = sheets.pages[0].items.first(where: {
            if case .placed(let placed) = $0 { placed.origin.x > .pt(200) } else { false }
        }) else { Issue.record("no page on the right half"); return }
        // Each page's destination moved with its page: `pdfinfo -dests` gives x from the left.
        let dests = try run(tool("pdfinfo"), ["-dests", pdf]).stdout.split(separator: "\n")
        let second = try #require(dests.first { $0.contains("\"page-2\"") })
        let x = try #require(second.split(separator: " ").compactMap { Double($0) }.dropFirst().first)
        #expect(abs(x - (right.origin.x.points + 40 * right.scale)) < 1, "\(second)")
        // Both pages' links are annotations on the sheet, scaled with their page.
        let objects = try run(tool("qpdf"), ["--json", "--json-key=qpdf", pdf]).stdout
        #expect(objects.components(separatedBy: "\"/Subtype\": \"/Link\"").count - 1 == 2)
    }

    @Test func grayscaleLeavesNoColourInTheDrawingOrThePictures() throws {
        let directory = try TemporaryDirectory()
        let sample = try SampleDocument(imagesIn: directory)
        let gray = Imposition.grayscale(sample.document)
        let pdf = try Self.render(gray, in: directory, name: "gray.pdf")
        let pixels = try run(tool("pdftoppm"), ["-r", "30", pdf, directory.file("gray")])
        #expect(pixels.status == 0)
        let rendered = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".ppm") }
        #expect(rendered.count == 2)
        for name in rendered {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory.file(name))))
            #expect(!hasColour(bytes), "\(name) has a coloured pixel")
        }
        // The same document in colour does have coloured pixels: the check can fail.
        let colour = try Self.render(sample.document, in: directory, name: "colour.pdf")
        _ = try run(tool("pdftoppm"), ["-r", "30", "-f", "1", "-l", "1", colour, directory.file("colour")])
        let colourPage = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .first { $0.hasPrefix("colour") && $0.hasSuffix(".ppm") }
        let colourBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory.file(try #require(colourPage)))))
        #expect(hasColour(colourBytes))
        // The JPEG stays a JPEG (made gray without decoding it), now with one component.
        let images = try ImageTests.images(in: pdf)
        let jpeg = try #require(images.first { $0.encoding == "jpeg" })
        #expect(jpeg.width == 16 && jpeg.height == 8)
        let list = try run(tool("pdfimages"), ["-list", pdf]).stdout
        #expect(list.split(separator: "\n").dropFirst(2).allSatisfy { $0.contains(" gray ") }, "\(list)")
    }

    @Test func grayKeepsLightness() {
        #expect(Imposition.gray(Color(red: 1, green: 1, blue: 1)) == .white)
        #expect(Imposition.gray(.black) == .black)
        let blue = Imposition.gray(Color(red: 0, green: 0, blue: 1))
        #expect(blue.red == blue.green && blue.green == blue.blue && blue.red < 0.1, "dark blue stays dark")
    }

    @Test func cropMarksGrowTheSheetAndSetTrimAndBleedBoxes() throws {
        let directory = try TemporaryDirectory()
        let bleed = Length.mm(3)
        let marked = Imposition.cropMarks(try Self.numberedPages(2), bleed: bleed)
        let margin = (bleed + Imposition.markOffset + Imposition.markLength).points
        #expect(marked.sheets.count == 2)
        let sheet = try #require(marked.document.pages.first)
        #expect(abs(sheet.size.width.points - (PaperSize.a5.width.points + 2 * margin)) < 0.001)
        #expect(marked.sheets[0].trim == Rect(origin: Point(x: .pt(margin), y: .pt(margin)), size: PaperSize.a5))
        // Eight marks, all outside the bleed box.
        let marks = sheet.items.compactMap { item -> Rule? in if case .rule(let rule) = item { rule } else { nil } }
        #expect(marks.count == 8)
        let bleedBox = marked.sheets[0].bleed
        for mark in marks {
            let box = Rect(x: min(mark.from.x, mark.to.x), y: min(mark.from.y, mark.to.y),
                           width: max(mark.to.x, mark.from.x) - min(mark.to.x, mark.from.x),
                           height: max(mark.to.y, mark.from.y) - min(mark.to.y, mark.from.y))
            #expect(!bleedBox.overlaps(box, tolerance: .zero), "mark \(mark) reaches into the bleed")
        }
        // The band touching the top edge now runs into the bleed.
        guard case .placed(let placed) = sheet.items.first, case .box(let band) = placed.page.items[1] else {
            Issue.record("the page is not placed first"); return
        }
        #expect(band.frame.minY == -bleed && band.frame.minX == -bleed)
    }
}

import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// Pages that cairo 1.16 mishandles without the renderer's clip-and-paper workaround: an
/// opaque full-page fill after the first tags made it discard them and abort on an assertion,
/// and a page with nothing drawn lost its destinations and links.
@Suite struct CairoWorkaroundTests {
    @Test func fullPageCoverAndBlankPagesKeepTheirTags() throws {
        let cover = Page(size: PaperSize.a4, items: [
            .anchor(name: "cover", at: Point(x: .pt(0), y: .pt(0))),
            .box(Box(frame: Rect(origin: .zero, size: PaperSize.a4), fill: Color(red: 0.1, green: 0.1, blue: 0.3))),
            .link(Link(frame: rect(10, 10, 50, 20), target: .destination("blank"))),
            // Never loaded: an image without area is skipped.
            .image(PlacedImage(path: "unused", format: .png, frame: rect(0, 0, 0, 0), pixelWidth: 1, pixelHeight: 1)),
        ])
        let blank = Page(size: PaperSize.a5, items: [
            .anchor(name: "blank", at: Point(x: .pt(20), y: .pt(30))),
            .link(Link(frame: rect(10, 10, 50, 20), target: .destination("cover"))),
        ])
        let empty = Page(size: PaperSize.a5)
        let document = PagedDocument(
            pages: [cover, blank, empty],
            outline: [OutlineEntry(title: "Blank", destination: "blank")],
            metadata: Metadata(title: "Cover", author: nil, subject: nil, keywords: [],
                               creationDate: "2024-06-30", language: "en"))
        let directory = try TemporaryDirectory()
        let pdf = directory.file("cover.pdf")
        try PDFRenderer.writePDF(document, to: pdf)

        #expect(try run(tool("qpdf"), ["--check", pdf]).status == 0)
        let info = try pdfInfo(pdf)
        #expect(info["Pages"] == "3")
        #expect(info["Tagged"] == "yes")
        #expect(try pdfDestinations(pdf).map(\.name).sorted() == ["blank", "cover"])
        #expect(try pdfDestinations(pdf).first { $0.name == "blank" }?.page == 2)
        let links = try pdfObjects(pdf).filter { ($0["/Subtype"] as? String) == "/Link" }
        #expect(links.count == 2)
        #expect(try pdfOutline(pdf).first?.page == 2)
    }
}

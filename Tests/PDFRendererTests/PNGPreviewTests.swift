import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing

/// `writePNG` draws a page with the same code as the PDF, at the requested resolution.
@Suite struct PNGPreviewTests {
    @Test(arguments: [(72.0, 595, 842), (144.0, 1191, 1684), (36.0, 298, 421)])
    func imageHasThePageSizeAtTheResolution(dpi: Double, width: Int, height: Int) throws {
        let directory = try TemporaryDirectory()
        let png = directory.file("page.png")
        try PDFRenderer.writePNG(Page(size: PaperSize.a4), dpi: dpi, to: png)
        let image = try DecodedPNG(path: png)
        #expect(image.width == width && image.height == height)
    }

    @Test func drawsTheItemsOfThePage() throws {
        let directory = try TemporaryDirectory()
        let sample = try SampleDocument(imagesIn: directory)
        let png = directory.file("page.png")
        try PDFRenderer.writePNG(sample.document.pages[0], dpi: 144, to: png)
        let image = try DecodedPNG(path: png)
        let scale = 2.0
        func pixel(_ x: Double, _ y: Double) -> Pixel { image[Int(x * scale), Int(y * scale)] }

        // The green box at (72, 200) 100 × 50.
        let box = pixel(122, 225)
        #expect(box.red < 5 && (125...130).contains(box.green) && box.blue < 5, "\(box)")
        // The red PNG stretched over (72, 300) 120 × 80, right up to its edges.
        #expect(pixel(132, 340) == Pixel(red: 255, green: 0, blue: 0))
        #expect(pixel(72.5, 300.5) == Pixel(red: 255, green: 0, blue: 0))
        // The JPEG, which cairo cannot decode, as a light gray placeholder.
        #expect(pixel(300, 340) == Pixel(red: 217, green: 217, blue: 217))
        // The ellipse is filled inside its frame but not in the frame's corners.
        #expect(pixel(360, 225) == Pixel(red: 255, green: 204, blue: 0))
        #expect(pixel(322, 202).isWhite)
        // Ink where the first line of text is, paper elsewhere.
        #expect(image.hasInk(x: 144..<230, y: 180..<200))
        #expect(!image.hasInk(x: 800..<1100, y: 1000..<1600))
        // The last, partly covered row of pixels is paper too.
        #expect(image[10, image.height - 1].isWhite)
    }

    @Test func landscapePageGivesALandscapeImage() throws {
        let directory = try TemporaryDirectory()
        let png = directory.file("page.png")
        try PDFRenderer.writePNG(Page(size: SampleDocument.a5Landscape), dpi: 72, to: png)
        let image = try DecodedPNG(path: png)
        #expect(image.width == 595 && image.height == 420)
        #expect(!image.hasInk(x: 0..<image.width, y: 0..<image.height))
    }
}

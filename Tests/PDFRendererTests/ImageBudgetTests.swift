import CCairo
import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// Pictures keep only the pixels their placed size needs, as JPEG where that is smaller.
@Suite struct ImageBudgetTests {
    /// A row of `pdfimages -list` with its resolution.
    struct Listed {
        var width: Int, height: Int, encoding: String, xPPI: Int, yPPI: Int
    }

    static func images(in pdf: String) throws -> [Listed] {
        try run(tool("pdfimages"), ["-list", pdf]).stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 14, let width = Int(fields[3]), let height = Int(fields[4]),
                  let x = Int(fields[12]), let y = Int(fields[13]) else { return nil }
            return Listed(width: width, height: height, encoding: fields[8], xPPI: x, yPPI: y)
        }
    }

    /// A two-colour gradient with grain: a photograph, the kind of picture JPEG stores best.
    static func writeGradient(to path: String, width: Int32, height: Int32) throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
              let cr = cairo_create(surface), let pattern = cairo_pattern_create_linear(0, 0, Double(width), Double(height))
        else { throw ToyShaper.Failure(description: "no surface") }
        defer { cairo_surface_destroy(surface) }
        cairo_pattern_add_color_stop_rgb(pattern, 0, 0.9, 0.4, 0.1)
        cairo_pattern_add_color_stop_rgb(pattern, 1, 0.1, 0.3, 0.8)
        cairo_set_source(cr, pattern)
        cairo_paint(cr)
        cairo_pattern_destroy(pattern)
        cairo_destroy(cr)
        // Grain, as a camera leaves it: a few levels of noise on every pixel, which PNG keeps
        // exactly and JPEG smooths over.
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw ToyShaper.Failure(description: "no pixels") }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var seed: UInt32 = 12345
        for row in 0..<Int(height) {
            for byte in 0..<Int(width) * 4 where byte % 4 != 3 {
                seed = seed &* 1_103_515_245 &+ 12345
                let value = Int(data[row * stride + byte]) + Int((seed >> 16) % 13) - 6
                data[row * stride + byte] = UInt8(min(max(value, 0), 255))
            }
        }
        cairo_surface_mark_dirty(surface)
        #expect(cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS)
    }

    func document(_ images: [PlacedImage]) -> PagedDocument {
        PagedDocument(pages: [Page(size: PaperSize.a4, items: images.map { .image($0) })],
                      metadata: Metadata(title: "Images", author: nil, subject: nil, keywords: [],
                                         creationDate: "2024-06-30T00:00:00Z", language: "en"))
    }

    @Test func picturesAreScaledToTheResolutionAndPhotosBecomeJPEG() throws {
        let directory = try TemporaryDirectory()
        let gradient = directory.file("gradient.png"), flat = directory.file("flat.png")
        try Self.writeGradient(to: gradient, width: 1200, height: 900)
        try TestImages.writePNG(to: flat, width: 1200, height: 900, color: Color(red: 0.2, green: 0.5, blue: 0.3))
        // Each 2 × 1.5 inches: 300 × 225 pixels at 150 ppi.
        let placed = [
            PlacedImage(path: gradient, format: .png, frame: rect(72, 72, 144, 108), pixelWidth: 1200, pixelHeight: 900),
            PlacedImage(path: flat, format: .png, frame: rect(72, 300, 144, 108), pixelWidth: 1200, pixelHeight: 900),
        ]
        let pdf = directory.file("budget.pdf")
        try PDFRenderer.writePDF(document(placed), to: pdf, images: ImageOptions(maxResolution: 150))
        let listed = try Self.images(in: pdf)
        #expect(listed.count == 2)
        #expect(listed.allSatisfy { $0.width == 300 && $0.height == 225 && $0.xPPI <= 150 && $0.yPPI <= 150 })
        #expect(listed.map(\.encoding) == ["jpeg", "image"])
        // The same document with every pixel kept is much larger, and a second render is identical.
        let full = directory.file("full.pdf"), again = directory.file("again.pdf")
        try PDFRenderer.writePDF(document(placed), to: full)
        try PDFRenderer.writePDF(document(placed), to: again, images: ImageOptions(maxResolution: 150))
        let size = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        #expect(size(pdf) * 3 < size(full))
        let same = try Data(contentsOf: URL(fileURLWithPath: pdf)) == Data(contentsOf: URL(fileURLWithPath: again))
        #expect(same)
    }

    @Test func aPictureSmallEnoughKeepsItsPixelsAndAJPEGItsBytes() throws {
        let directory = try TemporaryDirectory()
        let jpeg = directory.file("small.jpg")
        try TestImages.writeJPEG(to: jpeg)
        let placed = [PlacedImage(path: jpeg, format: .jpeg, frame: rect(72, 72, 144, 72), pixelWidth: 16, pixelHeight: 8)]
        let pdf = directory.file("small.pdf")
        try PDFRenderer.writePDF(document(placed), to: pdf, images: ImageOptions(maxResolution: 150))
        let listed = try Self.images(in: pdf)
        #expect(listed.count == 1 && listed.first?.width == 16 && listed.first?.encoding == "jpeg")
    }
}

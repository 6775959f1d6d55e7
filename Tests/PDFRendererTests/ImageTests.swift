import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// Images are embedded once each: PNG as decoded pixels, JPEG as its own bytes.
@Suite struct ImageTests {
    /// A row of `pdfimages -list`.
    struct Listed {
        var page: Int
        var width: Int
        var height: Int
        var encoding: String
        var object: Int
    }

    static func images(in pdf: String) throws -> [Listed] {
        try run(tool("pdfimages"), ["-list", pdf]).stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 12, let page = Int(fields[0]), let width = Int(fields[3]),
                let height = Int(fields[4]), let object = Int(fields[10])
            else { return nil }
            return Listed(page: page, width: width, height: height, encoding: fields[8], object: object)
        }
    }

    @Test func pngAndJPEGAreEmbedded() throws {
        let rendered = try RenderedSample()
        let images = try Self.images(in: rendered.pdf)
        #expect(images.count == 3)
        let jpeg = try #require(images.first { $0.encoding == "jpeg" })
        #expect(jpeg.page == 1 && jpeg.width == 16 && jpeg.height == 8)
        let png = images.filter { $0.encoding == "image" }
        #expect(png.map(\.page) == [1, 2])
        #expect(png.allSatisfy { $0.width == 12 && $0.height == 8 })
        // The same PNG on two pages is one object in the file.
        #expect(Set(png.map(\.object)).count == 1)
    }

    @Test func jpegBytesAreEmbeddedUnchanged() throws {
        let rendered = try RenderedSample()
        let jpeg = try #require(try Self.images(in: rendered.pdf).first { $0.encoding == "jpeg" })
        let output = rendered.directory.file("extracted")
        let extract = try run(tool("pdfimages"), ["-j", "-f", "1", "-l", "1", rendered.pdf, output])
        #expect(extract.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: rendered.directory.path)
            .filter { $0.hasPrefix("extracted") && $0.hasSuffix(".jpg") }
        try #require(files.count == 1, "\(files), object \(jpeg.object)")
        let extracted = try Data(contentsOf: URL(fileURLWithPath: rendered.directory.file(files[0])))
        let original = try Data(contentsOf: URL(fileURLWithPath: rendered.sample.jpegPath))
        #expect(extracted == original)
    }
}

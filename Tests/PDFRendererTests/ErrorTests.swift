import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// Problems are reported as errors that say what and where, before or instead of a broken file.
@Suite struct ErrorTests {
    @Test func linkToAnUnknownDestination() throws {
        let directory = try TemporaryDirectory()
        let document = minimalDocument(items: [
            .link(Link(frame: rect(1, 1, 5, 5), target: .destination("nowhere")))
        ])
        #expect(throws: RenderError.missingDestination(name: "nowhere", referencedBy: "link on page 1")) {
            try PDFRenderer.writePDF(document, to: directory.file("x.pdf"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("x.pdf")))
    }

    @Test func outlineEntryWithAnUnknownDestination() throws {
        let directory = try TemporaryDirectory()
        var document = minimalDocument()
        document.outline = [
            OutlineEntry(title: "Top", destination: "top", children: [OutlineEntry(title: "Lost", destination: "lost")])
        ]
        let error = #expect(throws: RenderError.self) {
            try PDFRenderer.writePDF(document, to: directory.file("x.pdf"))
        }
        #expect(error == .missingDestination(name: "lost", referencedBy: "outline entry 'Lost'"))
        #expect(
            error?.description
                == "outline entry 'Lost' points to unknown destination 'lost'; add an anchor named 'lost'")
    }

    @Test(arguments: ["30/06/2024", "2024-02-30", "2024-06-30T25:00:00Z", "2024-06-30T10:00:00 UTC", ""])
    func unusableCreationDate(date: String) throws {
        let directory = try TemporaryDirectory()
        #expect(throws: RenderError.invalidCreationDate(date)) {
            try PDFRenderer.writePDF(minimalDocument(date: date), to: directory.file("x.pdf"))
        }
    }

    @Test func missingImageNamesTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("missing.png")
        let document = minimalDocument(items: [
            .image(PlacedImage(path: path, format: .png, frame: rect(1, 1, 5, 5),
                               pixelWidth: 1, pixelHeight: 1))
        ])
        let error = #expect(throws: RenderError.self) {
            try PDFRenderer.writePDF(document, to: directory.file("x.pdf"))
        }
        guard case .unreadableFile(let reported, _) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(reported == path)
    }

    @Test func jpegThatIsNotAJPEG() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fake.jpg")
        try TestImages.writePNG(to: path, width: 2, height: 2, color: .black)
        let document = minimalDocument(items: [
            .image(PlacedImage(path: path, format: .jpeg, frame: rect(1, 1, 5, 5),
                               pixelWidth: 2, pixelHeight: 2))
        ])
        #expect(throws: RenderError.notJPEG(path: path)) {
            try PDFRenderer.writePDF(document, to: directory.file("x.pdf"))
        }
    }

    @Test func pngThatIsNotAPNG() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("fake.png")
        try TestImages.writeJPEG(to: path)
        let page = Page(size: PaperSize.a5, items: [
            .image(PlacedImage(path: path, format: .png, frame: rect(1, 1, 5, 5),
                               pixelWidth: 2, pixelHeight: 2))
        ])
        let error = #expect(throws: RenderError.self) {
            try PDFRenderer.writePNG(page, dpi: 72, to: directory.file("x.png"))
        }
        guard case .cairo(_, "read image", path) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    @Test func missingFontNamesTheFile() throws {
        var run = try ToyShaper.run("Hi", font: "NotoSerif-Regular.ttf", size: 12, at: Point(x: .pt(50), y: .pt(50)))
        run.font = FontFace(file: "/nonexistent/Gone.ttf")
        let directory = try TemporaryDirectory()
        let error = #expect(throws: RenderError.self) {
            try PDFRenderer.writePDF(minimalDocument(items: [.text(run)]), to: directory.file("x.pdf"))
        }
        guard case .unreadableFile("/nonexistent/Gone.ttf", _) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    @Test func brokenClustersNameTheRunAndPage() throws {
        var run = try ToyShaper.run("Hello", font: "NotoSerif-Regular.ttf", size: 12, at: Point(x: .pt(50), y: .pt(50)))
        run.clusters.removeLast()
        let directory = try TemporaryDirectory()
        let error = #expect(throws: RenderError.self) {
            try PDFRenderer.writePDF(minimalDocument(items: [.text(run)]), to: directory.file("x.pdf"))
        }
        let detail = "clusters cover 4 bytes and 4 glyphs, but the run has 5 bytes and 5 glyphs"
        #expect(error == .invalidClusters(page: 1, text: "Hello", detail: detail))
    }

    @Test func unwritableOutputNamesThePath() throws {
        let path = "/nonexistent-directory/out.pdf"
        let error = #expect(throws: RenderError.self) {
            try PDFRenderer.writePDF(minimalDocument(), to: path)
        }
        guard case .unwritableFile(path, "No such file or directory") = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(throws: RenderError.self) {
            try PDFRenderer.writePNG(Page(size: PaperSize.a5), dpi: 10, to: "/nonexistent-directory/out.png")
        }
    }

    @Test func documentWithoutPages() throws {
        var document = minimalDocument()
        document.pages = []
        #expect(throws: RenderError.emptyDocument(path: "/tmp/none.pdf")) {
            try PDFRenderer.writePDF(document, to: "/tmp/none.pdf")
        }
    }

    @Test func pageWithoutArea() throws {
        var document = minimalDocument()
        document.pages.append(Page(size: Size(width: .pt(100), height: .zero)))
        #expect(throws: RenderError.invalidPageSize(page: 2, width: 100, height: 0)) {
            try PDFRenderer.writePDF(document, to: "/tmp/none.pdf")
        }
    }

    @Test(arguments: [0, -72, Double.nan, Double.infinity, 100_000])
    func unusableResolution(dpi: Double) throws {
        let directory = try TemporaryDirectory()
        #expect(throws: RenderError.self) {
            try PDFRenderer.writePNG(Page(size: PaperSize.a4), dpi: dpi, to: directory.file("x.png"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("x.png")))
    }

    /// A failure on a later page ends the render with the error, not with a crash in cairo
    /// (which would meet an open structure element while cleaning up).
    @Test func failureOnALaterPageIsAnErrorNotACrash() throws {
        let directory = try TemporaryDirectory()
        var document = minimalDocument()
        document.pages.append(Page(size: PaperSize.a5, items: [
            .image(PlacedImage(path: directory.file("gone.png"), format: .png,
                               frame: rect(1, 1, 5, 5), pixelWidth: 1, pixelHeight: 1))
        ]))
        #expect(throws: RenderError.self) {
            try PDFRenderer.writePDF(document, to: directory.file("x.pdf"))
        }
        // The renderer still works afterwards.
        try PDFRenderer.writePDF(minimalDocument(), to: directory.file("y.pdf"))
        #expect(try run(tool("qpdf"), ["--check", directory.file("y.pdf")]).status == 0)
    }
}

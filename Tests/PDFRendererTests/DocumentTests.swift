import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// The PDF as a file: valid, the right pages, the document information, reproducible.
@Suite struct DocumentTests {
    @Test func qpdfFindsNoErrors() throws {
        let rendered = try RenderedSample()
        let check = try run(tool("qpdf"), ["--check", rendered.pdf])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        #expect(!check.stderr.contains("WARNING"))
    }

    @Test func everyPageHasItsOwnSize() throws {
        let rendered = try RenderedSample()
        let info = try pdfInfo(rendered.pdf, ["-f", "1", "-l", "2"])
        #expect(info["Pages"] == "2")
        #expect(info["Page    1 size"] == "595.276 x 841.89 pts (A4)")
        #expect(info["Page    2 size"] == "595.276 x 419.528 pts")
    }

    @Test func documentInformationComesFromTheMetadata() throws {
        let rendered = try RenderedSample()
        let info = try pdfInfo(rendered.pdf, ["-isodates"])
        #expect(info["Title"] == "Gazette — June (2024)")
        #expect(info["Author"] == "The Desk")
        #expect(info["Subject"] == "Monthly news digest")
        #expect(info["Keywords"] == "news, june, digest")
        #expect(info["Creator"] == "Gazette")
        #expect(info["CreationDate"] == SampleDocument.date)
        #expect(info["ModDate"] == SampleDocument.date)
        #expect(info["Tagged"] == "yes")
    }

    @Test(arguments: [
        ("2024-06-30T00:00:00Z", "2024-06-30T00:00:00Z"),
        ("2024-06-30T00:00:00.250Z", "2024-06-30T00:00:00Z"),
        // pdfinfo leaves out a zone's minutes when they are zero.
        ("2024-01-02t03:04:05-0700", "2024-01-02T03:04:05-07"),
    ])
    func creationDateIsNeverTheClock(date: String, expected: String) throws {
        let directory = try TemporaryDirectory()
        let pdf = directory.file("dated.pdf")
        try PDFRenderer.writePDF(minimalDocument(date: date), to: pdf)
        let info = try pdfInfo(pdf, ["-isodates"])
        #expect(info["CreationDate"] == expected)
        #expect(info["ModDate"] == expected)
    }

    @Test func twoRendersAreByteIdentical() throws {
        let directory = try TemporaryDirectory()
        let sample = try SampleDocument(imagesIn: directory)
        let first = directory.file("first.pdf")
        let second = directory.file("second.pdf")
        try PDFRenderer.writePDF(sample.document, to: first)
        try PDFRenderer.writePDF(sample.document, to: second)
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
        let secondBytes = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(firstBytes.count > 1000)
        #expect(firstBytes == secondBytes)
    }

    @Test func renderingReplacesAnExistingFile() throws {
        let directory = try TemporaryDirectory()
        let pdf = directory.file("out.pdf")
        try Data(repeating: 0x41, count: 100_000).write(to: URL(fileURLWithPath: pdf))
        try PDFRenderer.writePDF(minimalDocument(), to: pdf)
        #expect(try run(tool("qpdf"), ["--check", pdf]).status == 0)
    }
}

/// One A4 page with a filled box and an anchor, dated `date`.
func minimalDocument(date: String = "2024-06-30T00:00:00Z", items: [PageItem] = []) -> PagedDocument {
    PagedDocument(
        pages: [
            Page(size: PaperSize.a4, items: [
                .anchor(name: "top", at: Point(x: .pt(10), y: .pt(10))),
                .box(Box(frame: rect(10, 10, 20, 20), fill: .black)),
            ] + items)
        ],
        metadata: Metadata(
            title: "Minimal", author: nil, subject: nil, keywords: [], creationDate: date, language: "en"))
}

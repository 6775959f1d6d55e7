import Foundation
import Geometry
import PDFFinishing
import Testing
import TestSupport

/// The qpdf pass after cairo: what it adds is in the file, the file stays valid and reproducible.
@Suite struct FinishingTests {
    private static let finishing = PDFFinishing(
        language: "hi",
        pageBoxes: [1: .init(trim: rect(9, 9, 577.276, 401.528), bleed: rect(0, 0, 595.276, 419.528))])

    /// `make deps` unpacks qpdf 12 into .deps/qpdf/lib, and then it, not Debian's 11.3, is
    /// what the finishing pass runs on; without it, Debian's.
    @Test func theQPDFLinkedIsTheProjectsWhenMakeDepsFetchedIt() throws {
        let fetched = FileManager.default.fileExists(atPath: Repository.root + "/.deps/qpdf/lib/libqpdf.so")
        if fetched {
            #expect(PDFFinishing.libraryVersion == "12.4.2")
        } else {
            #expect(PDFFinishing.libraryVersion.hasPrefix("11."), "\(PDFFinishing.libraryVersion)")
        }
    }

    @Test func languageAndBoxesAreWrittenAndTheFileStaysValid() throws {
        let rendered = try RenderedSample()
        try Self.finishing.apply(toFileAt: rendered.pdf)
        let check = try run(tool("qpdf"), ["--check", rendered.pdf])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let info = try pdfInfo(rendered.pdf, ["-box", "-f", "1", "-l", "2"])
        #expect(info["Page    2 TrimBox"] == "9.00     9.00   586.28   410.53")
        #expect(info["Page    2 BleedBox"] == "0.00     0.00   595.28   419.53")
        #expect(info["Page    1 TrimBox"] == "0.00     0.00   595.28   841.89")
        let catalog = try pdfObjects(rendered.pdf).first { ($0["/Type"] as? String) == "/Catalog" }
        #expect(catalog?["/Lang"] as? String == "u:hi")
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let first = try RenderedSample(), second = try RenderedSample()
        try Self.finishing.apply(toFileAt: first.pdf)
        try Self.finishing.apply(toFileAt: second.pdf)
        let same = try Data(contentsOf: URL(fileURLWithPath: first.pdf))
            == Data(contentsOf: URL(fileURLWithPath: second.pdf))
        #expect(same)
    }

    @Test func aFileQpdfCannotReadIsReportedAndLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("broken.pdf")
        try Data("not a pdf".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FinishingError.self) { try Self.finishing.apply(toFileAt: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a pdf")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["broken.pdf"])
    }
}

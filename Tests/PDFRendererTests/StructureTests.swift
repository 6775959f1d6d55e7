import Foundation
import Geometry
import PDFFinishing
import PDFRenderer
import PageModel
import Testing
import TestSupport

/// Structure marks become one tagged tree: a paragraph cut by a page break and a running head
/// is one `P`, a link is a `Link` inside the paragraph its text belongs to, a figure carries
/// its alternative text, and running heads stay outside the tree.
@Suite struct StructureTests {
    private static func text(_ string: String, y: Double) throws -> PageItem {
        .text(try ToyShaper.run(string, font: "NotoSerif-Regular.ttf", size: 12, at: Point(x: .pt(50), y: .pt(y))))
    }

    /// Document › Sect › H1, P (over two pages, with a link), Figure; a running head on each page.
    private static func document() throws -> PagedDocument {
        var tree = StructureTree()
        let section = tree.add(.section, under: StructureTree.root)
        let heading = tree.add(.heading1, under: section)
        let paragraph = tree.add(.paragraph, under: section)
        let figure = tree.add(.figure, under: section, alternativeText: "A red square")
        let first = Page(size: PaperSize.a5, items: [
            .structure(heading), try text("Heading words", y: 60),
            .structure(paragraph), try text("Opening lines of the paragraph", y: 90),
            .link(Link(frame: rect(50, 80, 60, 14), target: .uri("https://example.org/"))),
            .structure(nil), try text("Running head one", y: 580),
        ], label: "i")
        let second = Page(size: PaperSize.a5, items: [
            .structure(nil), try text("Running head two", y: 20),
            .structure(paragraph), try text("Closing lines of the paragraph", y: 60),
            .structure(figure), .box(Box(frame: rect(50, 100, 40, 40), fill: Color(red: 1, green: 0, blue: 0))),
            try text("Square", y: 160),
        ], label: "1")
        return PagedDocument(
            pages: [first, second],
            metadata: Metadata(title: "Tags", author: nil, subject: nil, keywords: [], creationDate: "2024-06-30",
                               language: "en"),
            structure: tree)
    }

    private static func write(to pdf: String) throws {
        let document = try document()
        let written = try PDFRenderer.writePDF(document, to: pdf)
        let fixes = written.elements.map {
            PDFFinishing.StructureFix(key: $0.element, alternativeText: $0.alternativeText, language: $0.language,
                                      headsColumn: $0.headsColumn, listNumbering: $0.listNumbering,
                                      annotationContents: $0.linkDescription)
        }
        try PDFFinishing(language: "en", structure: fixes).apply(toFileAt: pdf)
    }

    @Test func aParagraphCutByAPageIsOneElementAndRunningHeadsAreOutside() throws {
        let directory = try TemporaryDirectory()
        let pdf = directory.file("tags.pdf")
        try Self.write(to: pdf)
        let check = try run(tool("qpdf"), ["--check", pdf])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try pdfInfo(pdf)["Tagged"] == "yes")
        let tree = try run(tool("pdfinfo"), ["-struct-text", pdf]).stdout
        let lines = tree.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { $0.hasPrefix("P") }.count == 1, "\(tree)")
        let opening = lines.firstIndex(of: "\"Opening lines of the paragraph\"")
        let closing = lines.firstIndex(of: "\"Closing lines of the paragraph\"")
        let link = lines.firstIndex { $0.hasPrefix("Link") }
        #expect(opening != nil && closing != nil && link != nil, "\(tree)")
        if let opening, let closing, let link { #expect(opening < link && link < closing) }
        #expect(!tree.contains("Running head"), "\(tree)")
        #expect(lines.contains("H1 (block)"))
    }

    @Test func figuresCarryTheirAlternativeTextAndPagesTheirLabels() throws {
        let directory = try TemporaryDirectory()
        let pdf = directory.file("tags.pdf")
        try Self.write(to: pdf)
        let objects = try pdfObjects(pdf)
        let figure = objects.first { ($0["/S"] as? String) == "/Figure" }
        #expect(figure?["/Alt"] as? String == "u:A red square")
        let labels = try run(tool("qpdf"), ["--json", "--json-key=pagelabels", pdf]).stdout
        #expect(labels.contains("u:i") && labels.contains("\"/S\": \"/D\""), "\(labels)")
    }

    /// Cairo 1.16 damages the file for a link outside every structure element: the renderer
    /// opens `Document` before anything is drawn, so a link first on a page, in artifacts, is safe.
    @Test func aLinkInArtifactsStillLiesInsideTheDocumentElement() throws {
        let page = Page(size: PaperSize.a5, items: [
            .structure(nil), .link(Link(frame: rect(10, 10, 50, 20), target: .uri("https://example.org/"))),
            try Self.text("After the link", y: 60),
        ])
        let document = PagedDocument(
            pages: [page],
            metadata: Metadata(title: "Link", author: nil, subject: nil, keywords: [], creationDate: "2024-06-30",
                               language: "en"))
        let directory = try TemporaryDirectory()
        let pdf = directory.file("link.pdf")
        try PDFRenderer.writePDF(document, to: pdf)
        let check = try run(tool("qpdf"), ["--check", pdf])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stderr.contains("not found"))
        #expect(try run(tool("pdfinfo"), ["-struct", pdf]).stdout.contains("Link"))
    }
}

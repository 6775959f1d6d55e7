import Foundation
import Geometry
import PageModel

/// A two-page document using every kind of page item, with the runs kept for position checks.
///
/// Page 1 is A4; page 2 is A5 landscape, so page sizes must change between pages.
struct SampleDocument {
    static let date = "2024-06-30T08:15:00+05:30"
    static let specialAnchor = "Sección 2 (it's \\ here)"
    static let uri = "https://example.org/a b(c)'d"
    static let a5Landscape = Size(width: PaperSize.a5.height, height: PaperSize.a5.width)

    let latin: GlyphRun
    let devanagari: GlyphRun
    let hebrew: GlyphRun
    let secondPage: GlyphRun
    let pngPath: String
    let jpegPath: String
    let document: PagedDocument

    /// Builds the document; its images are written into `directory`.
    init(imagesIn directory: TemporaryDirectory) throws {
        pngPath = directory.file("red.png")
        jpegPath = directory.file("photo.jpg")
        try TestImages.writePNG(to: pngPath, width: 12, height: 8, color: Color(red: 1, green: 0, blue: 0))
        try TestImages.writeJPEG(to: jpegPath)

        latin = try ToyShaper.run(
            "Gazette prints the news", font: "NotoSerif-Regular.ttf", size: 12,
            at: Point(x: .pt(72), y: .pt(100)))
        devanagari = try ToyShaper.run(
            "नमस", font: "NotoSansDevanagari-Regular.ttf", size: 14,
            at: Point(x: .pt(72), y: .pt(140)), color: Color(red: 0.1, green: 0.2, blue: 0.6))
        hebrew = try ToyShaper.run(
            "שלום לכם", font: "NotoSansHebrew-Regular.ttf", size: 14,
            at: Point(x: .pt(300), y: .pt(140)), rightToLeft: true)
        secondPage = try ToyShaper.run(
            "Second page", font: "NotoSerif-Regular.ttf", size: 10, at: Point(x: .pt(50), y: .pt(80)))

        let first = Page(size: PaperSize.a4, items: [
            .anchor(name: "intro", at: Point(x: .pt(72), y: .pt(72))),
            .text(latin),
            .text(devanagari),
            .text(hebrew),
            .rule(Rule(from: Point(x: .pt(72), y: .pt(110)), to: Point(x: .pt(300), y: .pt(110)),
                       width: .pt(0.5), color: .black)),
            .rule(Rule(from: Point(x: .pt(72), y: .pt(160)), to: Point(x: .pt(300), y: .pt(160)),
                       width: .pt(1), color: Color(red: 0.5, green: 0.5, blue: 0.5), dashed: true)),
            .box(Box(frame: rect(72, 200, 100, 50),
                     fill: Color(red: 0, green: 0.5, blue: 0))),
            .box(Box(frame: rect(200, 200, 100, 50),
                     shape: .rectangle(cornerRadius: .pt(8)), fill: nil, stroke: .black, strokeWidth: .pt(1))),
            .box(Box(frame: rect(320, 200, 80, 50), shape: .ellipse,
                     fill: Color(red: 1, green: 0.8, blue: 0), stroke: .black, strokeWidth: .pt(2))),
            .image(PlacedImage(path: pngPath, format: .png,
                               frame: rect(72, 300, 120, 80),
                               pixelWidth: 12, pixelHeight: 8)),
            .image(PlacedImage(path: jpegPath, format: .jpeg,
                               frame: rect(220, 300, 160, 80),
                               pixelWidth: 16, pixelHeight: 8)),
            .link(Link(frame: rect(72, 90, 60, 14),
                       target: .destination("second"))),
            .link(Link(frame: rect(72, 420, 100, 14),
                       target: .uri(Self.uri))),
        ])
        let second = Page(size: Self.a5Landscape, items: [
            .anchor(name: "second", at: Point(x: .pt(50), y: .pt(60))),
            .anchor(name: Self.specialAnchor, at: Point(x: .pt(50), y: .pt(200))),
            .text(secondPage),
            .image(PlacedImage(path: pngPath, format: .png,
                               frame: rect(300, 100, 60, 40),
                               pixelWidth: 12, pixelHeight: 8)),
            .link(Link(frame: rect(50, 70, 80, 12),
                       target: .destination("intro"))),
            .link(Link(frame: rect(50, 100, 80, 12),
                       target: .destination(Self.specialAnchor))),
        ])
        document = PagedDocument(
            pages: [first, second],
            outline: [
                OutlineEntry(title: "Introduction", destination: "intro", children: [
                    OutlineEntry(title: "Second page", destination: "second", children: [
                        OutlineEntry(title: "Sección (2)", destination: Self.specialAnchor)
                    ])
                ]),
                OutlineEntry(title: "Appendix", destination: "second"),
            ],
            metadata: Metadata(
                title: "Gazette — June (2024)", author: "The Desk", subject: "Monthly news digest",
                keywords: ["news", "june", "digest"], creationDate: Self.date, language: "en"))
    }
}

import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing

/// Anchors, links and bookmarks: the parts of the PDF a reader clicks.
@Suite struct NavigationTests {
    static let encodedSpecial = "Secci%C3%B3n%202%20%28it%27s%20%5C%20here%29"

    @Test func anchorsBecomeNamedDestinations() throws {
        let rendered = try RenderedSample()
        let destinations = try pdfDestinations(rendered.pdf)
        let a4Height = PaperSize.a4.height.points
        let a5Height = SampleDocument.a5Landscape.height.points
        #expect(destinations.count == 3)
        // pdfinfo rounds to whole points; PDF y grows upwards from the bottom edge.
        let intro = try #require(destinations.first { $0.name == "intro" })
        #expect(intro.page == 1 && intro.x == 72 && abs(intro.y - (a4Height - 72)) <= 0.5)
        let second = try #require(destinations.first { $0.name == "second" })
        #expect(second.page == 2 && second.x == 50 && abs(second.y - (a5Height - 60)) <= 0.5)
        let special = try #require(destinations.first { $0.name == Self.encodedSpecial })
        #expect(special.page == 2 && abs(special.y - (a5Height - 200)) <= 0.5)
    }

    @Test func linksPointAtDestinationsAndURIs() throws {
        let rendered = try RenderedSample()
        let links = try pdfObjects(rendered.pdf).filter { ($0["/Subtype"] as? String) == "/Link" }
        #expect(links.count == 4)
        let internalTargets = links.compactMap { $0["/Dest"] as? String }.sorted()
        #expect(internalTargets == ["u:\(Self.encodedSpecial)", "u:intro", "u:second"])

        let external = try #require(links.first { $0["/A"] != nil })
        let action = try #require(external["/A"] as? [String: Any])
        #expect(action["/S"] as? String == "/URI")
        #expect(action["/URI"] as? String == "u:https://example.org/a%20b(c)'d")
        // Link frame (72, 420) 100 × 14 from the top-left → PDF rectangle from the bottom-left.
        let rect = try #require(external["/Rect"] as? [Double])
        let a4Height = PaperSize.a4.height.points
        let expected = [72, a4Height - 434, 172, a4Height - 420]
        #expect(zip(rect, expected).allSatisfy { abs($0 - $1) < 0.01 }, "\(rect)")

        let toSecond = try #require(links.first { ($0["/Dest"] as? String) == "u:second" })
        let secondRect = try #require(toSecond["/Rect"] as? [Double])
        #expect(abs(secondRect[0] - 72) < 0.01 && abs(secondRect[3] - (a4Height - 90)) < 0.01)
    }

    @Test func outlineKeepsTitlesNestingAndOpenness() throws {
        let rendered = try RenderedSample()
        let outline = try pdfOutline(rendered.pdf)
        try #require(outline.count == 2)
        #expect(outline[0].title == "Introduction" && outline[0].page == 1 && outline[0].open)
        #expect(outline[1].title == "Appendix" && outline[1].page == 2)
        let child = try #require(outline[0].kids.first)
        #expect(child.title == "Second page" && child.page == 2 && !child.open)
        let grandchild = try #require(child.kids.first)
        #expect(grandchild.title == "Sección (2)" && grandchild.page == 2)
    }

    @Test func anAnchorNamedTwiceJumpsToItsFirstPlace() throws {
        let document = minimalDocument(items: [
            .anchor(name: "top", at: Point(x: .pt(300), y: .pt(500)))
        ])
        let directory = try TemporaryDirectory()
        let pdf = directory.file("twice.pdf")
        try PDFRenderer.writePDF(document, to: pdf)
        let destinations = try pdfDestinations(pdf)
        #expect(destinations.count == 1)
        #expect(destinations.first?.x == 10)
        // pdfinfo shows one entry per name, but cairo would write both into the name tree.
        let keys = try pdfObjects(pdf).compactMap { $0["/Names"] as? [Any] }.flatMap { $0 }
            .compactMap { $0 as? String }
        #expect(keys == ["u:top"])
    }
}

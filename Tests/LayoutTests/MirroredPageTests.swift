import DigestReader
import Geometry
import LayoutSpec
import PageModel
import Testing
@testable import Layout

/// With `page.mirror`, left-hand pages swap their margins so the inner margin stays at the spine.
@MainActor
@Suite struct MirroredPageTests {
    @Test func evenPagesMirrorTheMarginsOfOddOnes() throws {
        let library = LayoutLibrary(folders: [repositoryRoot + "/Layouts"], knownFamilies: sharedShaper.families(),
                                    imageProbe: { ImageProbe.probe(path: $0) })
        let spec = try #require(library.load("monthly", overrides: [
            "page.mirror=true", "page.margins.left=25mm", "page.margins.right=15mm",
        ]).0)
        let digest = try #require(DigestReader.read(folder: repositoryRoot + "/Examples/2024-06").digest)
        let pages = DigestLayout.layout(digest, spec: spec, shaper: sharedShaper).document.pages
        // The running header's first word starts at the left margin of its page.
        func headerStart(_ page: Page) -> Length? {
            page.items.compactMap { item -> Length? in
                if case .text(let run) = item, run.origin.y == spec.running.headerBaseline { return run.origin.x }
                return nil
            }.min()
        }
        let odd = try #require(headerStart(pages[2]))   // page 3: a right-hand page
        let even = try #require(headerStart(pages[3]))  // page 4: a left-hand page
        #expect(abs((odd - .mm(25)).points) < 0.01)
        #expect(abs((even - .mm(15)).points) < 0.01)
        // Nothing on a left-hand page reaches into its narrower outer margin.
        for case .text(let run) in pages[3].items where !run.glyphs.isEmpty {
            #expect(run.origin.x >= .mm(15) - .pt(0.01))
            #expect(run.origin.x + run.width <= spec.page.size.width - .mm(25) + .pt(1))
        }
    }
}

import DigestReader
import Geometry
import LayoutSpec
import PageModel
import Testing
@testable import Layout

/// The structure tree layout builds reads like the document: the PDF's tree takes its order
/// from where each element's content is first drawn, so that order must be the tree's own.
@MainActor
@Suite struct StructureInvariantTests {
    func laidOut(_ month: Case) throws -> LayoutResult {
        let reading = DigestReader.read(folder: month.folder)
        let digest = try #require(reading.digest, "\(reading.diagnostics)")
        return DigestLayout.layout(digest, spec: bundledLayout(month.layout), shaper: sharedShaper)
    }

    /// Each element's rank in a depth-first walk, children in the order they were added.
    func readingRanks(_ tree: StructureTree) -> [Int] {
        var children = Array(repeating: [Int](), count: tree.elements.count)
        for (index, element) in tree.elements.enumerated() {
            if let parent = element.parent { children[parent].append(index) }
        }
        var ranks = Array(repeating: -1, count: tree.elements.count)
        var next = 0
        func visit(_ element: Int) {
            ranks[element] = next
            next += 1
            children[element].forEach(visit)
        }
        visit(StructureTree.root)
        return ranks
    }

    @Test(arguments: invariantMonths)
    func contentIsFirstDrawnInReadingOrder(month: Case) throws {
        let document = try laidOut(month).document
        let ranks = readingRanks(document.structure)
        #expect(!ranks.contains(-1), "an element is not reachable from the root")
        var seen = Set<Int>()
        var lastRank = -1
        for (index, page) in document.pages.enumerated() {
            var current: Int?
            for item in page.items {
                switch item {
                case .structure(let element): current = element
                case .text(let run) where !run.text.allSatisfy(\.isWhitespace):
                    guard let element = current, seen.insert(element).inserted else { continue }
                    #expect(ranks[element] > lastRank,
                            "page \(index + 1): '\(run.text)' (\(document.structure.elements[element].role)) is drawn after content that reads later")
                    lastRank = ranks[element]
                default: break
                }
            }
        }
        #expect(seen.count > 100)
    }

    @Test(arguments: invariantMonths)
    func runningHeadsAreArtifactsAndBodyTextIsTagged(month: Case) throws {
        let document = try laidOut(month).document
        let body = bundledLayout(month.layout).page.body
        var tagged = 0, untaggedInBody = 0
        for (index, page) in document.pages.enumerated() where index > 0 {
            var current: Int?
            for item in page.items {
                switch item {
                case .structure(let element): current = element
                case .text(let run) where !run.text.allSatisfy(\.isWhitespace):
                    if run.origin.y < body.minY || run.origin.y > body.maxY + .pt(12) {
                        #expect(current == nil, "page \(index + 1): the running head '\(run.text)' is tagged")
                    } else if current == nil {
                        // Leader dots and table headers repeated at the top of a column.
                        untaggedInBody += 1
                    } else {
                        tagged += 1
                    }
                default: break
                }
            }
        }
        #expect(untaggedInBody * 10 < tagged, "\(untaggedInBody) runs in the body are untagged, \(tagged) tagged")
    }
}

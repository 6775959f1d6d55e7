import Diagnostics
import DigestModel
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

/// The tree layout builds for each kind of block, as an indented dump of roles.
@MainActor
@Suite struct StructureShapeTests {
    func dump(_ tree: StructureTree, from element: Int = StructureTree.root, depth: Int = 0) -> [String] {
        let children = tree.elements.indices.filter { tree.elements[$0].parent == element }
        let own = tree.elements[element]
        var line = String(repeating: "  ", count: depth) + own.role.rawValue
        if let alt = own.alternativeText { line += " alt='\(alt)'" }
        if let language = own.language { line += " lang=\(language)" }
        if let numbering = own.listNumbering { line += " \(numbering.rawValue)" }
        return [line] + children.flatMap { dump(tree, from: $0, depth: depth + 1) }
    }

    /// The article of every kind of block, laid out with `spec`, as the dump of its `Sect`.
    func articleTree(_ spec: LayoutSpec) -> [String] {
        let here = SourceLocation(file: "a.md", line: 1, column: 1)
        func block(_ content: Block.Content) -> Block { Block(content, at: here) }
        let blocks = [
            block(.heading(level: 2, text: [.text("Background")])),
            block(.paragraph([.text("See "), .link(destination: "https://example.org", content: [.text("this")]), .text(".")])),
            block(.list(ListBlock(start: nil, items: [
                [block(.paragraph([.text("One")])), block(.list(ListBlock(start: 1, items: [[block(.paragraph([.text("Inner")]))]])))],
            ]))),
            block(.timeline([TimelineEvent(when: "1961", what: [.text("A treaty")])])),
            block(.table(Table(alignments: [.none], header: [[.text("Year")]], rows: [[[.text("1961")]]]))),
            block(.callout(Callout(kind: .note, title: [.text("Why")], blocks: [block(.paragraph([.text("Because")]))]))),
            block(.quote([block(.paragraph([.text("Quoted")]))])),
        ]
        let article = Article(slug: "a", title: "An Article", date: CalendarDate(year: 2024, month: 6, day: 1),
                              section: "News", language: "hi", blocks: blocks, location: here)
        let digest = Digest(title: "Digest", edition: "June 2024", sections: [Section(name: "News", articles: [article])],
                            folder: "/nowhere")
        let document = DigestLayout.layout(digest, spec: spec, shaper: sharedShaper).document
        let body = dump(document.structure).drop { !$0.hasPrefix("  Sect") }.dropFirst(2)
        return Array(body.drop { !$0.hasPrefix("    Sect") })
    }

    @Test func everyKindOfBlockHasItsElements() throws {
        let articleTree = articleTree(bundledLayout("monthly"))
        #expect(articleTree == [
            "    Sect lang=hi",
            "      P", "      H2", "      H3", "      P",
            // A bullet is an artifact; a one-paragraph item's text is its LBody's. The lists
            // say how they are marked: the layout's first bullet, its second level's numbering
            // (`lower-alpha`), and a timeline's dates, which are no numbering.
            "      L Disc", "        LI", "          LBody", "            P",
            "            L LowerAlpha", "              LI", "                Lbl", "                LBody",
            "      L None", "        LI", "          Lbl", "          LBody",
            "      Table", "        TR", "          TH", "        TR", "          TD",
            "      Div", "        P", "        P",
            "      BlockQuote", "        P",
        ], "\(articleTree.joined(separator: "\n"))")
    }

    /// A layout's own bullets and numbering name the lists: a dash is no shape PDF names.
    @Test func aLayoutsBulletsAndNumberingNameItsLists() throws {
        var spec = bundledLayout("monthly")
        spec.lists.bullets = ["–", "▪"]
        spec.lists.numbering = ["upper-roman", "upper-alpha"]
        let lists = articleTree(spec).filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("L ") }
        #expect(lists == ["      L None", "            L UpperAlpha", "      L None"])
    }
}

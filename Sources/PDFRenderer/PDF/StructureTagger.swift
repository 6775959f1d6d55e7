import PageModel

/// Turns a document's structure marks into cairo's structure tags, in drawing order.
///
/// Cairo 1.16 builds the PDF's structure tree from the nesting of `cairo_tag_begin` and
/// `cairo_tag_end` and marks only the content drawn inside a *leaf* element; content drawn
/// while an element with children is innermost stays outside the tree. That is how artifacts
/// (running heads, repeated table headers) are kept out: the leaf is closed before them.
///
/// Three consequences shape this type:
/// - An element that has children, or links inside its text, cannot hold text itself, so its
///   text goes in `Span` children (a paragraph with a link reads `P › Span, Link, Span`).
/// - Closing an element ends it: when its content resumes (after a running head, on the next
///   page, in the next column band of a table row) cairo starts a new element of the same
///   type. `written` records which document element every element cairo wrote belongs to, so
///   `PDFFinishing` can merge the pieces into one.
/// - Rules and boxes never open or close an element: they are drawn in whatever is open, so
///   the tints and bars around a paragraph do not cut it into pieces.
final class StructureTagger {
    private let tree: StructureTree
    private let context: CairoContext
    /// Elements whose own content goes in `Span` children.
    private let holdsSpans: Set<Int>
    /// Elements that are marked but have no content of their own and no children, such as
    /// an empty table cell: written as they are met, so that a row keeps all its cells.
    private let empty: Set<Int>
    /// Open tags, outermost first: an element of the tree, or a `Span` for the one on its left.
    private var open: [(element: Int, isSpan: Bool)] = []
    /// What the items being drawn belong to; nil for artifacts.
    private var current: Int?
    /// Every structure element cairo was asked to create, in order (depth first): the tree
    /// element it shows, or nil for a `Span` or a `Link`.
    private(set) var written: [Int?] = []
    /// The words of each `Link` cairo wrote, by its index in `written`.
    private(set) var linkDescriptions: [Int: String] = [:]

    init(tree: StructureTree, pages: [Page], context: CairoContext) {
        self.tree = tree
        self.context = context
        var spans = Set(tree.elements.compactMap(\.parent))
        var marked = Set<Int>(), filled = Set<Int>()
        for page in pages {
            var element: Int?
            for item in page.items {
                switch item {
                case .structure(let mark):
                    element = mark.flatMap { tree.elements.indices.contains($0) ? $0 : nil }
                    if let element { marked.insert(element) }
                case .link: if let element { spans.insert(element) }
                case .text, .image: if let element { filled.insert(element) }
                default: break
                }
            }
        }
        holdsSpans = spans
        empty = marked.subtracting(filled).subtracting(spans)
    }

    /// Opens the root `Document`, before anything is drawn on the first page.
    func beginDocument() {
        begin(StructureTree.root, isSpan: false)
    }

    /// Closes every open tag, after the last page is drawn.
    func endDocument() {
        while !open.isEmpty { endInnermost() }
    }

    /// A new page starts in artifacts.
    func startPage() { current = nil }

    /// The items after this belong to `element` (nil: artifacts).
    func mark(_ element: Int?) {
        current = element.flatMap { isElement($0) ? $0 : nil }
        if let current, empty.contains(current) {
            prepareContent()
            endInnermost()
            self.current = nil
        }
    }

    /// True when a structure mark names an element of the tree; other marks mean artifacts.
    func isElement(_ element: Int) -> Bool { tree.elements.indices.contains(element) }

    /// Makes the tags match what the next text or image belongs to.
    func prepareContent() {
        guard let target = current else {
            // Artifacts: close the leaf so that nothing open marks what is drawn next.
            if let top = open.last, top.isSpan { endInnermost() }
            if let top = open.last, top.element != StructureTree.root, !holdsSpans.contains(top.element) { endInnermost() }
            return
        }
        let path = self.path(to: target)
        if let top = open.last, top.isSpan {
            if top.element == target, open.dropLast().map(\.element) == path { return }
            endInnermost()
        }
        var shared = 0
        while shared < open.count, shared < path.count, open[shared].element == path[shared] { shared += 1 }
        while open.count > max(shared, 1) { endInnermost() }
        for element in path.dropFirst(open.count) { begin(element, isSpan: false) }
        if holdsSpans.contains(target) { begin(target, isSpan: true) }
    }

    /// Makes the tags ready for a link annotation, which cairo writes as a `Link` element: a
    /// child of the element its text belongs to, beside that element's `Span`s.
    func prepareLink() {
        prepareContent()
        if let top = open.last, top.isSpan { endInnermost() }
    }

    /// Records the `Link` element cairo created for a link annotation, and what it says.
    func noteLink(description: String) {
        linkDescriptions[written.count] = description
        written.append(nil)
    }

    private func path(to element: Int) -> [Int] {
        var path = [element]
        var next = tree.elements[element].parent
        while let parent = next {
            path.append(parent)
            next = tree.elements[parent].parent
        }
        return path.reversed()
    }

    private func begin(_ element: Int, isSpan: Bool) {
        let name = isSpan ? "Span" : tree.elements[element].role.rawValue
        context.beginTag(name, attributes: "")
        open.append((element, isSpan))
        written.append(isSpan ? nil : element)
    }

    private func endInnermost() {
        guard let top = open.popLast() else { return }
        context.endTag(top.isSpan ? "Span" : tree.elements[top.element].role.rawValue)
    }
}

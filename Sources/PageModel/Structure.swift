/// The logical structure of a document, for a tagged PDF: what each part of the pages is (a
/// heading, a paragraph, a list item, a table cell, a figure) and in which order it reads.
///
/// Screen readers and reflowing viewers read the tree, not the page: a paragraph that runs
/// over two columns and a page break is one element, and running heads, rules and tints are
/// outside the tree. Items join the tree through `PageItem.structure` marks.
public struct StructureTree: Sendable, Equatable {
    /// Every element, parents before their children and siblings in reading order; index 0 is
    /// the `Document` root.
    public private(set) var elements: [StructureElement]

    /// A tree holding only the `Document` root.
    public init() {
        elements = [StructureElement(role: .document, parent: nil)]
    }

    /// The index of the root element.
    public static let root = 0

    /// Adds an element as the last child of `parent` and returns its index.
    @discardableResult
    public mutating func add(_ role: StructureElement.Role, under parent: Int, alternativeText: String? = nil,
                             language: String? = nil) -> Int {
        precondition(elements.indices.contains(parent), "no structure element \(parent)")
        elements.append(StructureElement(role: role, parent: parent, alternativeText: alternativeText,
                                         language: language))
        return elements.count - 1
    }

    /// True when the tree holds only its root: nothing was tagged.
    public var isEmpty: Bool { elements.count == 1 }
}

/// One node of a `StructureTree`.
public struct StructureElement: Sendable, Equatable {
    /// The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4) that Gazette uses.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        case document = "Document", section = "Sect", division = "Div", blockQuote = "BlockQuote"
        case heading1 = "H1", heading2 = "H2", heading3 = "H3", heading4 = "H4", heading5 = "H5", heading6 = "H6"
        case paragraph = "P", caption = "Caption", code = "Code"
        case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
        /// `tableHeader` is a cell of a table's header row: it heads its column.
        case table = "Table", tableRow = "TR", tableHeader = "TH", tableCell = "TD"
        case figure = "Figure", contents = "TOC", contentsItem = "TOCI"

        /// The heading role of `level` (1…6; levels past 6 are H6).
        public static func heading(level: Int) -> Role {
            [.heading1, .heading2, .heading3, .heading4, .heading5, .heading6][min(max(level, 1), 6) - 1]
        }
    }

    public var role: Role
    /// Index of the parent in `StructureTree.elements`; nil only for the root.
    public var parent: Int?
    /// What a figure shows, for readers who cannot see it (`/Alt`).
    public var alternativeText: String?
    /// The element's language (BCP 47) when it differs from the document's (`/Lang`).
    public var language: String?

    public init(role: Role, parent: Int?, alternativeText: String? = nil, language: String? = nil) {
        self.role = role; self.parent = parent
        self.alternativeText = alternativeText; self.language = language
    }
}

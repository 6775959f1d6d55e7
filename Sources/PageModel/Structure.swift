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
                             language: String? = nil, listNumbering: StructureElement.ListNumbering? = nil) -> Int {
        add(StructureElement(role: role, parent: parent, alternativeText: alternativeText, language: language,
                             listNumbering: listNumbering), under: parent)
    }

    /// Adds `element`, with everything it says of itself, as the last child of `parent`: how an
    /// article composed on its own joins the digest's tree.
    @discardableResult
    public mutating func add(_ element: StructureElement, under parent: Int) -> Int {
        precondition(elements.indices.contains(parent), "no structure element \(parent)")
        var element = element
        element.parent = parent
        elements.append(element)
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

    /// How a list's items are marked (`/ListNumbering`, ISO 32000-1 table 347), so a reader
    /// can say "bulleted list" or "numbered list" and read "a", "b" as letters. A bulleted
    /// item has no `Lbl` (its bullet is an artifact), which leaves this the only place that
    /// says what marked it.
    public enum ListNumbering: String, Sendable, Equatable, CaseIterable {
        /// Labels that are not a numbering, such as a timeline's dates, or no labels at all.
        case none = "None"
        case disc = "Disc", circle = "Circle", square = "Square"
        case decimal = "Decimal", lowerAlpha = "LowerAlpha", upperAlpha = "UpperAlpha"
        case lowerRoman = "LowerRoman", upperRoman = "UpperRoman"

        /// The numbering a layout's `lists.numbering` style names (`decimal`, `lower-alpha`, …).
        public init(style: String) {
            switch style {
            case "lower-alpha": self = .lowerAlpha
            case "upper-alpha": self = .upperAlpha
            case "lower-roman": self = .lowerRoman
            case "upper-roman": self = .upperRoman
            default: self = .decimal
            }
        }

        /// The shape a bullet glyph shows; `none` for a glyph PDF has no name for (a dash, a star).
        public init(bullet: String) {
            switch bullet {
            case "•", "●", "⦁", "∙": self = .disc
            case "◦", "○", "⚬": self = .circle
            case "▪", "■", "▫", "□", "◾", "◽": self = .square
            default: self = .none
            }
        }
    }

    public var role: Role
    /// Index of the parent in `StructureTree.elements`; nil only for the root.
    public var parent: Int?
    /// What a figure shows, for readers who cannot see it (`/Alt`).
    public var alternativeText: String?
    /// The element's language (BCP 47) when it differs from the document's (`/Lang`).
    public var language: String?
    /// For a list (`L`): how its items are marked.
    public var listNumbering: ListNumbering?

    public init(role: Role, parent: Int?, alternativeText: String? = nil, language: String? = nil,
                listNumbering: ListNumbering? = nil) {
        self.role = role; self.parent = parent
        self.alternativeText = alternativeText; self.language = language; self.listNumbering = listNumbering
    }
}

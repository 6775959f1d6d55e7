import PageModel

/// The structure elements cairo wrote into a PDF, in the file's depth-first order, each paired
/// with what `PDFFinishing` must still do to it.
///
/// Cairo 1.16 cannot write `/Alt` or `/Lang` on an element, and writes a document element
/// again each time its content resumes after other content (see `StructureTagger`). Each
/// entry says which element of `PagedDocument.structure` an element of the file shows, so the
/// finishing pass can merge the pieces and add the attributes.
public struct WrittenStructure: Sendable, Equatable {
    public struct Element: Sendable, Equatable {
        /// The element of `PagedDocument.structure` shown; nil for a `Span` or `Link` added by
        /// the renderer.
        public var element: Int?
        public var alternativeText: String?
        public var language: String?
        /// A header cell that heads its column (`/Scope /Column`).
        public var headsColumn = false
        /// For a list, the name of its `/ListNumbering` (`Disc`, `Decimal`, …).
        public var listNumbering: String?
        /// For a `Link` the renderer added, the words of its annotation's `/Contents`.
        public var linkDescription: String?
    }

    /// One entry per structure element in the file, in depth-first order.
    public var elements: [Element]

    init(_ tree: StructureTree, written: [Int?], linkDescriptions: [Int: String] = [:]) {
        elements = written.enumerated().map { position, index in
            guard let index else { return Element(element: nil, linkDescription: linkDescriptions[position]) }
            let element = tree.elements[index]
            return Element(element: index, alternativeText: element.alternativeText, language: element.language,
                           headsColumn: element.role == .tableHeader, listNumbering: element.listNumbering?.rawValue)
        }
    }
}

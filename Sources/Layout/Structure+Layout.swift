import PageModel

/// How layout says what each piece is: every piece of content starts with a
/// `PageItem.structure` mark naming its element; the paginator starts every piece it places
/// with an artifact mark, so content nobody marked stays out of the structure tree.
extension Piece {
    /// The piece with its items marked as content of `element` (nil: artifacts).
    func marked(_ element: Int?) -> Piece {
        var piece = self
        piece.items.insert(.structure(element), at: 0)
        return piece
    }

    /// The piece with every structure mark in it turned into an artifact mark: for copies of
    /// content drawn again, such as a table's header row repeated at the top of a column.
    func unmarked() -> Piece {
        var piece = self
        piece.items = items.map { if case .structure = $0 { .structure(nil) } else { $0 } }
        return piece
    }
}

extension Array where Element == Piece {
    /// Every piece marked as content of `element`.
    func marked(_ element: Int?) -> [Piece] { map { $0.marked(element) } }
}

extension BlockComposer {
    /// Adds an element under the current structure parent and returns its index.
    func element(_ role: StructureElement.Role, alternativeText: String? = nil, language: String? = nil) -> Int {
        structure.add(role, under: structureParent, alternativeText: alternativeText, language: language)
    }

    /// Adds a list (`L`) whose items are marked as `numbering` says.
    func listElement(_ numbering: StructureElement.ListNumbering) -> Int {
        structure.add(.list, under: structureParent, listNumbering: numbering)
    }

    /// Runs `body` with `element` as the parent of the elements it adds.
    func within<T>(_ element: Int, _ body: () -> T) -> T {
        let saved = structureParent
        structureParent = element
        defer { structureParent = saved }
        return body()
    }
}

extension BlockComposer {
    /// A new `LI` in `list` with its `Lbl` (the bullet, number or date) and `LBody`.
    func listItem(in list: Int) -> (label: Int, body: Int) {
        within(list) {
            within(element(.listItem)) { (element(.label), element(.listBody)) }
        }
    }

    /// A new `LI` in `list` with only an `LBody`: for bulleted lists, whose bullets are
    /// drawn as artifacts. A bullet says nothing a reader needs (the list says it is a list),
    /// and leaving it out of the tree keeps one element per item out of the finishing pass.
    func unlabelledListItem(in list: Int) -> Int {
        within(list) {
            within(element(.listItem)) { element(.listBody) }
        }
    }
}

extension BlockComposer {
    /// A new `Sect` for an article under `parent`, with the article's language when it is
    /// not the digest's (the document's `/Lang` covers the rest); the digest and handouts
    /// both open one per article.
    func articleSection(under parent: Int, language: String, digestLanguage: String) -> Int {
        within(parent) { element(.section, language: language == digestLanguage ? nil : language) }
    }
}

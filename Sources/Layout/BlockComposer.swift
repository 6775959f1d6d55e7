import Diagnostics
import DigestModel
import Geometry
import LayoutSpec
import PageModel
import TextShaping

/// Turns an article's blocks into the flow of one column width.
///
/// Each block answers with pieces and the places it may break: paragraphs between lines
/// (two lines at least on either side), lists between items, tables between rows (with the
/// header repeated), timelines between events; headings, callouts, figures and quiz
/// questions keep together.
final class BlockComposer {
    let spec: LayoutSpec
    let setter: LineSetter
    let styler: InlineStyler
    /// Largest height a single unit may take: one column of one page.
    let columnHeight: Length
    private(set) var warnings: [Diagnostic] = []
    private(set) var blockCount = 0
    /// Where each block id came from, for warnings raised later by pagination.
    private(set) var blockLocations: [Int: SourceLocation] = [:]
    /// What the blocks composed so far are, for a tagged PDF (see `Structure+Layout.swift`).
    var structure = StructureTree()
    /// The element new elements are added under.
    var structureParent = StructureTree.root
    /// The heading level of an article's title in the structure tree: 2 in the digest, under
    /// its section's H1; 1 in a handout, which has no sections. The body's headings follow
    /// it, so levels start at H1 and never skip one, as PDF/UA-1 readers expect.
    var articleTitleLevel = 2

    /// - Parameter firstBlockID: block numbers start after it, so that composers of different
    ///   articles never give two blocks the same number.
    init(spec: LayoutSpec, shaper: TextShaper, hyphenator: Hyphenator?, columnHeight: Length, firstBlockID: Int = 0) {
        self.spec = spec
        self.blockCount = firstBlockID
        self.setter = LineSetter(shaper: shaper, lineBreaking: spec.text.lineBreaking)
        self.styler = InlineStyler(mono: spec.fonts.mono, linkColor: spec.colors.link,
                                   hyphenator: spec.text.hyphenate ? hyphenator : nil,
                                   hyphenation: spec.text.hyphenation)
        self.columnHeight = columnHeight
    }

    var shaper: TextShaper { setter.shaper }
    var columnWidth: Length { spec.page.columnWidth }

    var bodyLook: TextLook {
        TextLook(font: FontStyle(family: spec.fonts.body, size: spec.text.size), color: spec.colors.text,
                 leading: spec.text.leading)
    }

    var smallLook: TextLook { bodyLook.with(size: spec.text.smallSize, leading: spec.text.smallLeading) }

    func headingLook(level: Int) -> TextLook {
        let style = spec.heading(level: level)
        return TextLook(font: FontStyle(family: spec.fonts.heading, size: style.size, bold: true),
                        color: style.color, leading: style.leading)
    }

    func newBlockID(at location: SourceLocation? = nil) -> Int {
        blockCount += 1
        if let location { blockLocations[blockCount] = location }
        return blockCount
    }

    /// Takes over an article another composer composed for this one: its warnings, where its
    /// blocks came from, and its structure elements, added under `parent`. Returns its flow
    /// with the structure marks renumbered to this composer's tree.
    func adopt(_ composed: ArticleFlows.Composed, under parent: Int) -> [FlowItem] {
        warnings += composed.warnings
        blockLocations.merge(composed.blockLocations) { first, _ in first }
        let elements = composed.structure.elements
        guard elements.count > 1 else { return composed.flow }
        // Element i (> 0) of the article's tree becomes `offset + i` here; its root is `parent`.
        let offset = structure.elements.count - 1
        func renumbered(_ element: Int) -> Int { element == StructureTree.root ? parent : offset + element }
        for element in elements.dropFirst() {
            structure.add(element, under: renumbered(element.parent ?? StructureTree.root))
        }
        func renumbered(_ piece: Piece) -> Piece {
            var piece = piece
            piece.items = piece.items.map { item in
                if case .structure(let element?) = item { .structure(renumbered(element)) } else { item }
            }
            piece.repeatedHeader = piece.repeatedHeader?.map(renumbered)
            return piece
        }
        return composed.flow.map { $0.mapPieces(renumbered) }
    }

    func warn(_ message: String, at location: SourceLocation?) {
        warnings.append(.warning(message, at: location))
    }

    /// Warns about characters set since the last report that no bundled font has.
    func reportMissingGlyphs(at location: SourceLocation?) {
        for text in setter.missing.take() {
            let codes = text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
            warn("no font in Fonts/ has '\(text)' (\(codes)); it prints as an empty box", at: location)
        }
    }

    // MARK: - Blocks

    /// The flow of `blocks` in `width`, separated by the layout's spacing.
    func flow(_ blocks: [Block], width: Length, language: String, anchorPrefix: String? = nil,
              headings: inout [(level: Int, title: String, anchor: String)]) -> [FlowItem] {
        var flow: [FlowItem] = []
        for (index, block) in blocks.enumerated() {
            let spaceBefore: Length
            switch block.content {
            case .heading(let level, _): spaceBefore = spec.heading(level: level).spaceBefore
            case .paragraph: spaceBefore = spec.text.paragraphSpacing
            default: spaceBefore = spec.text.blockSpacing
            }
            if index > 0 { flow.append(.space(spaceBefore)) }
            var anchor: String?
            // Only a heading with text gets an anchor and an outline entry: an entry must lead somewhere.
            if case .heading(let level, let text) = block.content, let anchorPrefix,
               !text.plainText.allSatisfy(\.isWhitespace) {
                let name = "\(anchorPrefix)-h\(headings.count + 1)"
                headings.append((level, text.plainText, name))
                anchor = name
            }
            // An article's own tables may span the columns; those in lists, quotes and boxes may not.
            let spanWidth = anchorPrefix != nil && spec.page.columns > 1 ? spec.page.body.width : nil
            flow += self.flow(block, width: width, language: language, anchor: anchor, spanWidth: spanWidth,
                              headings: &headings)
        }
        return flow
    }

    /// - Parameters:
    ///   - spanWidth: the text width, when a table too wide for `width` may take it.
    ///   - paragraphElement: the element a paragraph's text belongs to, instead of a `P` of
    ///     its own: a list item that is one paragraph is that paragraph's `LBody`.
    func flow(_ block: Block, width: Length, language: String, anchor: String? = nil, spanWidth: Length? = nil,
              paragraphElement: Int? = nil,
              headings: inout [(level: Int, title: String, anchor: String)]) -> [FlowItem] {
        let id = newBlockID(at: block.location)
        defer { reportMissingGlyphs(at: block.location) }
        switch block.content {
        case .heading(let level, let text):
            return heading(text, level: level, width: width, language: language, anchor: anchor, block: id)
        case .paragraph(let inlines):
            let spans = styler.spans(inlines, look: bodyLook, hyphenate: language.hasPrefix("en"))
            let pieces = setter.pieces(spans, width: width, look: bodyLook,
                                       alignment: spec.text.justify ? .justify : .left, language: language, block: id)
                .marked(paragraphElement ?? element(.paragraph))
            return LineSetter.paragraphFlow(pieces)
        case .list(let list):
            return self.list(list, width: width, language: language, depth: 0, block: id, headings: &headings)
        case .timeline(let events):
            return timeline(events, width: width, language: language, block: id)
        case .oneLiners(let facts):
            return oneLiners(facts, width: width, language: language, block: id)
        case .table(let table):
            return self.table(table, width: width, spanWidth: spanWidth, language: language, block: id,
                              location: block.location)
        case .callout(let callout):
            return self.callout(callout, width: width, language: language, block: id, headings: &headings)
        case .quiz(let questions):
            return quiz(questions, firstNumber: 1, width: width, language: language, showAnswers: true, block: id)
        case .image(let figure):
            return self.figure(figure, width: width, language: language, block: id, location: block.location)
        case .code(let code):
            return self.code(code, width: width, block: id)
        case .quote(let blocks):
            // Quotes inside quotes stop indenting once the text would get narrower than a
            // third of the column: the bar still marks them, the words keep their room.
            let indent: Length = width - .pt(12) >= columnWidth / 3 ? .pt(12) : .zero
            let inner = within(element(.blockQuote)) { flow(blocks, width: width - indent, language: language, headings: &headings) }
            guard indent > .zero else { return inner }
            let bar = spec.colors.rule
            return inner.map { item in
                guard case .piece(let piece) = item else { return item }
                let rule = PageItem.rule(Rule(from: Point(x: .pt(2), y: .zero), to: Point(x: .pt(2), y: piece.height),
                                              width: .pt(1.5), color: bar))
                return .piece(piece.shifted(by: indent, under: [rule]))
            }
        case .rule:
            let rule = PageItem.rule(Rule(from: Point(x: width * 0.3, y: .pt(6)), to: Point(x: width * 0.7, y: .pt(6)),
                                          width: .pt(0.75), color: spec.colors.rule))
            return [.piece(Piece(height: .pt(12), items: [rule], kind: .graphic, block: id))]
        }
    }

    func heading(_ text: [Inline], level: Int, width: Length, language: String, anchor: String?, block: Int) -> [FlowItem] {
        let look = headingLook(level: level)
        // The body's headings (Markdown level 2 and down) come one below the article's title:
        // H3 and down in the digest, H2 and down in a handout.
        let tag = element(.heading(level: level + articleTitleLevel - 1))
        var pieces = setter.pieces(styler.spans(text, look: look), width: width, look: look, alignment: .left,
                                   language: language, kind: .heading, block: block).marked(tag)
        if let anchor, !pieces.isEmpty { pieces[0].items.insert(.anchor(name: anchor, at: .zero), at: 0) }
        var flow: [FlowItem] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { flow.append(.breakpoint(penalty: Penalty.never)) }
            flow.append(.piece(piece))
        }
        // A heading never ends a column: no break between it and what follows.
        flow.append(.breakpoint(penalty: Penalty.never))
        flow.append(.space(spec.heading(level: level).spaceAfter))
        flow.append(.breakpoint(penalty: Penalty.never))
        return flow
    }

    // MARK: - Lists

    func list(_ list: ListBlock, width: Length, language: String, depth: Int, block: Int,
              headings: inout [(level: Int, title: String, anchor: String)]) -> [FlowItem] {
        // Levels past the layout's indents take only the room their markers need.
        let markers = Set(list.items.indices.map { index in
            list.start.map { listNumber($0 + index, depth: depth) } ?? spec.lists.bullets[depth % spec.lists.bullets.count]
        })
        let markerWidth = markers.map {
            shaper.width(of: [TextSpan($0, font: bodyLook.font, color: bodyLook.color)], language: language)
        }.max() ?? .zero
        let indent = max(depth < spec.lists.maxIndentLevels ? spec.lists.indent : .zero, markerWidth + .pt(5))
        let innerWidth = width - indent
        var result: [FlowItem] = []
        let listElement = listElement(list.start == nil
            ? .init(bullet: spec.lists.bullets[depth % spec.lists.bullets.count])
            : .init(style: spec.lists.numbering[depth % spec.lists.numbering.count]))
        for (index, item) in list.items.enumerated() {
            let (label, body): (Int?, Int) = list.start == nil
                ? (nil, unlabelledListItem(in: listElement)) : listItem(in: listElement)
            if index > 0 { result.append(.space(spec.lists.itemSpacing)) }
            let marker = list.start.map { listNumber($0 + index, depth: depth) }
                ?? spec.lists.bullets[depth % spec.lists.bullets.count]
            var itemFlow: [FlowItem] = []
            within(body) {
                for (blockIndex, child) in item.enumerated() {
                    if blockIndex > 0 { itemFlow.append(.space(spec.lists.itemSpacing)) }
                    if case .list(let nested) = child.content {
                        itemFlow += self.list(nested, width: innerWidth, language: language, depth: depth + 1,
                                              block: newBlockID(at: child.location), headings: &headings)
                    } else {
                        itemFlow += flow(child, width: innerWidth, language: language,
                                         paragraphElement: item.count == 1 ? body : nil, headings: &headings)
                    }
                }
            }
            var markerPlaced = false
            for element in itemFlow {
                guard case .piece(let piece) = element else { result.append(element); continue }
                var shifted = piece.shifted(by: indent)
                if !markerPlaced {
                    markerPlaced = true
                    // The marker reads before the item's text: it goes first, as the label (a
                    // bullet, as an artifact).
                    shifted.items = [.structure(label)]
                        + markerItems(marker, indent: indent, baseline: piece.baseline ?? piece.height * 0.75,
                                      language: language) + shifted.items
                }
                result.append(.piece(shifted))
            }
        }
        return result
    }

    private func markerItems(_ marker: String, indent: Length, baseline: Length, language: String) -> [PageItem] {
        let look = bodyLook.with(color: spec.colors.brand)
        let spans = [TextSpan(marker, font: look.font, color: look.color)]
        guard let line = shaper.lines(spans, width: nil, style: ParagraphStyle(alignment: .left, language: language)).first
        else { return [] }
        let x = max(.zero, indent - line.width - .pt(4))
        return line.runs.map { .text($0.translated(by: Point(x: x, y: baseline))) }
    }

    private func listNumber(_ n: Int, depth: Int) -> String {
        let style = spec.lists.numbering[depth % spec.lists.numbering.count]
        switch style {
        case "lower-alpha": return alphabetic(n) + "."
        case "upper-alpha": return alphabetic(n).uppercased() + "."
        case "lower-roman": return roman(n) + "."
        case "upper-roman": return roman(n).uppercased() + "."
        default: return "\(n)."
        }
    }

    // MARK: - Timelines

    func timeline(_ events: [TimelineEvent], width: Length, language: String, block: Int) -> [FlowItem] {
        let style = spec.timeline
        let dateLook = TextLook(font: FontStyle(family: spec.fonts.heading, size: spec.text.smallSize, bold: true),
                                color: spec.colors.brand, leading: spec.text.leading)
        let railX = style.dateWidth + .pt(6)
        let textX = railX + .pt(9)
        let textWidth = width - textX
        var flow: [FlowItem] = []
        // A list of events, each labelled with its date.
        let list = listElement(.none)
        for (index, event) in events.enumerated() {
            let (label, body) = listItem(in: list)
            let dates = setter.pieces([TextSpan(event.when, font: dateLook.font, color: dateLook.color)],
                                      width: style.dateWidth, look: dateLook, alignment: .left, language: language,
                                      block: block).marked(label)
            let texts = setter.pieces(styler.spans(event.what, look: bodyLook), width: textWidth, look: bodyLook,
                                      alignment: .left, language: language, block: block).marked(body)
            var rows = Bands.rows([(x: .zero, pieces: dates), (x: textX, pieces: texts)])
            for i in rows.indices {
                let rail = PageItem.rule(Rule(from: Point(x: railX, y: .zero), to: Point(x: railX, y: rows[i].height),
                                              width: style.ruleWidth, color: spec.colors.rule))
                rows[i].items.insert(rail, at: 0)
            }
            if !rows.isEmpty {
                let d = style.dotDiameter
                let center = rows[0].baseline.map { $0 - spec.text.size * 0.35 } ?? rows[0].height / 2
                rows[0].items.insert(.box(Box(frame: Rect(x: railX - d / 2, y: center - d / 2, width: d, height: d),
                                              shape: .ellipse, fill: spec.colors.accent)), at: 1)
            }
            if index > 0 {
                let gap = Length.pt(3)
                let rail = PageItem.rule(Rule(from: Point(x: railX, y: .zero), to: Point(x: railX, y: gap),
                                              width: style.ruleWidth, color: spec.colors.rule))
                flow.append(.breakpoint(penalty: 0))
                flow.append(.piece(Piece(height: gap, items: [rail], kind: .space, block: block)))
            }
            flow += LineSetter.paragraphFlow(rows)
        }
        return flow
    }

    // MARK: - Code

    func code(_ code: String, width: Length, block: Int) -> [FlowItem] {
        let look = TextLook(font: FontStyle(family: spec.fonts.mono, size: spec.text.smallSize), color: spec.colors.text,
                            leading: spec.text.smallLeading)
        let text = code.hasSuffix("\n") ? String(code.dropLast()) : code
        let lines = setter.pieces([TextSpan(text, font: look.font, color: look.color)], width: width - .pt(12),
                                  look: look, alignment: .left, language: "en", block: block).marked(element(.paragraph))
        let padded = [Piece(height: .pt(4), items: [], kind: .space, block: block)] + lines.map { $0.shifted(by: .pt(6)) }
            + [Piece(height: .pt(4), items: [], kind: .space, block: block)]
        // A grey panel where the layout has a tint for zebra rows, else a rule down the left.
        let background: (Length) -> PageItem = { height in
            if let tint = self.spec.table.zebraFill {
                return .box(Box(frame: Rect(x: .zero, y: .zero, width: width, height: height), fill: tint))
            }
            return .rule(Rule(from: Point(x: .pt(1), y: .zero), to: Point(x: .pt(1), y: height), width: .pt(1),
                              color: self.spec.colors.rule))
        }
        return padded.enumerated().flatMap { index, piece -> [FlowItem] in
            var withBackground = piece
            withBackground.items.insert(background(piece.height), at: 0)
            return (index > 0 ? [FlowItem.breakpoint(penalty: index < 2 || index > padded.count - 2 ? Penalty.never : 0)] : [])
                + [.piece(withBackground)]
        }
    }
}

/// Sets side-by-side columns of line pieces into horizontal bands: band k holds line k of
/// every column, so a grid row can break between its lines and still draw as one.
enum Bands {
    static func rows(_ columns: [(x: Length, pieces: [Piece])]) -> [Piece] {
        let count = columns.map(\.pieces.count).max() ?? 0
        var bands: [Piece] = []
        for k in 0..<count {
            let height = columns.compactMap { $0.pieces.indices.contains(k) ? $0.pieces[k].height : nil }.max() ?? .zero
            var items: [PageItem] = []
            var baseline: Length?
            var block: Int?
            for column in columns where column.pieces.indices.contains(k) {
                let piece = column.pieces[k]
                items += piece.items.map { $0.translated(by: Point(x: column.x, y: .zero)) }
                baseline = baseline ?? piece.baseline
                block = block ?? piece.block
            }
            bands.append(Piece(height: height, items: items, kind: .text, block: block, baseline: baseline))
        }
        return bands
    }
}

func alphabetic(_ n: Int) -> String {
    var n = max(n, 1), result = ""
    while n > 0 {
        n -= 1
        result = String(UnicodeScalar(UInt8(97 + n % 26))) + result
        n /= 26
    }
    return result
}

func roman(_ n: Int) -> String {
    let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                  (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    var n = max(n, 1), result = ""
    for (value, letters) in table { while n >= value { result += letters; n -= value } }
    return result
}

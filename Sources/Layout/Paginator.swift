import Diagnostics
import Geometry
import LayoutSpec
import PageModel

/// Where layout put one piece: the positioned layout tree that tests check invariants on.
public struct Placement: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case text, heading, graphic, space, span }
    /// Index of the page in the finished document.
    public var page: Int
    /// The region (column, or the full body width for spanning elements) the piece was placed in.
    public var region: Rect
    public var frame: Rect
    public var kind: Kind
    /// The input block shown, nil for decoration (repeated table headers, banners).
    public var block: Int?
    /// Last piece of its region: a heading here would be a heading ending a column.
    public var endsRegion: Bool
}

/// A page being filled.
struct PageDraft {
    var items: [PageItem] = []
    var placements: [Placement] = []
    /// The section current at the top of the page, for the running head.
    var section: String?
}

/// Fills pages from top to bottom with spanning pieces (full width) and sets of columns.
///
/// A column set that ends on a page is balanced, so the next spanning element (an article's
/// title) starts below level columns.
struct Paginator {
    let spec: LayoutSpec
    private(set) var pages: [PageDraft] = []
    private(set) var warnings: [Diagnostic] = []
    private var cursor: Length = .zero
    private var currentSection: String?

    init(spec: LayoutSpec) { self.spec = spec }

    /// The pages laid out so far, handed over rather than shared, so the caller can change
    /// them without copying every item.
    mutating func takePages() -> [PageDraft] {
        defer { pages = [] }
        return pages
    }

    private var body: Rect { spec.page.body }
    /// Height left below the cursor on the current page.
    var remaining: Length { body.maxY - cursor }
    private var pageIsEmpty: Bool { cursor <= body.minY + .pt(0.01) }

    mutating func startPage(section: String?) {
        if let section { currentSection = section }
        pages.append(PageDraft(section: currentSection))
        cursor = body.minY
    }

    /// Places a full-width piece; starts a new page first unless `following` more fits below it.
    mutating func placeSpan(_ piece: Piece, following: Length = .zero) {
        if pages.isEmpty || (piece.height + following > remaining && !pageIsEmpty) { startPage(section: nil) }
        let region = Rect(x: body.minX, y: cursor, width: body.width, height: body.maxY - cursor)
        place(piece, at: Point(x: body.minX, y: cursor), region: region, kind: .span, endsRegion: false)
        cursor += piece.height + spec.page.spanGap
    }

    /// Pours `flow` into columns from the cursor down, page after page. A spanning block ends
    /// the columns above it (level, as before an article's title), takes the text width, and
    /// the flow goes on in new columns below it; a heading that would end the columns above
    /// goes down with the block it introduces.
    mutating func placeColumns(_ flow: [FlowItem], locate: (Int) -> SourceLocation?) {
        var columns: [FlowItem] = []
        for item in flow {
            guard case .spanning(let spanned) = item else { columns.append(item); continue }
            let lead = Self.trailingHeadingStart(columns)
            placeColumnSet(Array(columns[..<lead]), locate: locate)
            placeSpanning(Array(columns[lead...]) + spanned, locate: locate)
            columns = []
        }
        placeColumnSet(columns, locate: locate)
    }

    /// Where the heading that ends `flow` starts (with the space and breaks around it), or
    /// the end of `flow` when its last piece is not a heading.
    private static func trailingHeadingStart(_ flow: [FlowItem]) -> Int {
        var start = flow.count
        for index in flow.indices.reversed() {
            guard case .piece(let piece) = flow[index] else { continue }
            guard piece.kind == .heading else { break }
            start = index
        }
        return start
    }

    /// Places a block across the columns, at the text width, breaking it across pages where
    /// its flow allows (between table rows, the header repeated).
    private mutating func placeSpanning(_ flow: [FlowItem], locate: (Int) -> SourceLocation?) {
        let filler = ColumnFiller(flow: flow)
        var start = filler.skipDiscardable(from: 0)
        guard start < flow.count else { return }
        if pages.isEmpty { startPage(section: nil) }
        while start < flow.count {
            if remaining < spec.text.leading * 3 { startPage(section: nil) }
            let fill = filler.fill(from: start, height: remaining)
            // What must stay whole and does not fit below the cursor goes to the next page.
            if fill.forced, !pageIsEmpty {
                startPage(section: nil)
                continue
            }
            if fill.forced { reportSplit([fill], flow: flow, locate: locate) }
            let height = filler.height(of: fill)
            draw([fill], filler: filler, height: height, columnWidth: body.width)
            start = filler.skipDiscardable(from: fill.range.upperBound)
            if start < flow.count {
                startPage(section: nil)
            } else {
                cursor += height + spec.page.spanGap
            }
        }
    }

    private mutating func placeColumnSet(_ flow: [FlowItem], locate: (Int) -> SourceLocation?) {
        let filler = ColumnFiller(flow: flow)
        let columns = spec.page.columns
        var start = filler.skipDiscardable(from: 0)
        guard start < flow.count else { return }
        if pages.isEmpty { startPage(section: nil) }
        while start < flow.count {
            if remaining < spec.text.leading * 3 { startPage(section: nil) }
            let height = remaining
            let isFullPage = pageIsEmpty
            var fills = filler.fill(from: start, columns: columns, height: height)
            // A unit that must stay whole but does not fit the rest of this page may fit a
            // whole column of the next: end the columns here rather than split it.
            if !isFullPage, let first = fills.firstIndex(where: { $0.forced }) {
                fills = Array(fills[..<first])
                if fills.allSatisfy({ $0.range.isEmpty }) {
                    startPage(section: nil)
                    continue
                }
            }
            let end = fills.last?.range.upperBound ?? start
            var usedHeight = height
            if filler.skipDiscardable(from: end) >= flow.count {
                usedHeight = filler.balancedHeight(from: start, columns: columns, maximum: height)
                fills = filler.fill(from: start, columns: columns, height: usedHeight)
            }
            reportSplit(fills, flow: flow, locate: locate)
            draw(fills, filler: filler, height: usedHeight, columnWidth: spec.page.columnWidth)
            start = filler.skipDiscardable(from: fills.last?.range.upperBound ?? end)
            if start < flow.count {
                startPage(section: nil)
            } else {
                let used = fills.map { filler.height(of: $0) }.max() ?? .zero
                cursor += used + spec.page.spanGap
            }
        }
    }

    /// Warns once per block about each unit that had to be split.
    private mutating func reportSplit(_ fills: [ColumnFill], flow: [FlowItem], locate: (Int) -> SourceLocation?) {
        var reported = Set<SourceLocation?>()
        for fill in fills where fill.forced {
            let block = flow[fill.range].lazy.compactMap { item -> Int? in
                if case .piece(let piece) = item { piece.block } else { nil }
            }.last
            let location = block.flatMap(locate)
            if reported.insert(location).inserted {
                warnings.append(.warning("this block is taller than a column and was split across columns",
                                         at: location))
            }
        }
    }

    /// Draws `fills` side by side from the cursor, each `columnWidth` wide.
    private mutating func draw(_ fills: [ColumnFill], filler: ColumnFiller, height: Length, columnWidth width: Length) {
        var usedHeights: [Length] = []
        for (index, fill) in fills.enumerated() {
            let x = body.minX + (width + spec.page.columnGap) * Double(index)
            let region = Rect(x: x, y: cursor, width: width, height: max(height, filler.height(of: fill)))
            var y = cursor
            for piece in fill.header {
                place(piece, at: Point(x: x, y: y), region: region, kind: nil, endsRegion: false)
                y += piece.height
            }
            var pendingSpace = Length.zero
            let lastPiece = fill.range.last { if case .piece = filler.flow[$0] { return true } else { return false } }
            for index in fill.range {
                switch filler.flow[index] {
                case .piece(let piece):
                    y += pendingSpace
                    pendingSpace = .zero
                    place(piece, at: Point(x: x, y: y), region: region, kind: nil, endsRegion: index == lastPiece)
                    y += piece.height
                case .space(let space): pendingSpace += space
                case .breakpoint, .spanning: break
                }
            }
            usedHeights.append(y - cursor)
        }
        // A hairline between columns that both hold something.
        if spec.page.columnRule, fills.count > 1, fills.allSatisfy({ !$0.range.isEmpty }) {
            let ruleHeight = usedHeights.max() ?? .zero
            for index in 1..<fills.count {
                let x = body.minX + (width + spec.page.columnGap) * Double(index) - spec.page.columnGap / 2
                pages[pages.count - 1].items.append(.rule(Rule(from: Point(x: x, y: cursor),
                                                               to: Point(x: x, y: cursor + ruleHeight),
                                                               width: .pt(0.4), color: spec.colors.rule)))
            }
        }
    }

    private mutating func place(_ piece: Piece, at origin: Point, region: Rect, kind: Placement.Kind?, endsRegion: Bool) {
        let page = pages.count - 1
        // Whatever the piece does not mark as content is an artifact.
        pages[page].items.append(.structure(nil))
        pages[page].items += piece.items.map { $0.translated(by: origin) }
        let placedKind: Placement.Kind
        switch kind ?? .text {
        case .span: placedKind = .span
        default:
            switch piece.kind {
            case .text: placedKind = .text
            case .heading: placedKind = .heading
            case .graphic: placedKind = .graphic
            case .space: placedKind = .space
            }
        }
        pages[page].placements.append(Placement(
            page: page, region: region,
            frame: Rect(origin: origin, size: Size(width: region.width, height: piece.height)),
            kind: placedKind, block: piece.block, endsRegion: endsRegion))
    }
}

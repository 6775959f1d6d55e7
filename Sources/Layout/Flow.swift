import Geometry
import PageModel

/// A piece of column content that is never split: a line of text, a band of a table row,
/// an image. Items are relative to the piece's top-left corner.
struct Piece {
    enum Kind: Equatable { case text, heading, graphic, space }

    var height: Length
    var items: [PageItem]
    var kind: Kind
    /// The input block this piece shows, for the "every block placed once" invariant.
    var block: Int?
    /// Distance from the top to the first baseline, for aligning list markers.
    var baseline: Length?
    /// Pieces drawn first when a column starts with this one: a table's header row.
    var repeatedHeader: [Piece]?

    init(height: Length, items: [PageItem], kind: Kind, block: Int? = nil, baseline: Length? = nil) {
        self.height = height; self.items = items; self.kind = kind; self.block = block; self.baseline = baseline
    }

    /// The same piece with every item moved right by `dx`, and `extra` items drawn beneath.
    func shifted(by dx: Length, under extra: [PageItem] = []) -> Piece {
        var piece = self
        piece.items = extra + items.map { $0.translated(by: Point(x: dx, y: .zero)) }
        piece.repeatedHeader = repeatedHeader?.map { $0.shifted(by: dx) }
        return piece
    }
}

/// The vertical list a column is filled from, in the manner of TeX: pieces, space that
/// disappears at a break, and break opportunities with a cost.
enum FlowItem {
    case piece(Piece)
    /// Vertical space; a break may happen here when a piece comes right before it.
    case space(Length)
    /// A place where a break may happen, unless the penalty is `Penalty.never`.
    case breakpoint(penalty: Int)
    /// A block set across all the columns at the full text width (a table too wide for one),
    /// with its own pieces and breaks. The paginator ends the columns above it, level, places
    /// it, and pours what follows into new columns below; a column never holds one.
    case spanning([FlowItem])

    /// The item with `transform` applied to each of its pieces, inside a spanning block too.
    func mapPieces(_ transform: (Piece) -> Piece) -> FlowItem {
        switch self {
        case .piece(let piece): .piece(transform(piece))
        case .spanning(let items): .spanning(items.map { $0.mapPieces(transform) })
        case .space, .breakpoint: self
        }
    }
}

enum Penalty {
    static let never = 10_000
}

/// What one column holds: items `range` of the flow, drawn after the repeated header if any.
struct ColumnFill {
    var range: Range<Int>
    var header: [Piece]
    /// A unit that should have stayed whole was split, or a piece taller than the column placed.
    var forced: Bool
    var oversized: Bool
}

/// Fills columns from a flow greedily: each column takes as much as fits and breaks at the
/// last legal breakpoint; a unit with no legal break that does not fit an empty column is
/// split at the last piece boundary that fits (reported as forced).
struct ColumnFiller {
    let flow: [FlowItem]

    /// The first index at or after `index` that is not discardable space or a breakpoint.
    func skipDiscardable(from index: Int) -> Int {
        var i = index
        while i < flow.count {
            if case .piece = flow[i] { return i }
            i += 1
        }
        return i
    }

    func fill(from start: Int, height: Length) -> ColumnFill {
        let first = skipDiscardable(from: start)
        guard first < flow.count else { return ColumnFill(range: first..<first, header: [], forced: false, oversized: false) }
        var header: [Piece] = []
        var y = Length.zero
        if case .piece(let piece) = flow[first], let repeated = piece.repeatedHeader {
            header = repeated
            y = repeated.reduce(.zero) { $0 + $1.height }
        }
        var lastBreak: Int?
        var placedPiece = false
        let slack = Length.pt(0.01)
        for j in first..<flow.count {
            switch flow[j] {
            case .piece(let piece):
                if y + piece.height > height + slack {
                    if let lastBreak { return ColumnFill(range: first..<lastBreak, header: header, forced: false, oversized: false) }
                    if placedPiece { return ColumnFill(range: first..<j, header: header, forced: true, oversized: false) }
                    // A single piece taller than an empty column: place it and say so.
                    return ColumnFill(range: first..<(j + 1), header: header, forced: true, oversized: true)
                }
                y += piece.height
                placedPiece = true
            case .space(let space):
                if j > first, case .piece = flow[j - 1] { lastBreak = j }
                y += space
            case .breakpoint(let penalty):
                if penalty < Penalty.never, placedPiece { lastBreak = j }
            case .spanning:
                // The paginator splits a flow at its spanning blocks before filling columns.
                break
            }
        }
        return ColumnFill(range: first..<flow.count, header: header, forced: false, oversized: false)
    }

    /// Fills `columns` columns of `height` from `start`.
    func fill(from start: Int, columns: Int, height: Length) -> [ColumnFill] {
        var fills: [ColumnFill] = []
        var next = start
        for _ in 0..<columns {
            let column = fill(from: next, height: height)
            fills.append(column)
            next = column.range.upperBound
        }
        return fills
    }

    /// The smallest column height at most `maximum` at which everything from `start` fits in
    /// `columns` columns, so the columns end level; `maximum` if nothing smaller works.
    func balancedHeight(from start: Int, columns: Int, maximum: Length) -> Length {
        guard columns > 1 else { return contentHeight(from: start) }
        func fits(_ height: Length) -> Bool {
            let fills = fill(from: start, columns: columns, height: height)
            // Level columns are not worth splitting a unit that would otherwise stay whole.
            return (fills.last?.range.upperBound ?? start) >= flow.count && !fills.contains { $0.forced }
        }
        var low = Length.zero, high = maximum
        guard fits(high) else { return maximum }
        while (high - low).points > 0.5 {
            let mid = (low + high) / 2
            if fits(mid) { high = mid } else { low = mid }
        }
        return high
    }

    /// Height of the flow's first unit: everything before its first legal break.
    func firstUnitHeight() -> Length {
        var y = Length.zero
        for (index, item) in flow.enumerated() {
            switch item {
            case .piece(let piece): y += piece.height
            case .space(let space):
                if index > 0, case .piece = flow[index - 1] { return y }
                y += space
            case .breakpoint(let penalty):
                if penalty < Penalty.never && y > Length.zero { return y }
            case .spanning(let items):
                return y > Length.zero ? y : ColumnFiller(flow: items).firstUnitHeight()
            }
        }
        return y
    }

    /// Height of everything from `start` in one column, without discardables at either end.
    func contentHeight(from start: Int) -> Length {
        let fill = fill(from: start, height: .pt(1e9))
        return height(of: fill)
    }

    /// Height used by a column's content.
    func height(of column: ColumnFill) -> Length {
        var y = column.header.reduce(.zero) { $0 + $1.height }
        var pendingSpace = Length.zero
        for item in flow[column.range] {
            switch item {
            case .piece(let piece): y += pendingSpace + piece.height; pendingSpace = .zero
            case .space(let space): pendingSpace += space
            case .breakpoint, .spanning: break
            }
        }
        return y
    }
}

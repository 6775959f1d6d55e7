import Geometry
import PageModel

/// Stacks pieces into one, top to bottom, with `gap` between them: for spanning blocks
/// such as an article's header that are placed as a unit.
func stack(_ pieces: [Piece], gaps: [Length] = [], kind: Piece.Kind = .graphic, block: Int? = nil) -> Piece {
    var items: [PageItem] = []
    var y = Length.zero
    for (index, piece) in pieces.enumerated() {
        if index > 0 { y += index - 1 < gaps.count ? gaps[index - 1] : .zero }
        items += piece.items.map { $0.translated(by: Point(x: .zero, y: y)) }
        y += piece.height
    }
    return Piece(height: y, items: items, kind: kind, block: block, baseline: pieces.first?.baseline)
}

/// English month names, for reading an edition such as "June 2024" whatever the layout's language.
enum MonthNames {
    static let english = ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]
}

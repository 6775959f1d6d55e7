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

/// Month names for dates in running text, by language.
enum MonthNames {
    static let english = ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]
    static let hindi = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर",
                        "नवंबर", "दिसंबर"]

    static func names(for language: String) -> [String] { language.hasPrefix("hi") ? hindi : english }
}

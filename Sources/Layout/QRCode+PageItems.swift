import Geometry
import PageModel
import QRCode

extension QRCode {
    /// Modules of light margin on every side that the QR standard asks for, so a scanner can
    /// find the symbol's edge next to text or rules.
    static let quietZone = 4

    /// The code as vector boxes filling a square of `side` (quiet zone included) at the origin,
    /// on a white ground that keeps the quiet zone light over anything drawn beneath, with a
    /// link to `target` over the whole square.
    func items(side: Length, color: Color, target: Link.Target) -> [PageItem] {
        let module = side / Double(size + 2 * Self.quietZone)
        let square = Rect(x: .zero, y: .zero, width: side, height: side)
        var items: [PageItem] = [.box(Box(frame: square, fill: .white))]
        for rectangle in darkRectangles {
            let frame = Rect(x: module * Double(rectangle.column + Self.quietZone),
                             y: module * Double(rectangle.row + Self.quietZone),
                             width: module * Double(rectangle.width), height: module * Double(rectangle.height))
            items.append(.box(Box(frame: frame, fill: color)))
        }
        items.append(.link(Link(frame: square, target: target)))
        return items
    }
}

import Geometry
import PageModel

extension Point {
    func moved(by offset: Point) -> Point { Point(x: x + offset.x, y: y + offset.y) }
}

extension Rect {
    func moved(by offset: Point) -> Rect { Rect(origin: origin.moved(by: offset), size: size) }
}

extension PageItem {
    /// The same item drawn `offset` further right and down.
    func translated(by offset: Point) -> PageItem {
        switch self {
        case .text(let run): return .text(run.translated(by: offset))
        case .rule(var rule):
            rule.from = rule.from.moved(by: offset); rule.to = rule.to.moved(by: offset)
            return .rule(rule)
        case .box(var box): box.frame = box.frame.moved(by: offset); return .box(box)
        case .image(var image): image.frame = image.frame.moved(by: offset); return .image(image)
        case .link(var link): link.frame = link.frame.moved(by: offset); return .link(link)
        case .anchor(let name, let point): return .anchor(name: name, at: point.moved(by: offset))
        case .placed(var placed): placed.origin = placed.origin.moved(by: offset); return .placed(placed)
        case .structure: return self
        case .watermark(var mark): mark.center = mark.center.moved(by: offset); return .watermark(mark)
        }
    }
}

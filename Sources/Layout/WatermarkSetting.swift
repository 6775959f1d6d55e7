import Foundation
import Geometry
import LayoutSpec
import PageModel
import TextShaping

/// The watermark of every page: one line along the page's rising diagonal, centred on it.
enum WatermarkSetting {
    /// The watermark for pages of `size`, or nil without a text.
    ///
    /// The line is set at the layout's size, then smaller when it would be longer than 80 %
    /// of the diagonal, so a long text never runs off the corners.
    static func watermark(_ text: String?, style: WatermarkStyle, family: String, pageSize: Size,
                          shaper: TextShaper, language: String) -> Watermark? {
        guard let text, !text.isEmpty, style.opacity > 0, style.size > .zero else { return nil }
        let diagonal = Length.pt((pageSize.width.points * pageSize.width.points
                                  + pageSize.height.points * pageSize.height.points).squareRoot())
        func shaped(at size: Length) -> ShapedLine? {
            shaper.lines([TextSpan(text, font: FontStyle(family: family, size: size, bold: true), color: style.color)],
                         width: nil, style: ParagraphStyle(alignment: .left, language: language)).first
        }
        guard var line = shaped(at: style.size), line.width > .zero else { return nil }
        var size = style.size
        if line.width > diagonal * 0.8 {
            size = size * (diagonal * 0.8 / line.width)
            guard let smaller = shaped(at: size) else { return nil }
            line = smaller
        }
        // Centred on the middle of the page: half the width back, and the baseline a third of
        // the size down, so capitals sit across the centre.
        let shift = Point(x: -(line.width / 2), y: size * 0.35)
        return Watermark(runs: line.runs.map { $0.translated(by: shift) },
                         center: Point(x: pageSize.width / 2, y: pageSize.height / 2),
                         angle: -atan2(pageSize.height.points, pageSize.width.points), opacity: style.opacity)
    }
}

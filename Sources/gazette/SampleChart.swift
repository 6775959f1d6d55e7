import Geometry
import PageModel
import PDFRenderer

/// The picture of the sample article `gazette new` writes: a small bar chart, drawn as a
/// one-page `Page` through `PDFRenderer.writePNG`, so the scaffold needs no image file in
/// the binary and no drawing code of its own.
enum SampleChart {
    /// The bars' heights, as a share of the plot's height.
    static let values = [0.45, 0.7, 0.55, 0.9, 0.65]

    /// Writes the chart as a PNG at `path` (960 × 540 pixels).
    /// - Throws: `RenderError` when the file cannot be written.
    static func write(to path: String) throws {
        try PDFRenderer.writePNG(page, dpi: 144, to: path)
    }

    /// 480 × 270 points: a tinted background, four grid lines, a base line and five bars.
    static var page: Page {
        let size = Size(width: .pt(480), height: .pt(270))
        let plot = Rect(x: .pt(40), y: .pt(30), width: .pt(400), height: .pt(200))
        let grid = Color(red: 0.82, green: 0.85, blue: 0.9)
        let ink = Color(red: 0.25, green: 0.28, blue: 0.33)
        let bars = [Color(red: 0.12, green: 0.36, blue: 0.62), Color(red: 0.85, green: 0.45, blue: 0.15)]
        var items: [PageItem] = [.box(Box(frame: Rect(origin: .zero, size: size), fill: Color(red: 0.97, green: 0.97, blue: 0.95)))]
        for step in 1...4 {
            let y = plot.minY + plot.size.height * (Double(step - 1) / 4)
            items.append(.rule(Rule(from: Point(x: plot.minX, y: y), to: Point(x: plot.minX + plot.size.width, y: y),
                                    width: .pt(0.75), color: grid, dashed: true)))
        }
        let slot = plot.size.width / Double(values.count)
        for (index, value) in values.enumerated() {
            let height = plot.size.height * value
            let frame = Rect(x: plot.minX + slot * Double(index) + slot * 0.2, y: plot.minY + plot.size.height - height,
                             width: slot * 0.6, height: height)
            items.append(.box(Box(frame: frame, shape: .rectangle(cornerRadius: .pt(3)), fill: bars[index % 2])))
        }
        let base = plot.minY + plot.size.height
        items.append(.rule(Rule(from: Point(x: plot.minX, y: base), to: Point(x: plot.minX + plot.size.width, y: base),
                                width: .pt(1.5), color: ink)))
        return Page(size: size, items: items)
    }
}

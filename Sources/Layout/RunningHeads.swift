import DigestModel
import Geometry
import LayoutSpec
import PageModel
import TextShaping

/// The header (edition, current section) and footer (publisher, "Page X of Y") of a page,
/// laid out after the body so they name the section current at the top of that page.
struct RunningHeads {
    let spec: LayoutSpec
    let shaper: TextShaper
    let digest: Digest

    func items(pageNumber: Int, pageCount: Int, section: String?) -> [PageItem] {
        let body = spec.page.body
        let font = FontStyle(family: spec.fonts.heading, size: spec.running.fontSize)
        let headerY = spec.running.headerBaseline
        let footerY = spec.page.size.height - spec.running.footerBaseline
        var items: [PageItem] = []
        items += text("\(digest.title)  ·  \(digest.edition)", font: font, color: spec.colors.muted,
                      baseline: headerY, left: body.minX, right: nil)
        if let section {
            items += text(section.uppercased(), font: font.bold(), color: spec.colors.brand, baseline: headerY,
                          left: nil, right: body.maxX)
        }
        items.append(.rule(Rule(from: Point(x: body.minX, y: headerY + .pt(4)), to: Point(x: body.maxX, y: headerY + .pt(4)),
                                width: .pt(0.5), color: spec.colors.rule)))
        if let publisher = digest.publisher {
            items += text(publisher, font: font, color: spec.colors.muted, baseline: footerY, left: body.minX, right: nil)
        }
        items += text("Page \(pageNumber) of \(pageCount)", font: font.bold(), color: spec.colors.text, baseline: footerY,
                      left: nil, right: body.maxX)
        return items
    }

    private func text(_ string: String, font: FontStyle, color: Color, baseline: Length, left: Length?,
                      right: Length?) -> [PageItem] {
        guard let line = shaper.lines([TextSpan(string, font: font, color: color)], width: nil,
                                      style: ParagraphStyle(alignment: .left, language: digest.language)).first
        else { return [] }
        let x = left ?? ((right ?? .zero) - line.width)
        return line.runs.map { .text($0.translated(by: Point(x: x, y: baseline))) }
    }
}

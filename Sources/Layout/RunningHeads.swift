import DigestModel
import Foundation
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

    /// The header and footer of page `pageNumber` (counted from the cover), its slots filled in;
    /// on a left-hand page of a mirrored layout the left and right slots trade places, so they
    /// stay on the outside.
    /// - Parameters:
    ///   - folio: the printed page number for `{page}`: roman in the front matter, arabic from
    ///     the first body page, the same as the PDF's page label.
    ///   - pageCount: the number of body pages, for `{pages}`.
    func items(pageNumber: Int, folio: String, pageCount: Int, section: String?) -> [PageItem] {
        let style = spec.running
        let body = spec.page.body
        let font = FontStyle(family: spec.fonts.heading, size: style.fontSize)
        let swap = spec.page.mirrored && pageNumber % 2 == 0
        func fill(_ template: String) -> String {
            template.replacingOccurrences(of: "{title}", with: digest.title)
                .replacingOccurrences(of: "{edition}", with: digest.edition)
                .replacingOccurrences(of: "{section}", with: (section ?? "").uppercased())
                .replacingOccurrences(of: "{publisher}", with: digest.publisher ?? "")
                .replacingOccurrences(of: "{copyright}", with: digest.branding.copyright ?? "")
                .replacingOccurrences(of: "{page}", with: folio)
                .replacingOccurrences(of: "{pages}", with: String(pageCount))
                .trimmingCharacters(in: .whitespaces)
        }
        func line(_ slots: RunningSlots, baseline: Length, indent: Length = .zero) -> [PageItem] {
            let left = fill(swap ? slots.right : slots.left), right = fill(swap ? slots.left : slots.right)
            return text(left, font: font, color: spec.colors.muted, baseline: baseline, align: .left, indent: indent)
                + text(fill(slots.center), font: font, color: spec.colors.muted, baseline: baseline, align: .center)
                + text(right, font: font.bold(), color: spec.colors.brand, baseline: baseline, align: .right)
        }
        let headerY = style.headerBaseline
        var items: [PageItem] = []
        var indent = Length.zero
        if style.logo, let logo = spec.cover.logo {
            // Twice the type size, standing on the header's rule line like the text does.
            let height = style.fontSize * 2
            items.append(logo.placed(at: Point(x: body.minX, y: headerY + .pt(2) - height), height: height,
                                     maxWidth: body.width / 4))
            indent = min(logo.width(atHeight: height), body.width / 4) + .pt(6)
        }
        items += line(style.header, baseline: headerY, indent: indent)
        if style.rule {
            items.append(.rule(Rule(from: Point(x: body.minX, y: headerY + .pt(4)), to: Point(x: body.maxX, y: headerY + .pt(4)),
                                    width: .pt(0.5), color: spec.colors.rule)))
        }
        items += line(style.footer, baseline: spec.page.size.height - style.footerBaseline)
        return items
    }

    private enum Alignment { case left, center, right }

    private func text(_ string: String, font: FontStyle, color: Color, baseline: Length, align: Alignment,
                      indent: Length = .zero) -> [PageItem] {
        guard !string.isEmpty,
              let line = shaper.lines([TextSpan(string, font: font, color: color)], width: nil,
                                      style: ParagraphStyle(alignment: .left, language: digest.language)).first
        else { return [] }
        let body = spec.page.body
        let x: Length
        switch align {
        case .left: x = body.minX + indent
        case .center: x = body.minX + (body.width - line.width) / 2
        case .right: x = body.maxX - line.width
        }
        return line.runs.map { .text($0.translated(by: Point(x: x, y: baseline))) }
    }
}

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
    /// The six slots split into text and placeholders once, not searched again on every page.
    private let header: Slots, footer: Slots

    init(spec: LayoutSpec, shaper: TextShaper, digest: Digest) {
        self.spec = spec
        self.shaper = shaper
        self.digest = digest
        header = Slots(spec.running.header)
        footer = Slots(spec.running.footer)
    }

    /// The header and footer of page `pageNumber`, its slots filled in; on a left-hand page of
    /// a mirrored layout the left and right slots trade places, so they stay on the outside.
    func items(pageNumber: Int, pageCount: Int, section: String?) -> [PageItem] {
        let style = spec.running
        let body = spec.page.body
        let font = FontStyle(family: spec.fonts.heading, size: style.fontSize)
        let swap = spec.page.mirrored && pageNumber % 2 == 0
        let values = RunningValues(title: digest.title, edition: digest.edition, section: (section ?? "").uppercased(),
                            publisher: digest.publisher ?? "", page: String(pageNumber), pages: String(pageCount))
        func line(_ slots: Slots, baseline: Length) -> [PageItem] {
            let left = (swap ? slots.right : slots.left).filled(with: values)
            let right = (swap ? slots.left : slots.right).filled(with: values)
            return text(left, font: font, color: spec.colors.muted, baseline: baseline, align: .left)
                + text(slots.center.filled(with: values), font: font, color: spec.colors.muted, baseline: baseline, align: .center)
                + text(right, font: font.bold(), color: spec.colors.brand, baseline: baseline, align: .right)
        }
        let headerY = style.headerBaseline
        var items = line(header, baseline: headerY)
        if style.rule {
            items.append(.rule(Rule(from: Point(x: body.minX, y: headerY + .pt(4)), to: Point(x: body.maxX, y: headerY + .pt(4)),
                                    width: .pt(0.5), color: spec.colors.rule)))
        }
        items += line(footer, baseline: spec.page.size.height - style.footerBaseline)
        return items
    }

    private enum Alignment { case left, center, right }

    private func text(_ string: String, font: FontStyle, color: Color, baseline: Length, align: Alignment) -> [PageItem] {
        guard !string.isEmpty,
              let line = shaper.lines([TextSpan(string, font: font, color: color)], width: nil,
                                      style: ParagraphStyle(alignment: .left, language: digest.language)).first
        else { return [] }
        let body = spec.page.body
        let x: Length
        switch align {
        case .left: x = body.minX
        case .center: x = body.minX + (body.width - line.width) / 2
        case .right: x = body.maxX - line.width
        }
        return line.runs.map { .text($0.translated(by: Point(x: x, y: baseline))) }
    }
}

/// What the placeholders stand for on one page.
struct RunningValues {
    var title, edition, section, publisher, page, pages: String

    subscript(placeholder: RunningTemplate.Placeholder) -> String {
        switch placeholder {
        case .title: title
        case .edition: edition
        case .section: section
        case .publisher: publisher
        case .page: page
        case .pages: pages
        }
    }
}

/// One slot's text as literal pieces and placeholders, in order. A value is inserted as it
/// is: a title that happens to contain `{page}` is not filled in again.
struct RunningTemplate {
    /// The placeholders a slot may hold, written `{title}` and so on.
    enum Placeholder: String, CaseIterable {
        case title, edition, section, publisher, page, pages
    }
    enum Part { case literal(String), placeholder(Placeholder) }
    var parts: [Part] = []

    init(_ text: String) {
        var literal = Substring()
        var rest = Substring(text)
        while let brace = rest.firstIndex(of: "{") {
            literal += rest[..<brace]
            rest = rest[brace...]
            if let placeholder = Placeholder.allCases.first(where: { rest.hasPrefix("{\($0.rawValue)}") }) {
                if !literal.isEmpty { parts.append(.literal(String(literal))); literal = "" }
                parts.append(.placeholder(placeholder))
                rest = rest.dropFirst(placeholder.rawValue.count + 2)
            } else {
                literal += "{"
                rest = rest.dropFirst()
            }
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(String(literal))) }
    }

    /// The text with every placeholder replaced, without surrounding spaces (an empty
    /// placeholder at either end leaves none behind).
    func filled(with values: RunningValues) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .placeholder(let placeholder): result += values[placeholder]
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}

/// The three slots of the header or of the footer.
private struct Slots {
    var left, center, right: RunningTemplate

    init(_ slots: RunningSlots) {
        left = RunningTemplate(slots.left); center = RunningTemplate(slots.center); right = RunningTemplate(slots.right)
    }
}

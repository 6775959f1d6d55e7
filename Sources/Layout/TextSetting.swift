import DigestModel
import Geometry
import LayoutSpec
import PageModel
import TextShaping

/// The look of a run of text before inline formatting: the paragraph's font and colour.
struct TextLook {
    var font: FontStyle
    var color: Color
    var leading: Length
}

extension TextLook {
    func with(size: Length? = nil, leading: Length? = nil, bold: Bool? = nil, italic: Bool? = nil,
              color: Color? = nil, family: String? = nil) -> TextLook {
        var look = self
        if let size { look.font.size = size }
        if let leading { look.leading = leading }
        if let bold { look.font.bold = bold }
        if let italic { look.font.italic = italic }
        if let color { look.color = color }
        if let family { look.font.family = family }
        return look
    }
}

/// Turns inline Markdown into styled spans: emphasis to italic, strong to bold, code to the
/// mono family, links to the link colour with a target.
struct InlineStyler {
    let mono: String
    let linkColor: Color
    /// Marks hyphenation points in running text, when the layout hyphenates.
    var hyphenator: Hyphenator?
    var hyphenation = HyphenationRules()

    /// - Parameter hyphenate: mark where words may break with a hyphen (body text only:
    ///   never code, links or headings).
    func spans(_ inlines: [Inline], look: TextLook, hyphenate: Bool = false) -> [TextSpan] {
        var spans: [TextSpan] = []
        append(inlines, font: look.font, color: look.color, link: nil, to: &spans)
        guard hyphenate, let hyphenator else { return spans }
        return spans.map { span in
            guard span.link == nil, span.font.family != mono else { return span }
            var hyphenated = span
            hyphenated.text = hyphenator.softHyphenatedText(span.text, rules: hyphenation)
            return hyphenated
        }
    }

    private func append(_ inlines: [Inline], font: FontStyle, color: Color, link: Link.Target?,
                        to spans: inout [TextSpan]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                spans.append(TextSpan(text, font: font, color: color, link: link))
            case .softBreak:
                spans.append(TextSpan(" ", font: font, color: color, link: link))
            case .lineBreak:
                spans.append(TextSpan("\u{2028}", font: font, color: color, link: link))
            case .code(let code):
                var codeFont = font
                codeFont.family = mono
                codeFont.size = font.size * 0.9
                spans.append(TextSpan(code, font: codeFont, color: color, link: link))
            case .emphasis(let children):
                var italic = font; italic.italic = !font.italic
                append(children, font: italic, color: color, link: link, to: &spans)
            case .strong(let children):
                var bold = font; bold.bold = true
                append(children, font: bold, color: color, link: link, to: &spans)
            case .link(let destination, let children):
                let target: Link.Target = destination.hasPrefix("#")
                    ? .destination(String(destination.dropFirst())) : .uri(destination)
                append(children, font: font, color: linkColor, link: target, to: &spans)
            }
        }
    }
}

/// Characters that no font could show, noted while text is set so that the block they
/// belong to can be named in a warning.
final class MissingGlyphs {
    private(set) var characters: [String] = []
    func note(_ text: String) { if !characters.contains(text) { characters.append(text) } }
    func take() -> [String] { defer { characters = [] }; return characters }
}

/// Sets text into pieces: one piece per line, with the line's glyph runs and links.
struct LineSetter {
    let shaper: TextShaper
    /// How justified paragraphs are broken, from the layout.
    var lineBreaking: LineBreaking = .optimal
    let missing = MissingGlyphs()

    /// Lines of `spans` in `width`, each a piece `look.leading` tall (taller if a line's fonts need it).
    func pieces(_ spans: [TextSpan], width: Length, look: TextLook, alignment: ParagraphStyle.Alignment,
                language: String, x: Length = .zero, kind: Piece.Kind = .text, block: Int?) -> [Piece] {
        let style = ParagraphStyle(alignment: alignment, language: language, lineBreaking: lineBreaking)
        let lines = shaper.lines(spans, width: width, style: style)
        for run in lines.flatMap(\.runs) where run.glyphs.contains(where: { $0.id == 0 }) {
            unshownText(in: run).forEach(missing.note)
        }
        return lines.map { line in piece(for: line, look: look, x: x, kind: kind, block: block) }
    }

    /// The text of the clusters drawn with glyph 0, the font's empty box for "no such character".
    private func unshownText(in run: GlyphRun) -> [String] {
        let bytes = Array(run.text.utf8)
        var result: [String] = []
        run.forEachCluster { range, glyphs in
            if run.glyphs[glyphs].contains(where: { $0.id == 0 }) {
                let text = String(decoding: bytes[range], as: UTF8.self)
                if !text.allSatisfy(\.isWhitespace) { result.append(text) }
            }
        }
        return result
    }

    func piece(for line: ShapedLine, look: TextLook, x: Length, kind: Piece.Kind, block: Int?) -> Piece {
        // Centre the font's box in the leading, so mixed scripts keep a steady rhythm.
        let natural = line.ascent + line.descent
        let height = max(look.leading, natural)
        let baseline = (height - natural) / 2 + line.ascent
        var items: [PageItem] = line.runs.map { .text($0.translated(by: Point(x: x, y: baseline))) }
        items += line.links.map {
            .link(Link(frame: Rect(x: x + $0.x, y: .zero, width: $0.width, height: height), target: $0.target))
        }
        return Piece(height: height, items: items, kind: kind, block: block, baseline: baseline)
    }

    /// Flow for a paragraph's lines: at least two lines stay together at either end of a break.
    static func paragraphFlow(_ pieces: [Piece], orphans: Int = 2, widows: Int = 2) -> [FlowItem] {
        var flow: [FlowItem] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 {
                let allowed = index >= orphans && pieces.count - index >= widows
                flow.append(.breakpoint(penalty: allowed ? 0 : Penalty.never))
            }
            flow.append(.piece(piece))
        }
        return flow
    }
}

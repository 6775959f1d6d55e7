import DigestModel
import Geometry
import PageModel
import TextShaping

extension BlockComposer {
    /// One-liners: every fact a numbered row in small type, a dotted hairline between rows,
    /// so a column holds many facts and the eye finds each one.
    ///
    /// The list breaks between facts, and inside a fact only where a paragraph would.
    func oneLiners(_ facts: [[Inline]], width: Length, language: String, block: Int) -> [FlowItem] {
        let look = bodyLook.with(size: spec.text.smallSize, leading: spec.text.smallLeading)
        let numberLook = TextLook(font: FontStyle(family: spec.fonts.heading, size: spec.text.smallSize, bold: true),
                                  color: spec.colors.accent, leading: spec.text.smallLeading)
        let numberWidth = Length.pt(18)
        var flow: [FlowItem] = []
        for (index, fact) in facts.enumerated() {
            let number = setter.pieces([TextSpan("\(index + 1)", font: numberLook.font, color: numberLook.color)],
                                       width: numberWidth - .pt(5), look: numberLook, alignment: .right,
                                       language: language, block: block)
            let text = setter.pieces(styler.spans(fact, look: look, hyphenate: language.hasPrefix("en")),
                                     width: width - numberWidth, look: look, alignment: .left, language: language,
                                     block: block)
            if index > 0 {
                let gap = Length.pt(5)
                let rule = PageItem.rule(Rule(from: Point(x: .zero, y: gap / 2), to: Point(x: width, y: gap / 2),
                                              width: .pt(0.5), color: spec.colors.rule, dashed: true))
                flow.append(.breakpoint(penalty: 0))
                flow.append(.piece(Piece(height: gap, items: [rule], kind: .space, block: block)))
            }
            flow += LineSetter.paragraphFlow(Bands.rows([(x: .zero, pieces: number), (x: numberWidth, pieces: text)]))
        }
        return flow
    }
}

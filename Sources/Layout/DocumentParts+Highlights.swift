import DigestModel
import Geometry
import LayoutSpec
import PageModel
import TextShaping

extension DocumentParts {
    /// The articles the cover points to: those `digest.yaml`'s `highlights` names, in its
    /// order, else the first article of each section; at most five.
    var highlightedArticles: [Article] {
        let named = digest.branding.highlights.compactMap { slug in digest.articles.first { $0.slug == slug } }
        let articles = named.isEmpty ? digest.sections.compactMap(\.articles.first) : named
        return Array(articles.prefix(5))
    }

    /// Draws the highlights on the cover from `top` down: a label, then each article's title
    /// with its page number, each a link to the article. Returns where the next part starts.
    func coverHighlights(into draft: inout PageDraft, top: Length, pageNumbers: (String) -> Int?) -> Length {
        let articles = highlightedArticles
        guard !articles.isEmpty else { return top }
        let body = spec.page.body
        let numberWidth = Length.pt(30)
        var y = top
        func put(_ pieces: [Piece], x: Length = body.minX) {
            for piece in pieces {
                draft.items += piece.items.map { $0.translated(by: Point(x: x, y: y)) }
                y += piece.height
            }
        }
        put(lines(spec.strings.highlights.uppercased(), look: sans(.pt(9), bold: true, color: spec.colors.accent),
                  width: body.width))
        y += .pt(5)
        let look = sans(.pt(11), bold: true, color: spec.colors.text, leading: .pt(14))
        for article in articles {
            let anchor = "article-\(article.slug)"
            let rowTop = y
            // A bar in the brand colour marks each highlight, like a bullet.
            draft.items.append(.box(Box(frame: Rect(x: body.minX, y: y + .pt(2), width: .pt(3), height: .pt(11)),
                                        fill: spec.colors.brand)))
            put(Array(lines(article.title, look: look, width: body.width - numberWidth - .pt(10),
                            language: article.language).prefix(2)), x: body.minX + .pt(10))
            if let page = pageNumbers(anchor) {
                let number = lines(String(page), look: look.with(color: spec.colors.brand), width: numberWidth,
                                   alignment: .right)
                draft.items += number.flatMap(\.items).map { $0.translated(by: Point(x: body.maxX - numberWidth, y: rowTop)) }
            }
            draft.items.append(.link(Link(frame: Rect(x: body.minX, y: rowTop, width: body.width, height: y - rowTop),
                                          target: .destination(anchor))))
            y += .pt(4)
        }
        return y + .pt(14)
    }
}

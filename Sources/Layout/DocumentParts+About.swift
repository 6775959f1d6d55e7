import Diagnostics
import DigestModel
import Geometry
import LayoutSpec
import PageModel
import TextShaping

extension DocumentParts {
    /// The back page: the logo, the publisher, what `digest.yaml` says about them, how to
    /// reach them and their web addresses (each a link), and the copyright line if the footer
    /// does not carry it.
    func aboutPage(anchor: String) -> PageDraft {
        let body = spec.page.body
        let branding = digest.branding
        var draft = PageDraft(section: spec.strings.about)
        var y = body.minY
        // The copyright closes the page, unless the footer already prints it on every page.
        let footer = spec.running.footer
        let footerHasCopyright = [footer.left, footer.center, footer.right].contains { $0.contains("{copyright}") }
        let copyright = footerHasCopyright ? nil : branding.copyright
        // One page: what does not fit above the copyright is left off, with a warning, rather
        // than drawn past the foot of the page.
        var bottom = copyright == nil ? body.maxY : body.maxY - .pt(24)
        var overflowed = false
        func put(_ pieces: [Piece], x: Length = body.minX, gap: Length = .zero) {
            for piece in pieces {
                guard !overflowed, y + piece.height <= bottom else { overflowed = true; return }
                draft.items += piece.items.map { $0.translated(by: Point(x: x, y: y)) }
                y += piece.height
            }
            y += gap
        }
        draft.items.append(.anchor(name: anchor, at: Point(x: body.minX, y: y)))
        if let logo = spec.cover.logo {
            draft.items.append(logo.placed(at: Point(x: body.minX, y: y), height: .pt(40), maxWidth: body.width / 2))
            y += .pt(52)
        }
        put(lines(spec.strings.about, look: sans(.pt(24), bold: true, color: spec.colors.brand), width: body.width),
            gap: .pt(4))
        draft.items.append(.rule(Rule(from: Point(x: body.minX, y: y), to: Point(x: body.maxX, y: y),
                                      width: .pt(1.2), color: spec.colors.brand)))
        y += .pt(14)
        // A measure of about 70 characters reads better than the full page width.
        let width = min(body.width, .pt(400))
        if let publisher = digest.publisher {
            put(lines(publisher, look: sans(.pt(14), bold: true, color: spec.colors.brand), width: width), gap: .pt(6))
        }
        if let about = branding.about {
            let look = composer.bodyLook.with(size: .pt(11), leading: .pt(16))
            put(setter.pieces([TextSpan(about, font: look.font, color: look.color)], width: width, look: look,
                              alignment: .left, language: digest.language, kind: .text, block: nil), gap: .pt(16))
        }
        let label = sans(.pt(9), bold: true, color: spec.colors.accent)
        if let contact = branding.contact {
            put(lines(spec.strings.contact.uppercased(), look: label, width: width), gap: .pt(3))
            put(lines(contact, look: composer.bodyLook.with(size: .pt(11), leading: .pt(16)), width: width), gap: .pt(14))
        }
        if !branding.links.isEmpty {
            put(lines(spec.strings.links.uppercased(), look: label, width: width), gap: .pt(3))
            for link in branding.links {
                put(lines(link, look: sans(.pt(11), color: spec.colors.link, leading: .pt(16)), width: width,
                          link: .uri(link)), gap: .pt(2))
            }
        }
        if overflowed {
            composer.warn("the About page's text is longer than a page; what does not fit is left off",
                          at: SourceLocation(file: digest.folder + "/digest.yaml"))
        }
        if let copyright {
            overflowed = false
            bottom = body.maxY
            y = body.maxY - .pt(14)
            draft.items.append(.rule(Rule(from: Point(x: body.minX, y: y - .pt(6)), to: Point(x: body.maxX, y: y - .pt(6)),
                                          width: .pt(0.6), color: spec.colors.rule)))
            put(lines(copyright, look: sans(.pt(9), color: spec.colors.muted), width: body.width))
        }
        return draft
    }
}

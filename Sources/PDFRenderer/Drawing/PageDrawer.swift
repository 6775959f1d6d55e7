internal import CCairo
import Geometry
import PageModel

/// What a render produces; decides the few things that differ between a PDF and a PNG.
enum RenderTarget {
    /// A PDF: anchors and links become named destinations and link annotations.
    case pdf
    /// A raster preview: anchors and links are invisible, JPEGs show as placeholders.
    case png
}

/// Draws pages through one cairo context, the same way for a PDF and a PNG.
///
/// Holds the render's font and image caches, so each font and image is opened once however
/// many pages use it, and remembers which anchor names it has written so that a name used
/// twice jumps to its first place.
final class PageDrawer {
    /// The context being drawn on: the page's own, or the furniture's while an item of
    /// furniture is drawn.
    private(set) var context: CairoContext
    /// The context of the pages themselves, where content, tags and links go.
    let pageContext: CairoContext
    /// The furniture of the pages drawn so far, when it is drawn apart from them, later
    /// (see `PendingFurniture`); nil to draw everything on the page.
    var furniture: [PendingFurniture.Layer]?
    let target: RenderTarget
    /// The output file, named in errors.
    let path: String
    let fonts = FontCache()
    let images: ImageCache
    private var writtenAnchors: Set<String> = []
    /// The items of the page being drawn, where a link finds the words it covers.
    private var pageItems: [PageItem] = []
    /// Turns structure marks into tags; nil for previews, which have no structure.
    var tagger: StructureTagger?

    init(context: CairoContext, target: RenderTarget, path: String, images: ImageCache = ImageCache()) {
        self.context = context; pageContext = context
        self.target = target; self.path = path; self.images = images
    }

    /// Draws `page` (numbered from 1 in errors) onto the context's current page.
    ///
    /// Everything is drawn inside a clip to the page and over a white sheet of paper. Both
    /// work around cairo 1.16's PDF surface, which records tags (structure, destinations,
    /// links) together with the drawing: a page with nothing drawn loses its tags, and an
    /// opaque unclipped fill covering the whole page (a cover background) discards everything
    /// recorded before it, which aborts cairo on an assertion when a tag was open.
    ///
    /// With `furniture` set, furniture is drawn there instead (see `FurniturePlan`), and the
    /// white sheet only on a page with links or destinations but no content of its own, which
    /// would otherwise lose them: paper is white anyway, a sheet on the page would hide what
    /// lies beneath, and it is the one mark cairo would write outside both the structure tree
    /// and the artifacts.
    func draw(_ page: Page, number: Int) throws {
        let cr = pageContext.pointer
        cairo_save(cr)
        pageItems = page.items
        defer { cairo_restore(cr); pageItems = [] }
        cairo_rectangle(cr, 0, 0, page.size.width.points, page.size.height.points)
        cairo_clip(cr)
        tagger?.startPage()
        guard furniture != nil, let tagger else {
            fill(Rect(origin: .zero, size: page.size), with: .white)
            for item in page.items { try draw(item, page: number) }
            return
        }
        let destinations = FurniturePlan.destinations(of: page.items, isElement: tagger.isElement)
        if !zip(page.items, destinations).contains(where: isContent), page.items.contains(where: isTag) {
            fill(Rect(origin: .zero, size: page.size), with: .white)
        }
        for (item, destination) in zip(page.items, destinations) {
            switch destination {
            case .page:
                try draw(item, page: number)
            case .furniture(let position):
                // Kept for later; but the tags end where drawing it here would have ended them.
                switch item {
                case .text, .image: tagger.prepareContent()
                default: break
                }
                keep(item, in: FurnitureLayer(page: number - 1, position: position), size: page.size)
            }
        }
    }

    /// Adds `item` to the furniture, to `layer`, the last one or a new one after it.
    private func keep(_ item: PageItem, in layer: FurnitureLayer, size: Size) {
        guard var layers = furniture else { return }
        furniture = nil  // Uniquely referenced while it grows.
        if layers.last?.layer != layer { layers.append(PendingFurniture.Layer(layer: layer, size: size, items: [])) }
        layers[layers.count - 1].items.append(item)
        furniture = layers
    }

    /// Draws `items` of page `number` on `context`, a page of the furniture's PDF.
    func draw(_ items: [PageItem], on context: CairoContext, page number: Int) throws {
        self.context = context
        defer { self.context = pageContext }
        for item in items { try draw(item, page: number) }
    }

    /// True for a link or destination, which cairo writes only on a page with something drawn.
    private func isTag(_ item: PageItem) -> Bool {
        switch item {
        case .link, .anchor: return true
        default: return false
        }
    }

    /// True for an item that draws something on the page itself.
    private func isContent(_ item: PageItem, _ destination: FurniturePlan.Destination) -> Bool {
        guard destination == .page else { return false }
        switch item {
        case .text, .image, .placed: return true
        default: return false
        }
    }

    private func draw(_ item: PageItem, page: Int) throws {
        switch item {
        case .text(let run):
            tagger?.prepareContent()
            try draw(run, page: page)
        case .rule(let rule): draw(rule)
        case .box(let box): draw(box)
        case .image(let image):
            tagger?.prepareContent()
            try draw(image)
        case .link(let link):
            guard target == .pdf else { return }
            tagger?.prepareLink()
            mark(link)
            if let tagger { tagger.noteLink(description: link.description(among: pageItems)) }
        case .anchor(let name, let point): if target == .pdf { markDestination(name, at: point) }
        case .structure(let element): tagger?.mark(element)
        case .watermark(let mark): try draw(mark)
        case .placed(let placed): try draw(placed, page: page)
        }
    }

    /// Draws a whole page scaled onto this one, clipped to its size plus its bleed.
    ///
    /// Only what prints is drawn: the placed page's links and destinations would land at
    /// unscaled positions, so imposition copies them onto the sheet itself.
    private func draw(_ placed: PlacedPage, page: Int) throws {
        guard placed.scale.isFinite, placed.scale > 0 else { return }
        let cr = context.pointer
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, placed.origin.x.points, placed.origin.y.points)
        cairo_scale(cr, placed.scale, placed.scale)
        let bleed = placed.bleed.points
        cairo_rectangle(cr, -bleed, -bleed, placed.page.size.width.points + 2 * bleed,
                        placed.page.size.height.points + 2 * bleed)
        cairo_clip(cr)
        for item in placed.page.items {
            switch item {
            case .link, .anchor, .structure: continue
            default: try draw(item, page: page)
            }
        }
    }

    /// Fills `rect` with `color`, leaving no path behind.
    func fill(_ rect: Rect, with color: Color) {
        let cr = context.pointer
        setColor(color)
        cairo_rectangle(cr, rect.minX.points, rect.minY.points, rect.width.points, rect.height.points)
        cairo_fill(cr)
    }

    func setColor(_ color: Color) {
        cairo_set_source_rgb(context.pointer, color.red, color.green, color.blue)
    }

    /// Writes a named destination, unless the name was already written on an earlier item.
    private func markDestination(_ name: String, at point: Point) {
        guard writtenAnchors.insert(name).inserted else { return }
        context.beginTag(CAIRO_TAG_DEST, attributes: TagAttributes.destination(name, at: point))
        context.endTag(CAIRO_TAG_DEST)
    }

    private func mark(_ link: Link) {
        context.beginTag(CAIRO_TAG_LINK, attributes: TagAttributes.link(link))
        context.endTag(CAIRO_TAG_LINK)
    }
}

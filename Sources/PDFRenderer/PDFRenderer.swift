import PageModel

/// Draws a `PagedDocument` through Cairo: the whole document as a PDF, or one page as a PNG.
///
/// Both outputs go through the same drawing code. Each call is self-contained: fonts and images
/// are opened once per call and released at its end, and nothing depends on the clock, so the
/// same document always gives the same bytes.
public enum PDFRenderer {
    /// A PDF in memory and the structure elements written into it.
    public struct RenderedPDF: Sendable {
        /// The complete file.
        public var bytes: PDFBytes
        /// The structure elements written, for `PDFFinishing` to complete (see
        /// `WrittenStructure`).
        public var structure: WrittenStructure
        /// The furniture of a tagged document, still to be drawn apart for `PDFFinishing` to
        /// place on the pages as artifacts; nil when everything is on the pages (an untagged
        /// document).
        public var furniture: PendingFurniture?
    }

    /// Draws the whole document as a PDF in memory.
    ///
    /// The PDF carries the document's metadata, bookmarks, named destinations and links, page
    /// labels, the text of every glyph run, so it can be searched and copied, and the structure
    /// tree as cairo can write it (see `StructureTagger`).
    /// - Throws: `RenderError` for a document cairo cannot write (no pages, a link to an
    ///   unknown destination, an invalid creation date, a missing font or image).
    /// - Parameters:
    ///   - name: the file the PDF is for, to name it in errors.
    ///   - images: how many pixels each picture keeps and how it is compressed.
    ///   - furnitureApart: true to leave the furniture of a tagged document (running heads,
    ///     folios, rules, tints) to be drawn into a second PDF (`RenderedPDF.furniture`) that
    ///     the finishing pass places on the pages as artifacts; false to draw it on the pages,
    ///     unmarked.
    public static func renderPDF(_ document: PagedDocument, name: String, images: ImageOptions = .original,
                                 furnitureApart: Bool = false) throws -> RenderedPDF {
        var document = document
        return try render(&document, name: name, images: images, furnitureApart: furnitureApart, releasingPages: false)
    }

    /// `renderPDF`, emptying each page of `document` once it is drawn: when the caller holds
    /// no other copy of the pages, their memory goes as cairo's file grows, and the two do not
    /// add up at the end of drawing (136 MB of pages at 400 articles). The metadata, outline
    /// and structure tree stay.
    public static func renderPDF(releasingPagesOf document: inout PagedDocument, name: String,
                                 images: ImageOptions = .original, furnitureApart: Bool = false) throws -> RenderedPDF {
        try render(&document, name: name, images: images, furnitureApart: furnitureApart, releasingPages: true)
    }

    private static func render(_ document: inout PagedDocument, name: String, images: ImageOptions,
                               furnitureApart: Bool, releasingPages: Bool) throws -> RenderedPDF {
        try DocumentCheck.check(document, path: name)
        guard let date = PDFDate.cairoDate(fromISO8601: document.metadata.creationDate) else {
            throw RenderError.invalidCreationDate(document.metadata.creationDate)
        }
        let sink = PDFBytes()
        let tagger: StructureTagger
        let furniture: PendingFurniture?
        do {
            let surface = try CairoSurface.pdf(into: sink, size: document.pages[0].size, name: name)
            surface.describe(document.metadata, date: date)
            let context = try CairoContext(surface: surface, path: name)
            let drawer = PageDrawer(context: context, target: .pdf, path: name,
                                    images: ImageCache(for: document, options: images))
            tagger = StructureTagger(tree: document.structure, pages: document.pages, context: context)
            drawer.tagger = tagger
            if furnitureApart, !document.structure.isEmpty { drawer.furniture = [] }
            let firstPageSize = document.pages[0].size
            try drawPages(&document.pages, with: drawer, on: surface, releasing: releasingPages)
            surface.addOutline(document.outline)
            try surface.finish(path: name)
            furniture = drawer.furniture.map {
                PendingFurniture($0, drawer: drawer, firstPageSize: firstPageSize, path: name)
            }
            drawer.furniture = nil
        }
        return RenderedPDF(bytes: sink, structure: WrittenStructure(document.structure, written: tagger.written,
                                                                        linkDescriptions: tagger.linkDescriptions),
                           furniture: furniture)
    }

    /// Writes the whole document as a PDF at `path`, replacing any file there (see
    /// `renderPDF`), its furniture on the pages. Nothing is written when drawing fails.
    /// - Returns: the structure elements written, for `PDFFinishing` to complete.
    /// - Throws: what `renderPDF` throws, or `RenderError.unwritableFile`.
    @discardableResult
    public static func writePDF(_ document: PagedDocument, to path: String,
                                images: ImageOptions = .original) throws -> WrittenStructure {
        let rendered = try renderPDF(document, name: path, images: images)
        try writeBytes(rendered.bytes, to: path)
        return rendered.structure
    }

    /// Draws one page into a PNG at `dpi` pixels per inch, on a white background.
    ///
    /// The image is the page size times `dpi / 72`, rounded to whole pixels. Links and
    /// anchors are invisible; JPEG images, which cairo cannot decode, appear as light gray
    /// boxes.
    /// - Throws: `RenderError` for a non-positive `dpi`, an image too large for cairo, a missing
    ///   font or image, or an output error.
    public static func writePNG(_ page: Page, dpi: Double, to path: String) throws {
        try DocumentCheck.checkSize(of: page, number: 1)
        let (width, height) = try pixelSize(of: page, dpi: dpi)
        let surface = try CairoSurface.image(width: width, height: height, path: path)
        let context = try CairoContext(surface: surface, path: path)
        context.paintWhite()
        context.scale(by: dpi / 72)
        let drawer = PageDrawer(context: context, target: .png, path: path)
        try drawer.draw(page, number: 1)
        try context.check(action: "draw", path: path)
        try surface.writePNG(to: path)
    }

    /// Draws every page, each at its own size and with its label, inside one `Document`
    /// structure element.
    ///
    /// The element opens on the first page before anything is drawn and closes on the last:
    /// cairo 1.16 writes a damaged file for a link outside any structure element.
    /// - Parameter releasing: empty each page once drawn (see `renderPDF(releasingPagesOf:)`).
    private static func drawPages(_ pages: inout [Page], with drawer: PageDrawer, on surface: CairoSurface,
                                  releasing: Bool) throws {
        let context = drawer.pageContext
        for index in pages.indices {
            let page = pages[index]
            if releasing { pages[index].items = [] }
            surface.setPageSize(page.size)
            if let label = page.label { surface.setPageLabel(label) }
            if index == 0 { drawer.tagger?.beginDocument() }
            try drawer.draw(page, number: index + 1)
            if index == pages.count - 1 { drawer.tagger?.endDocument() }
            context.showPage()
            try context.check(action: "write", path: drawer.path)
        }
    }

    /// Pixel size of `page` at `dpi`; cairo's image surfaces are limited to 32767 pixels a side.
    private static func pixelSize(of page: Page, dpi: Double) throws -> (width: Int, height: Int) {
        guard dpi.isFinite, dpi > 0 else {
            throw RenderError.invalidResolution(dpi: dpi, detail: "must be a positive number")
        }
        let width = (page.size.width.points * dpi / 72).rounded()
        let height = (page.size.height.points * dpi / 72).rounded()
        guard width <= 32767, height <= 32767 else {
            throw RenderError.invalidResolution(
                dpi: dpi, detail: "the page would be \(width) x \(height) pixels, more than cairo's 32767")
        }
        return (max(1, Int(width)), max(1, Int(height)))
    }
}

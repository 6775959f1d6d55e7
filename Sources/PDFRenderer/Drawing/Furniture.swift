import Geometry
import PageModel

/// Where one page's furniture goes relative to the page's content.
///
/// Two layers keep the drawing order as far as two can: furniture drawn before a page's last
/// piece of content (tints, bands, rules, repeated table headers) goes beneath all of the
/// page's content, and furniture drawn after it (running heads, folios, the watermark) goes
/// above, where it was.
public struct FurnitureLayer: Hashable, Sendable {
    public enum Position: Hashable, Sendable { case beneath, above }
    /// The page of the document (0 = first) the layer belongs to.
    public var page: Int
    public var position: Position
}

/// The furniture of a tagged document, drawn into a PDF of its own, one page per layer.
public struct RenderedFurniture: Sendable {
    /// A PDF without tags whose page `i` is `layers[i]`, the same size as its document page.
    public var bytes: PDFBytes
    public var layers: [FurnitureLayer]
}

/// The furniture of a tagged document's pages, kept while the pages are drawn and drawn
/// after them (`draw`) into a PDF of its own.
///
/// Drawn last, it can be drawn while the finishing pass reads the pages' file and completes
/// its structure tree: that pass is qpdf's and this is cairo's, and nothing else runs then
/// (`PDFFinishing.drawFurniture`). A 400-article build takes about 0.2 s less (medians of
/// five alternating runs, 5.10 → 4.86 s). Kept, the furniture's items are about 19 MB there
/// (heaptrack), which the pages, let go as they are drawn, more than make up for.
public final class PendingFurniture: @unchecked Sendable {
    /// One layer's items, in the order the page has them.
    struct Layer {
        var layer: FurnitureLayer
        var size: Size
        var items: [PageItem]
    }

    private var layers: [Layer]
    /// Let go once the furniture is drawn, with its fonts and images: the finishing pass's
    /// peak comes after.
    private var drawer: PageDrawer?
    private let firstPageSize: Size
    private let path: String

    /// - Parameter drawer: the pages' drawer, whose fonts and images the furniture shares;
    ///   it keeps only the images the furniture draws.
    init(_ layers: [Layer], drawer: PageDrawer, firstPageSize: Size, path: String) {
        self.layers = layers
        self.drawer = drawer
        self.firstPageSize = firstPageSize
        self.path = path
        drawer.tagger = nil
        drawer.images.keepOnly(layers.flatMap { layer in
            layer.items.compactMap { if case .image(let placed) = $0 { placed } else { nil } }
        })
    }

    /// Draws the furniture, one page per layer; nil when no page had any. Call once, while
    /// no other thread uses cairo.
    public func draw() throws -> RenderedFurniture? {
        defer { layers = []; drawer = nil }
        guard let drawer, !layers.isEmpty else { return nil }
        let drawing = try FurnitureDrawing(size: firstPageSize, path: path)
        for layer in layers {
            try drawer.draw(layer.items, on: drawing.context(for: layer.layer, size: layer.size), page: layer.layer.page + 1)
            try drawing.context.check(action: "write", path: path)
        }
        return try drawing.finish(path: path)
    }
}

/// Draws page furniture into a second cairo PDF surface, which has no tags.
///
/// PDF/UA wants every mark on a page to be either content of a structure element or an
/// artifact. Cairo 1.16 marks only what is drawn inside a leaf structure element, writes the
/// rest unmarked, and rejects `Artifact` as a tag name; so furniture drawn on the page itself
/// could never be marked. Drawn here instead, each layer becomes a form XObject that
/// `PDFFinishing` paints on its page inside an `/Artifact` sequence.
final class FurnitureDrawing {
    let sink = PDFBytes()
    let surface: CairoSurface
    let context: CairoContext
    private(set) var layers: [FurnitureLayer] = []
    /// The layer whose page is being drawn, if any.
    private var open: FurnitureLayer?

    init(size: Size, path: String) throws {
        surface = try CairoSurface.pdf(into: sink, size: size, name: path)
        context = try CairoContext(surface: surface, path: path)
    }

    /// The context to draw `layer` on, starting its page (of `size`) when it is not the one open.
    func context(for layer: FurnitureLayer, size: Size) -> CairoContext {
        if open != layer {
            endLayer()
            surface.setPageSize(size)
            context.save()
            context.clip(to: Rect(origin: .zero, size: size))
            open = layer
            layers.append(layer)
        }
        return context
    }

    /// Ends the open layer's page.
    func endLayer() {
        guard open != nil else { return }
        context.restore()
        context.showPage()
        open = nil
    }

    /// Finishes the file; nil when no page had furniture.
    func finish(path: String) throws -> RenderedFurniture? {
        endLayer()
        try context.check(action: "write", path: path)
        try surface.finish(path: path)
        return layers.isEmpty ? nil : RenderedFurniture(bytes: sink, layers: layers)
    }
}

/// Which items of a page are furniture, and in which layer each goes.
enum FurniturePlan {
    enum Destination: Equatable {
        /// Drawn on the page: content, tags, links and destinations.
        case page
        case furniture(FurnitureLayer.Position)
    }

    /// The destination of each of `items`. Furniture is every rule, box and watermark
    /// (decoration, whatever element it is drawn in) and every text or image that no structure
    /// mark claims (`isElement` says whether a mark names an element of the tree).
    static func destinations(of items: [PageItem], isElement: (Int) -> Bool) -> [Destination] {
        var current: Int?
        var furniture = [Bool]()
        furniture.reserveCapacity(items.count)
        var lastContent: Int?
        for (index, item) in items.enumerated() {
            switch item {
            case .structure(let element):
                current = element.flatMap { isElement($0) ? $0 : nil }
                furniture.append(false)
            case .rule, .box, .watermark:
                furniture.append(true)
            case .text, .image:
                furniture.append(current == nil)
                if current != nil { lastContent = index }
            case .link, .anchor, .placed:
                furniture.append(false)
            }
        }
        return furniture.indices.map { index in
            guard furniture[index] else { return .page }
            guard let lastContent, index < lastContent else { return .furniture(.above) }
            return .furniture(.beneath)
        }
    }
}

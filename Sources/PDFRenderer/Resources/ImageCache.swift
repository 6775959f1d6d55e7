internal import CCairo
import PageModel

/// An image file ready to draw, decoded once per render.
enum LoadedImage {
    /// Pixels cairo decoded (PNG).
    case pixels(CairoSurface)
    /// A JPEG kept as its file bytes, attached to a blank surface of its pixel size: cairo
    /// embeds the bytes in a PDF as they are, but cannot decode them to draw on an image.
    case jpeg(CairoSurface)

    var surface: CairoSurface {
        switch self {
        case .pixels(let surface), .jpeg(let surface): surface
        }
    }
}

/// The images of one render, keyed by path (and whether drawn in gray), each read and
/// decoded once.
///
/// Every surface is tagged with `CAIRO_MIME_TYPE_UNIQUE_ID` set to its path, so cairo writes
/// an image placed many times (a logo on every page) into the PDF only once.
///
/// With pixel budgets (see `ImageOptions`), a picture with more pixels than its largest
/// placement needs is scaled down by gdk-pixbuf, and a picture that is re-encoded is stored
/// as JPEG when that is smaller than PNG and it has no transparency. Both encoders are
/// deterministic, so the PDF stays byte-identical from run to run.
final class ImageCache {
    private var images: [String: LoadedImage] = [:]
    private var drawings: [String: SVGDocument] = [:]
    private let budgets: [String: PixelSize]
    private let options: ImageOptions
    /// The pictures re-encoded ahead, on a thread of their own.
    private let encoding: PictureEncoding

    /// Images as their files are, none scaled or re-encoded (for PNG previews).
    init() {
        budgets = [:]; options = .original
        encoding = PictureEncoding([])
    }

    /// The images of `document`, the pictures to re-encode already on their way.
    init(for document: PagedDocument, options: ImageOptions) {
        let budgets = options.pixelBudgets(in: document)
        self.budgets = budgets; self.options = options
        var jobs: [PictureEncoding.Job] = [], seen = Set<String>()
        for page in document.pages {
            for case .image(let placed) in page.items where seen.insert(placed.path).inserted {
                if let size = Self.reencodedSize(placed, budgets: budgets) {
                    jobs.append(PictureEncoding.Job(path: placed.path, size: size, quality: options.jpegQuality))
                }
            }
        }
        encoding = PictureEncoding(jobs)
    }

    /// The size `placed` is re-encoded at, or nil when its file is embedded as it is: a
    /// picture with more pixels than its largest placement needs is scaled down, and every
    /// PNG is offered as JPEG too (see `PictureEncoding.encode`).
    private static func reencodedSize(_ placed: PlacedImage, budgets: [String: PixelSize]) -> PixelSize? {
        let native = PixelSize(width: placed.pixelWidth, height: placed.pixelHeight)
        guard !placed.grayscale, placed.format != .svg, let budget = budgets[placed.path],
              native.fitted(into: budget) != native || placed.format == .png else { return nil }
        return native.fitted(into: budget)
    }

    /// The image at `placed.path`, loading it on first use.
    func image(for placed: PlacedImage) throws -> LoadedImage {
        let key = Self.key(for: placed)
        if let image = images[key] { return image }
        let image: LoadedImage
        if let size = Self.reencodedSize(placed, budgets: budgets) {
            let encoded = try encoding.encoded(placed.path)
                ?? PictureEncoding.encode(PictureEncoding.Job(path: placed.path, size: size, quality: options.jpegQuality))
            image = switch encoded {
            case .jpeg(let bytes): .jpeg(try Self.jpegSurface(bytes, path: placed.path))
            case .png(let bytes): .pixels(try CairoSurface.png(bytes: bytes, path: placed.path))
            }
        } else {
            image =
                switch placed.format {
                case .png: LoadedImage.pixels(try Self.loadPNG(placed.path, gray: placed.grayscale))
                case .jpeg: LoadedImage.jpeg(try Self.loadJPEG(placed.path, gray: placed.grayscale))
                // Drawn as shapes through `drawing(for:)`; never decoded to pixels.
                case .svg: throw RenderError.unreadableFile(path: placed.path, reason: "an SVG has no pixels to decode")
                }
        }
        try image.surface.attachMimeData(CAIRO_MIME_TYPE_UNIQUE_ID, bytes: Array(key.utf8), path: placed.path)
        images[key] = image
        return image
    }

    /// Lets go of every image and drawing but those `placements` use: once the pages are
    /// drawn, the furniture still to draw needs only its own (a logo, if any).
    func keepOnly(_ placements: [PlacedImage]) {
        let keys = Set(placements.map(Self.key)), paths = Set(placements.map(\.path))
        images = images.filter { keys.contains($0.key) }
        drawings = drawings.filter { paths.contains($0.key) }
    }

    /// A NUL cannot occur in a path, so the gray copy's key never meets another file's.
    private static func key(for placed: PlacedImage) -> String {
        placed.grayscale ? placed.path + "\u{0}gray" : placed.path
    }

    /// The SVG file at `placed.path`, parsed on first use.
    func drawing(for placed: PlacedImage) throws -> SVGDocument {
        if let drawing = drawings[placed.path] { return drawing }
        guard isReadableFile(placed.path) else {
            throw RenderError.unreadableFile(path: placed.path, reason: "image file not found or not readable")
        }
        let drawing = try SVGDocument(path: placed.path)
        drawings[placed.path] = drawing
        return drawing
    }

    private static func loadPNG(_ path: String, gray: Bool) throws -> CairoSurface {
        // Checked first: cairo's "file not found" would not say which file.
        guard isReadableFile(path) else {
            throw RenderError.unreadableFile(path: path, reason: "image file not found or not readable")
        }
        let surface = try CairoSurface.png(path: path)
        if gray { surface.convertToGray() }
        return surface
    }

    /// A JPEG embedded as its own bytes; in gray, converted without decoding (libjpeg-turbo).
    private static func loadJPEG(_ path: String, gray: Bool) throws -> CairoSurface {
        let bytes = try readBytes(of: path)
        guard JPEGHeader(bytes) != nil else { throw RenderError.notJPEG(path: path) }
        return try jpegSurface(gray ? try GrayJPEG.convert(bytes, path: path) : bytes, path: path)
    }

    /// A blank surface of the JPEG's pixel size carrying its bytes, which cairo embeds as they are.
    private static func jpegSurface(_ bytes: [UInt8], path: String) throws -> CairoSurface {
        guard let header = JPEGHeader(bytes) else { throw RenderError.notJPEG(path: path) }
        let surface = try CairoSurface.image(width: header.width, height: header.height, path: path)
        try surface.attachMimeData(CAIRO_MIME_TYPE_JPEG, bytes: bytes, path: path)
        return surface
    }
}

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
final class ImageCache {
    private var images: [String: LoadedImage] = [:]

    /// The image at `placed.path`, loading it on first use.
    func image(for placed: PlacedImage) throws -> LoadedImage {
        // A NUL cannot occur in a path, so the gray copy's key never meets another file's.
        let key = placed.grayscale ? placed.path + "\u{0}gray" : placed.path
        if let image = images[key] { return image }
        let image =
            switch placed.format {
            case .png: LoadedImage.pixels(try Self.loadPNG(placed.path, gray: placed.grayscale))
            case .jpeg: LoadedImage.jpeg(try Self.loadJPEG(placed.path, gray: placed.grayscale))
            }
        try image.surface.attachMimeData(CAIRO_MIME_TYPE_UNIQUE_ID, bytes: Array(key.utf8), path: placed.path)
        images[key] = image
        return image
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

    private static func loadJPEG(_ path: String, gray: Bool) throws -> CairoSurface {
        var bytes = try readBytes(of: path)
        guard let header = JPEGHeader(bytes) else { throw RenderError.notJPEG(path: path) }
        if gray { bytes = try GrayJPEG.convert(bytes, path: path) }
        let surface = try CairoSurface.image(width: header.width, height: header.height, path: path)
        try surface.attachMimeData(CAIRO_MIME_TYPE_JPEG, bytes: bytes, path: path)
        return surface
    }
}

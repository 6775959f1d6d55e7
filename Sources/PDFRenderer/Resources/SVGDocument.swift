internal import CCairo
internal import CRsvg
import Geometry

/// Owns one parsed SVG file in librsvg, drawn into cairo as vector shapes, so a logo stays
/// sharp at any zoom and costs a few hundred bytes of paths instead of a picture.
///
/// The initialiser takes the +1 reference librsvg returned; `deinit` releases it.
final class SVGDocument {
    private let handle: UnsafeMutablePointer<RsvgHandle>
    let path: String

    /// Parses the file at `path`.
    /// - Throws: `RenderError.unreadableFile` with librsvg's reason.
    init(path: String) throws {
        var error: UnsafeMutablePointer<GError>?
        guard let handle = rsvg_handle_new_from_file(path, &error) else {
            var reason = "cannot read the SVG file"
            if let error {
                if let message = error.pointee.message { reason = String(cString: message) }
                g_error_free(error)
            }
            throw RenderError.unreadableFile(path: path, reason: reason)
        }
        self.handle = handle
        self.path = path
        // One SVG user unit (a CSS pixel) is one point, as everywhere else in Gazette.
        rsvg_handle_set_dpi(handle, 72)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The document's own size in points: its `width` and `height`, else its `viewBox`.
    var size: Size? {
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 {
            return Size(width: .pt(width), height: .pt(height))
        }
        var hasViewBox: gboolean = 0
        var viewBox = RsvgRectangle(x: 0, y: 0, width: 0, height: 0)
        rsvg_handle_get_intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
        guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 else { return nil }
        return Size(width: .pt(viewBox.width), height: .pt(viewBox.height))
    }

    /// Draws the document scaled into `frame` (aspect kept, centred) on `cr`.
    func draw(in frame: Rect, on cr: OpaquePointer) throws {
        var viewport = RsvgRectangle(x: frame.minX.points, y: frame.minY.points,
                                     width: frame.width.points, height: frame.height.points)
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else {
            var reason = "cannot draw the SVG file"
            if let error {
                if let message = error.pointee.message { reason = String(cString: message) }
                g_error_free(error)
            }
            throw RenderError.unreadableFile(path: path, reason: reason)
        }
    }
}

extension PDFRenderer {
    /// The size in points an SVG file gives itself, or nil when it is not a readable SVG or
    /// gives none: layout uses it for a logo's proportions.
    public static func svgSize(atPath path: String) -> Size? {
        guard isReadableFile(path) else { return nil }
        return (try? SVGDocument(path: path))?.size
    }
}

internal import CCairo
import Geometry

/// Owns one reference to a cairo surface: a PDF file, an image in memory, or a decoded PNG.
///
/// The initialiser takes the +1 reference a `cairo_*_create*` call returned and `deinit`
/// releases it; nothing else references or destroys the pointer.
final class CairoSurface {
    let pointer: OpaquePointer
    /// Where a PDF surface writes; kept alive as long as the surface, which calls into it.
    private var sink: PDFBytes?

    /// Takes ownership of `pointer`; destroys it and throws when cairo created it in error.
    private init(taking pointer: OpaquePointer?, action: String, path: String) throws {
        guard let pointer else {
            throw RenderError.cairo(status: "no surface", action: action, path: path)
        }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            try checkCairo(status, action: action, path: path)
            throw RenderError.cairo(status: "unknown error", action: action, path: path)
        }
        self.pointer = pointer
    }

    deinit { cairo_surface_destroy(pointer) }

    /// A PDF written into `sink`'s bytes, whose first page has `size`; pages are written as
    /// they are shown. `name` only names the file in errors.
    ///
    /// The bytes stay in memory because the finishing pass reads them next: handing qpdf a
    /// buffer instead of a file saves a third of its time (it seeks and reads a file object by
    /// object through stdio).
    static func pdf(into sink: PDFBytes, size: Size, name: String) throws -> CairoSurface {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface = try CairoSurface(
            taking: cairo_pdf_surface_create_for_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<PDFBytes>.fromOpaque(closure).takeUnretainedValue()
                sink.append(data, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, closure, size.width.points, size.height.points),
            action: "write", path: name)
        surface.sink = sink
        return surface
    }

    /// A blank (black) RGB image of `width` × `height` pixels; `path` only names it in errors.
    static func image(width: Int, height: Int, path: String) throws -> CairoSurface {
        try CairoSurface(
            taking: cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
            action: "draw", path: path)
    }

    /// The decoded pixels of the PNG file at `path`.
    static func png(path: String) throws -> CairoSurface {
        try CairoSurface(
            taking: cairo_image_surface_create_from_png(path), action: "read image", path: path)
    }

    /// The decoded pixels of PNG file bytes held in memory; `path` only names them in errors.
    static func png(bytes: [UInt8], path: String) throws -> CairoSurface {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(bytes)
        return try withExtendedLifetime(reader) {
            let closure = Unmanaged.passUnretained(reader).toOpaque()
            let surface = cairo_image_surface_create_from_png_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                let count = Int(length)
                guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                reader.bytes.withUnsafeBufferPointer { source in
                    if let base = source.baseAddress { data.update(from: base + reader.offset, count: count) }
                }
                reader.offset += count
                return CAIRO_STATUS_SUCCESS
            }, closure)
            return try CairoSurface(taking: surface, action: "read image", path: path)
        }
    }

    /// Width of an image surface in pixels.
    var pixelWidth: Int { Int(cairo_image_surface_get_width(pointer)) }
    /// Height of an image surface in pixels.
    var pixelHeight: Int { Int(cairo_image_surface_get_height(pointer)) }

    /// Sets the size of the next page of a PDF surface; call before drawing on that page.
    func setPageSize(_ size: Size) {
        cairo_pdf_surface_set_size(pointer, size.width.points, size.height.points)
    }

    /// Labels the current page of a PDF surface (`/PageLabels`), such as `ii` or `7`.
    func setPageLabel(_ label: String) {
        cairo_pdf_surface_set_page_label(pointer, label)
    }

    /// Sets one entry of the PDF's document information dictionary.
    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(pointer, key, value)
    }

    /// Adds a bookmark under `parent` (`CAIRO_PDF_OUTLINE_ROOT` for the top level) and returns
    /// its id, for use as the parent of its children.
    func addOutlineItem(parent: Int32, title: String, attributes: String, open: Bool) -> Int32 {
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
        return cairo_pdf_surface_add_outline(pointer, parent, title, attributes, flags)
    }

    /// Attaches `bytes` as mime data of `mimeType`; the surface keeps its own copy.
    ///
    /// Cairo frees attached data through a callback when the surface dies, so the bytes are
    /// copied into a buffer that the callback deallocates. On failure cairo does not call the
    /// callback, so the buffer is freed here.
    func attachMimeData(_ mimeType: String, bytes: [UInt8], path: String) throws {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: source.count) }
        }
        let status = cairo_surface_set_mime_data(
            pointer, mimeType, buffer.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
            { $0?.deallocate() }, buffer)
        if status != CAIRO_STATUS_SUCCESS {
            buffer.deallocate()
            try checkCairo(status, action: "embed image", path: path)
        }
    }

    /// Finishes a PDF: writes the trailing objects and closes the file, then checks for errors
    /// cairo met along the way (a full disk shows up only here).
    func finish(path: String) throws {
        cairo_surface_finish(pointer)
        try checkCairo(cairo_surface_status(pointer), action: "write", path: path)
    }

    /// Replaces every pixel of an image surface (RGB24 or ARGB32) by its gray of equal
    /// lightness (Rec. 709 luma, as `Imposition.gray` turns colours), keeping its alpha.
    ///
    /// Cairo stores alpha-premultiplied channels; the luma of premultiplied channels is the
    /// premultiplied luma, so the weighting holds either way.
    func convertToGray() {
        cairo_surface_flush(pointer)
        guard let data = cairo_image_surface_get_data(pointer) else { return }
        let stride = Int(cairo_image_surface_get_stride(pointer))
        for row in 0..<pixelHeight {
            let pixels = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<pixelWidth {
                let pixel = pixels[column]
                let red = Double((pixel >> 16) & 0xFF), green = Double((pixel >> 8) & 0xFF), blue = Double(pixel & 0xFF)
                let level = UInt32((0.2126 * red + 0.7152 * green + 0.0722 * blue).rounded())
                pixels[column] = (pixel & 0xFF00_0000) | (level << 16) | (level << 8) | level
            }
        }
        cairo_surface_mark_dirty(pointer)
    }

    /// Writes an image surface as a PNG file.
    func writePNG(to path: String) throws {
        cairo_surface_flush(pointer)
        try checkCairo(cairo_surface_write_to_png(pointer, path), action: "write", path: path)
    }
}

internal import CCairo
import PageModel

/// Owns one cairo font face, opened from a font file through a fontconfig pattern.
///
/// The pattern names the file and face index directly, so fontconfig never searches the
/// system: only the font layout chose is used.
final class CairoFontFace {
    let pointer: OpaquePointer

    /// Opens `face`; throws when the file is unreadable or cairo cannot create the face.
    ///
    /// Cairo opens the file lazily, at first use, so a missing file is caught here by checking it
    /// first rather than later as an anonymous error on the drawing context.
    init(_ face: FontFace) throws {
        guard isReadableFile(face.file) else {
            throw RenderError.unreadableFile(path: face.file, reason: "font file not found or not readable")
        }
        guard let pattern = FcPatternCreate() else {
            throw RenderError.cairo(status: "out of memory", action: "open font", path: face.file)
        }
        defer { FcPatternDestroy(pattern) }
        // `FcPatternBuild` is variadic and cannot be called from Swift: add the entries one by one.
        guard FcPatternAddString(pattern, FC_FILE, face.file) != 0,
            FcPatternAddInteger(pattern, FC_INDEX, Int32(face.index)) != 0
        else {
            throw RenderError.cairo(status: "out of memory", action: "open font", path: face.file)
        }
        // The face keeps its own reference to the pattern, so ours is destroyed by the defer.
        guard let pointer = cairo_ft_font_face_create_for_pattern(pattern) else {
            throw RenderError.cairo(status: "no font face", action: "open font", path: face.file)
        }
        let status = cairo_font_face_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(pointer)
            try checkCairo(status, action: "open font", path: face.file)
            throw RenderError.cairo(status: "unknown error", action: "open font", path: face.file)
        }
        self.pointer = pointer
    }

    deinit { cairo_font_face_destroy(pointer) }
}

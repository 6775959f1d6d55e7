internal import CCairo
import Geometry

/// Owns one cairo drawing context on a surface.
///
/// The context holds its own reference to the surface, so the surface outlives every drawing
/// call even if its wrapper is released first.
final class CairoContext {
    let pointer: OpaquePointer

    /// A context drawing on `surface`; throws when cairo could not create it.
    init(surface: CairoSurface, path: String) throws {
        guard let pointer = cairo_create(surface.pointer) else {
            throw RenderError.cairo(status: "no context", action: "draw", path: path)
        }
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(pointer)
            try checkCairo(status, action: "draw", path: path)
            throw RenderError.cairo(status: "unknown error", action: "draw", path: path)
        }
        self.pointer = pointer
        useUnhintedFonts()
    }

    deinit { cairo_destroy(pointer) }

    /// Throws the first error cairo met on this context, if any.
    func check(action: String, path: String) throws {
        try checkCairo(cairo_status(pointer), action: action, path: path)
    }

    /// Glyphs land exactly where layout measured them: no hinting, no rounded metrics.
    private func useUnhintedFonts() {
        guard let options = cairo_font_options_create() else { return }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_DEFAULT)
        cairo_set_font_options(pointer, options)
    }

    /// Opens a structure element, a named destination or a link (see `cairo_tag_begin`).
    func beginTag(_ name: String, attributes: String) {
        cairo_tag_begin(pointer, name, attributes)
    }

    /// Closes the innermost open tag called `name`.
    func endTag(_ name: String) {
        cairo_tag_end(pointer, name)
    }

    /// Ends the current page; the next drawing goes on a new page.
    func showPage() {
        cairo_show_page(pointer)
    }
}

extension CairoContext {
    /// Saves the graphics state, for a later `restore`.
    func save() { cairo_save(pointer) }

    /// Restores the graphics state last saved.
    func restore() { cairo_restore(pointer) }

    /// Clips what follows to `rect`.
    func clip(to rect: Rect) {
        cairo_rectangle(pointer, rect.minX.points, rect.minY.points, rect.width.points, rect.height.points)
        cairo_clip(pointer)
    }

    /// Scales user space by `factor` in both directions (points to pixels for previews).
    func scale(by factor: Double) {
        cairo_scale(pointer, factor, factor)
    }

    /// Paints the whole surface white, including the part of the last pixel row and column
    /// that a page size in fractional pixels leaves uncovered.
    func paintWhite() {
        cairo_save(pointer)
        cairo_set_source_rgb(pointer, 1, 1, 1)
        cairo_paint(pointer)
        cairo_restore(pointer)
    }
}

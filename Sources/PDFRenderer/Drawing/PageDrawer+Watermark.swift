internal import CCairo
import Geometry
import PageModel

extension PageDrawer {
    /// Draws a watermark's glyphs as filled outlines, turned about its centre, translucent.
    ///
    /// `cairo_glyph_path` makes shapes, not text: the PDF's text layer, and so copying,
    /// searching and `pdftotext`, holds only the page's own words. The shapes are recorded
    /// once and replayed on every page, so a PDF holds them once, as a form every page uses,
    /// rather than a copy of every outline per page.
    func draw(_ mark: Watermark) throws {
        guard mark.opacity > 0 else { return }
        let drawing: CairoSurface
        if let recorded = recordedWatermark, recorded.mark == mark {
            drawing = recorded.drawing
        } else {
            drawing = try record(mark)
            recordedWatermark = (mark, drawing)
        }
        let extents = drawing.inkExtents
        guard extents.width > 0, extents.height > 0 else { return }
        let cr = context.pointer
        cairo_save(cr)
        defer { cairo_restore(cr) }
        // A fill of the drawing's own extents, never a paint of the page (see `draw(_:number:)`).
        cairo_set_source_surface(cr, drawing.pointer, 0, 0)
        cairo_rectangle(cr, extents.x, extents.y, extents.width, extents.height)
        cairo_fill(cr)
    }

    /// The watermark's outlines in page coordinates on a recording surface.
    private func record(_ mark: Watermark) throws -> CairoSurface {
        let surface = try CairoSurface.recording(path: path)
        let recorder = try CairoContext(surface: surface, path: path)
        let cr = recorder.pointer
        cairo_translate(cr, mark.center.x.points, mark.center.y.points)
        cairo_rotate(cr, mark.angle)
        for run in mark.runs where !run.glyphs.isEmpty && run.size.points > 0 {
            try selectFont(run.font, size: run.size.points, on: recorder)
            let glyphs = run.glyphs.map { glyph in
                cairo_glyph_t(index: UInt(glyph.id), x: (run.origin.x + glyph.x).points,
                              y: (run.origin.y + glyph.y).points)
            }
            cairo_new_path(cr)
            cairo_glyph_path(cr, glyphs, Int32(glyphs.count))
            let color = run.color
            cairo_set_source_rgba(cr, color.red, color.green, color.blue, min(mark.opacity, 1))
            cairo_fill(cr)
        }
        try recorder.check(action: "draw", path: path)
        return surface
    }
}

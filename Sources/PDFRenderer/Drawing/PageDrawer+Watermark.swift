internal import CCairo
import Geometry
import PageModel

extension PageDrawer {
    /// Draws a watermark's glyphs as filled outlines, turned about its centre, translucent.
    ///
    /// `cairo_glyph_path` makes shapes, not text: the PDF's text layer, and so copying,
    /// searching and `pdftotext`, holds only the page's own words. The outlines are drawn on
    /// every page. Recording them once and replaying the recording made the file smaller, but
    /// cairo 1.16's PDF surface never releases a recording surface used as a source
    /// (`make sanitize` reported it).
    func draw(_ mark: Watermark) throws {
        guard mark.opacity > 0 else { return }
        let cr = context.pointer
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, mark.center.x.points, mark.center.y.points)
        cairo_rotate(cr, mark.angle)
        for run in mark.runs where !run.glyphs.isEmpty && run.size.points > 0 {
            try selectFont(run.font, size: run.size.points)
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
    }
}

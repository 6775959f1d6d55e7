internal import CCairo
import Geometry
import PageModel

extension PageDrawer {
    /// Draws a glyph run with its text attached, so the PDF's text can be copied and searched.
    ///
    /// Glyphs go exactly where layout put them (origin plus each glyph's offset); cairo only
    /// uses the clusters to map glyphs back to characters.
    func draw(_ run: GlyphRun, page: Int) throws {
        guard !run.glyphs.isEmpty, run.size.points > 0, run.size.points.isFinite else { return }
        let map: ClusterMap?
        do {
            map = try ClusterMap(run)
        } catch {
            throw RenderError.invalidClusters(page: page, text: run.text, detail: error.detail)
        }
        try selectFont(run.font, size: run.size.points)
        setColor(run.color)
        let glyphs = run.glyphs.map { glyph in
            cairo_glyph_t(
                index: UInt(glyph.id), x: (run.origin.x + glyph.x).points,
                y: (run.origin.y + glyph.y).points)
        }
        let cr = context.pointer
        guard let map else {
            cairo_show_glyphs(cr, glyphs, Int32(glyphs.count))
            return
        }
        let clusters = map.clusters.map {
            cairo_text_cluster_t(num_bytes: Int32($0.byteCount), num_glyphs: Int32($0.glyphCount))
        }
        let flags = map.isBackward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(rawValue: 0)
        map.utf8.withUnsafeBufferPointer { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { text in
                cairo_show_text_glyphs(
                    cr, text.baseAddress, Int32(text.count), glyphs, Int32(glyphs.count),
                    clusters, Int32(clusters.count), flags)
            }
        }
    }

    /// Makes `font` at `size` points current (on `other`, else the page's context); throws
    /// when cairo cannot load the font file.
    func selectFont(_ font: FontFace, size: Double, on other: CairoContext? = nil) throws {
        let face = try fonts.face(for: font)
        let cr = (other ?? context).pointer
        cairo_set_font_face(cr, face.pointer)
        cairo_set_font_size(cr, size)
        // The scaled font is borrowed from the context: read its status, never keep it.
        try checkCairo(cairo_scaled_font_status(cairo_get_scaled_font(cr)), action: "load font", path: font.file)
    }
}

import CCairo
import Geometry
import PageModel

/// Turns a string into a `GlyphRun` with cairo's toy text API: one glyph per character from
/// the font's character map, no ligatures, no reordering, no conjuncts.
///
/// Enough to give the renderer real glyph ids of a committed font. A right-to-left run is
/// shaped from its characters in reverse (visual order), and its clusters, listed in glyph
/// order, then run backwards through the text as PageModel expects.
enum ToyShaper {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Ascent and descent (both positive, points) of `font` at `size`, as cairo reads them
    /// from the font: what poppler uses for the height of a word's box.
    static func verticalMetrics(font: String, size: Double) throws -> (ascent: Double, descent: Double) {
        try withScaledFont(font, size: size) { scaled in
            var extents = cairo_font_extents_t()
            cairo_scaled_font_extents(scaled, &extents)
            return (extents.ascent, extents.descent)
        }
    }

    static func run(
        _ text: String, font: String, size: Double, at origin: Point, color: Color = .black,
        rightToLeft: Bool = false
    ) throws -> GlyphRun {
        try withScaledFont(font, size: size) { scaled in
            try shape(text, scaled: scaled, font: Repository.font(font), size: size, at: origin,
                      color: color, rightToLeft: rightToLeft)
        }
    }

    private static func withScaledFont<T>(
        _ font: String, size: Double, _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        let path = Repository.font(font)
        guard let pattern = FcPatternCreate() else { throw Failure(description: "no pattern") }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FILE, path)
        FcPatternAddInteger(pattern, FC_INDEX, 0)
        guard let face = cairo_ft_font_face_create_for_pattern(pattern) else {
            throw Failure(description: "no face for \(path)")
        }
        defer { cairo_font_face_destroy(face) }
        var fontMatrix = cairo_matrix_t()
        cairo_matrix_init_scale(&fontMatrix, size, size)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        guard let options = cairo_font_options_create() else { throw Failure(description: "no options") }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        guard let scaled = cairo_scaled_font_create(face, &fontMatrix, &identity, options) else {
            throw Failure(description: "no scaled font")
        }
        defer { cairo_scaled_font_destroy(scaled) }
        guard cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else {
            throw Failure(description: "cannot load \(path)")
        }
        return try body(scaled)
    }

    private static func shape(
        _ text: String, scaled: OpaquePointer, font path: String, size: Double, at origin: Point,
        color: Color, rightToLeft: Bool
    ) throws -> GlyphRun {
        let visual = rightToLeft ? String(text.reversed()) : text
        var glyphs: UnsafeMutablePointer<cairo_glyph_t>? = nil
        var glyphCount: Int32 = 0
        var clusters: UnsafeMutablePointer<cairo_text_cluster_t>? = nil
        var clusterCount: Int32 = 0
        var flags = cairo_text_cluster_flags_t(rawValue: 0)
        let status = cairo_scaled_font_text_to_glyphs(
            scaled, 0, 0, visual, Int32(visual.utf8.count), &glyphs, &glyphCount,
            &clusters, &clusterCount, &flags)
        defer {
            cairo_glyph_free(glyphs)
            cairo_text_cluster_free(clusters)
        }
        guard status == CAIRO_STATUS_SUCCESS, let glyphs, let clusters else {
            throw Failure(description: "cannot shape '\(text)'")
        }
        var extents = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(scaled, glyphs, glyphCount, &extents)
        return GlyphRun(
            font: FontFace(file: path), size: .pt(size), color: color, origin: origin,
            glyphs: (0..<Int(glyphCount)).map {
                Glyph(id: UInt32(glyphs[$0].index), x: .pt(glyphs[$0].x), y: .pt(glyphs[$0].y))
            },
            text: text,
            clusters: (0..<Int(clusterCount)).map {
                Cluster(byteCount: Int(clusters[$0].num_bytes), glyphCount: Int(clusters[$0].num_glyphs))
            },
            isBackward: rightToLeft, width: .pt(extents.x_advance))
    }
}

extension GlyphRun {
    /// Where the characters in `range` begin and end on the page (points), for a
    /// left-to-right run of one glyph per character.
    func span(ofCharacters range: Range<Int>) -> (start: Double, end: Double) {
        let start = origin.x + glyphs[range.lowerBound].x
        let end = range.upperBound < glyphs.count ? origin.x + glyphs[range.upperBound].x : origin.x + width
        return (start.points, end.points)
    }
}

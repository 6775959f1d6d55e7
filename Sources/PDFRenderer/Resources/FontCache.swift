import PageModel

/// The cairo font faces of one render, each opened once at first use.
///
/// Opening a face parses the font file; a digest uses a handful of faces for thousands of
/// runs, so they are kept for the whole render and released with it.
final class FontCache {
    private var faces: [FontFace: CairoFontFace] = [:]

    /// The cairo face for `font`, opening it on first use.
    func face(for font: FontFace) throws -> CairoFontFace {
        if let face = faces[font] { return face }
        let face = try CairoFontFace(font)
        faces[font] = face
        return face
    }
}

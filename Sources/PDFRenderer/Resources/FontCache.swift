import PageModel

/// The cairo font faces of one render, each opened once at first use.
///
/// Opening a face parses the font file; a digest uses a handful of faces for thousands of
/// runs, so they are kept for the whole render and released with it.
final class FontCache {
    private var faces: [FontFace: CairoFontFace] = [:]
    /// The face asked for last: consecutive runs mostly share their font, and comparing two
    /// paths that share storage is cheaper than hashing one.
    private var last: (font: FontFace, face: CairoFontFace)?

    /// The cairo face for `font`, opening it on first use.
    func face(for font: FontFace) throws -> CairoFontFace {
        if let last, last.font == font { return last.face }
        let face: CairoFontFace
        if let known = faces[font] {
            face = known
        } else {
            face = try CairoFontFace(font)
            faces[font] = face
        }
        last = (font, face)
        return face
    }
}

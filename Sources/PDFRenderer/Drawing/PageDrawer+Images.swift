internal import CCairo
import Geometry
import PageModel

extension PageDrawer {
    /// Draws an image stretched to its frame; an SVG as vector shapes fitted into it.
    ///
    /// The image is a fill of the frame rectangle rather than `cairo_paint`, so it never counts
    /// as a paint of the whole page (see `draw(_:number:)`). On a PNG preview a JPEG, which
    /// cairo cannot decode, shows as a light gray placeholder.
    func draw(_ placed: PlacedImage) throws {
        let frame = placed.frame
        guard frame.width.points > 0, frame.height.points > 0 else { return }
        if placed.format == .svg {
            let drawing = try images.drawing(for: placed)
            guard placed.grayscale else { return try drawing.draw(in: frame, on: context.pointer) }
            // Vector shapes have no pixels to convert: draw them, then take the saturation out
            // of their frame (and a margin round it) with a gray fill in the "saturation" blend mode. The whole frame,
            // not the shapes' own outline, so no tinted fringe is left at their soft edges;
            // in a gray document everything else under the frame is gray already.
            let cr = context.pointer
            try drawing.draw(in: frame, on: cr)
            cairo_save(cr)
            cairo_set_operator(cr, CAIRO_OPERATOR_HSL_SATURATION)
            cairo_set_source_rgb(cr, 0.5, 0.5, 0.5)
            // Wider all round than a pixel of a coarse preview of a scaled-down sheet, so even
            // there no pixel is only partly covered.
            let margin = 12.0
            cairo_rectangle(cr, frame.minX.points - margin, frame.minY.points - margin,
                            frame.width.points + 2 * margin, frame.height.points + 2 * margin)
            cairo_fill(cr)
            cairo_restore(cr)
            return
        }
        let image = try images.image(for: placed)
        guard image.surface.pixelWidth > 0, image.surface.pixelHeight > 0 else { return }
        if case .jpeg = image, target == .png {
            fill(frame, with: Color(red: 0.85, green: 0.85, blue: 0.85))
            return
        }
        let surface = image.surface
        let cr = context.pointer
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, frame.minX.points, frame.minY.points)
        cairo_scale(
            cr, frame.width.points / Double(surface.pixelWidth),
            frame.height.points / Double(surface.pixelHeight))
        cairo_set_source_surface(cr, surface.pointer, 0, 0)
        cairo_pattern_set_extend(cairo_get_source(cr), extend)
        cairo_rectangle(cr, 0, 0, Double(surface.pixelWidth), Double(surface.pixelHeight))
        cairo_fill(cr)
    }

    /// How the image continues past its edges.
    ///
    /// On a raster preview edge pixels repeat outwards (`PAD`), so a scaled-up image does not
    /// fade into transparency at its border. In a PDF the image is an XObject that the viewer
    /// scales itself, so nothing is gained, and cairo 1.16 turns every `PAD` image whose fill
    /// reaches a fraction of a pixel past its edge into a new padded copy: each placement of
    /// the same file is embedded and compressed again (the `UNIQUE_ID` no longer applies), and
    /// a JPEG, whose surface holds only blank pixels beside the JPEG bytes, comes out as a
    /// black box. `NONE` embeds each file once, a JPEG as its own bytes.
    private var extend: cairo_extend_t {
        target == .pdf ? CAIRO_EXTEND_NONE : CAIRO_EXTEND_PAD
    }
}

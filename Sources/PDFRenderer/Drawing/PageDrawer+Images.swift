internal import CCairo
import Geometry
import PageModel

extension PageDrawer {
    /// Draws an image stretched to its frame.
    ///
    /// The image is a fill of the frame rectangle rather than `cairo_paint`, so it never counts
    /// as a paint of the whole page (see `draw(_:number:)`). On a PNG preview a JPEG, which
    /// cairo cannot decode, shows as a light gray placeholder.
    func draw(_ placed: PlacedImage) throws {
        let frame = placed.frame
        guard frame.width.points > 0, frame.height.points > 0 else { return }
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
        // Edge pixels repeat outwards rather than fading into transparency when scaled up.
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
        cairo_rectangle(cr, 0, 0, Double(surface.pixelWidth), Double(surface.pixelHeight))
        cairo_fill(cr)
    }
}

internal import CCairo
import Geometry
import PageModel

extension PageDrawer {
    /// Strokes a rule with butt caps; dashes are three widths on, two off.
    func draw(_ rule: Rule) {
        guard rule.width.points > 0 else { return }
        let cr = context.pointer
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_set_line_width(cr, rule.width.points)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        if rule.dashed {
            let dashes = [3 * rule.width.points, 2 * rule.width.points]
            cairo_set_dash(cr, dashes, Int32(dashes.count), 0)
        }
        setColor(rule.color)
        cairo_move_to(cr, rule.from.x.points, rule.from.y.points)
        cairo_line_to(cr, rule.to.x.points, rule.to.y.points)
        cairo_stroke(cr)
    }

    /// Fills and then strokes a box, either being optional.
    func draw(_ box: Box) {
        let stroke = box.strokeWidth.points > 0 ? box.stroke : nil
        guard box.fill != nil || stroke != nil, addPath(of: box) else { return }
        let cr = context.pointer
        if let fill = box.fill {
            setColor(fill)
            cairo_fill_preserve(cr)
        }
        if let stroke {
            setColor(stroke)
            cairo_set_line_width(cr, box.strokeWidth.points)
            cairo_stroke_preserve(cr)
        }
        cairo_new_path(cr)
    }

    /// Adds the outline of `box` to the current path; false when there is nothing to draw.
    private func addPath(of box: Box) -> Bool {
        let cr = context.pointer
        let (x, y) = (box.frame.minX.points, box.frame.minY.points)
        let (width, height) = (box.frame.width.points, box.frame.height.points)
        guard width > 0, height > 0 else { return false }
        switch box.shape {
        case .ellipse:
            // A unit circle under a scaled matrix; the matrix is restored before stroking so the
            // stroke keeps an even width.
            cairo_save(cr)
            cairo_translate(cr, x + width / 2, y + height / 2)
            cairo_scale(cr, width / 2, height / 2)
            cairo_new_sub_path(cr)
            cairo_arc(cr, 0, 0, 1, 0, 2 * Double.pi)
            cairo_close_path(cr)
            cairo_restore(cr)
        case .rectangle(let cornerRadius):
            let radius = min(cornerRadius.points, width / 2, height / 2)
            guard radius > 0 else {
                cairo_rectangle(cr, x, y, width, height)
                return true
            }
            let quarter = Double.pi / 2
            cairo_new_sub_path(cr)
            cairo_arc(cr, x + width - radius, y + radius, radius, -quarter, 0)
            cairo_arc(cr, x + width - radius, y + height - radius, radius, 0, quarter)
            cairo_arc(cr, x + radius, y + height - radius, radius, quarter, 2 * quarter)
            cairo_arc(cr, x + radius, y + radius, radius, 2 * quarter, 3 * quarter)
            cairo_close_path(cr)
        }
        return true
    }
}

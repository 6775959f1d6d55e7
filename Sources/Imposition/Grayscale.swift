import Geometry
import PageModel

extension Imposition {
    /// The document with every colour turned to its gray of equal lightness, and every
    /// picture marked to be drawn in gray, so a mono printer has no colour to dither.
    ///
    /// Lightness is the Rec. 709 luma of the colour (0.2126 R + 0.7152 G + 0.0722 B), the
    /// weighting a black-and-white photocopy approximates: a dark blue heading stays dark,
    /// a pale tint stays pale.
    public static func grayscale(_ document: PagedDocument) -> PagedDocument {
        var result = document
        result.pages = document.pages.map(grayscale)
        return result
    }

    static func grayscale(_ page: Page) -> Page {
        var gray = page
        gray.items = page.items.map(grayscale)
        return gray
    }

    static func grayscale(_ item: PageItem) -> PageItem {
        switch item {
        case .text(var run):
            run.color = gray(run.color)
            return .text(run)
        case .rule(var rule):
            rule.color = gray(rule.color)
            return .rule(rule)
        case .box(var box):
            box.fill = box.fill.map(gray)
            box.stroke = box.stroke.map(gray)
            return .box(box)
        case .image(var image):
            image.grayscale = true
            return .image(image)
        case .placed(var placed):
            placed.page = grayscale(placed.page)
            return .placed(placed)
        case .watermark(var mark):
            mark.runs = mark.runs.map { run in var run = run; run.color = gray(run.color); return run }
            return .watermark(mark)
        default:
            return item
        }
    }

    /// The gray of the same lightness as `color`.
    public static func gray(_ color: Color) -> Color {
        let luma = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue
        let level = min(max(luma, 0), 1)
        return Color(red: level, green: level, blue: level)
    }
}

import Geometry
import LayoutSpec
import PageModel

extension Logo {
    /// Width of the logo drawn `height` tall, its proportions kept.
    func width(atHeight height: Length) -> Length {
        height * (Double(pixelWidth) / Double(max(pixelHeight, 1)))
    }

    /// The logo placed `height` tall with its top left corner at `origin`, at most `maxWidth` wide.
    func placed(at origin: Point, height: Length, maxWidth: Length) -> PageItem {
        let width = min(width(atHeight: height), maxWidth)
        return .image(PlacedImage(path: path, format: isSVG ? .svg : isJPEG ? .jpeg : .png,
                                  frame: Rect(x: origin.x, y: origin.y, width: width, height: height),
                                  pixelWidth: pixelWidth, pixelHeight: pixelHeight))
    }
}

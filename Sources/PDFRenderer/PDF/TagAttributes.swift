import Geometry
import PageModel

/// Attribute strings for `cairo_tag_begin` and `cairo_pdf_surface_add_outline`.
///
/// Cairo parses these itself: string values sit in single quotes, where a backslash escapes
/// the next character; numbers must be plain decimals.
package enum TagAttributes {
    /// A named destination at `point` (page coordinates, as cairo's user space).
    package static func destination(_ name: String, at point: Point) -> String {
        "name=\(quoted(PDFStrings.destinationName(name))) x=\(number(point.x.points)) y=\(number(point.y.points))"
    }

    /// A link annotation over `link.frame`.
    package static func link(_ link: Link) -> String {
        let frame = link.frame
        let rect = [frame.minX, frame.minY, frame.width, frame.height].map { number($0.points) }
        let target =
            switch link.target {
            case .destination(let name): "dest=\(quoted(PDFStrings.destinationName(name)))"
            case .uri(let uri): "uri=\(quoted(PDFStrings.uri(uri)))"
            }
        return "rect=[\(rect.joined(separator: " "))] \(target)"
    }

    /// The target of an outline entry.
    package static func outlineTarget(_ destination: String) -> String {
        "dest=\(quoted(PDFStrings.destinationName(destination)))"
    }

    /// `value` in single quotes, with quotes and backslashes escaped.
    package static func quoted(_ value: String) -> String {
        var result = "'"
        for character in value {
            if character == "'" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "'"
    }

    /// A plain decimal with at most three fraction digits (no exponent, which cairo rejects).
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Far beyond any page; keeps the integer conversion below in range.
        let clamped = min(max(value, -1e9), 1e9)
        let thousandths = Int((clamped * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let whole = magnitude / 1000
        var fraction = String(magnitude % 1000)
        guard fraction != "0" else { return sign + String(whole) }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }
}

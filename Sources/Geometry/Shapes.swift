/// A position on the page; y grows downwards from the top edge, as in Cairo.
public struct Point: Hashable, Sendable {
    public var x: Length
    public var y: Length
    public init(x: Length, y: Length) { self.x = x; self.y = y }
    public static let zero = Point(x: .zero, y: .zero)
}

public struct Size: Hashable, Sendable {
    public var width: Length
    public var height: Length
    public init(width: Length, height: Length) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle given by its top-left corner and size.
public struct Rect: Hashable, Sendable {
    public var origin: Point
    public var size: Size

    public init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    public init(x: Length, y: Length, width: Length, height: Length) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }

    public var minX: Length { origin.x }
    public var minY: Length { origin.y }
    public var maxX: Length { origin.x + size.width }
    public var maxY: Length { origin.y + size.height }
    public var width: Length { size.width }
    public var height: Length { size.height }

    /// True when `other` lies inside this rectangle, allowing `tolerance` on every side.
    public func contains(_ other: Rect, tolerance: Length = .pt(0.01)) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    /// True when the two rectangles share an area larger than `tolerance` in both directions.
    public func overlaps(_ other: Rect, tolerance: Length = .pt(0.01)) -> Bool {
        let w = min(maxX, other.maxX) - max(minX, other.minX)
        let h = min(maxY, other.maxY) - max(minY, other.minY)
        return w > tolerance && h > tolerance
    }

    public func inset(by insets: Insets) -> Rect {
        Rect(x: minX + insets.left, y: minY + insets.top,
             width: width - insets.left - insets.right, height: height - insets.top - insets.bottom)
    }
}

/// Space inside the four edges of a rectangle.
public struct Insets: Hashable, Sendable {
    public var top, right, bottom, left: Length
    public init(top: Length, right: Length, bottom: Length, left: Length) {
        self.top = top; self.right = right; self.bottom = bottom; self.left = left
    }
    public init(all: Length) { self.init(top: all, right: all, bottom: all, left: all) }
    public static let zero = Insets(all: .zero)
}

/// A colour in device RGB, each channel 0…1.
public struct Color: Hashable, Sendable {
    public var red, green, blue: Double
    public init(red: Double, green: Double, blue: Double) {
        self.red = red; self.green = green; self.blue = blue
    }

    /// Parses `#rrggbb` (or `rrggbb`); nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: Double((value >> 16) & 0xFF) / 255,
                  green: Double((value >> 8) & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255)
    }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
}

/// Paper sizes by their usual names, portrait.
public enum PaperSize {
    public static let a3 = Size(width: .mm(297), height: .mm(420))
    public static let a4 = Size(width: .mm(210), height: .mm(297))
    public static let a5 = Size(width: .mm(148), height: .mm(210))
    public static let letter = Size(width: .inch(8.5), height: .inch(11))
    public static let legal = Size(width: .inch(8.5), height: .inch(14))

    /// The size for a name such as `A4` or `letter`, case-insensitive.
    public static func named(_ name: String) -> Size? {
        switch name.lowercased() {
        case "a3": a3
        case "a4": a4
        case "a5": a5
        case "letter": letter
        case "legal": legal
        default: nil
        }
    }
}

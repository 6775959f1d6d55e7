/// A distance on the page in PostScript points (1/72 inch).
///
/// Every stage speaks points; Pango units and millimetres are converted where they enter.
public struct Length: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var points: Double

    public init(points: Double) { self.points = points }

    public static func pt(_ value: Double) -> Length { Length(points: value) }
    public static func mm(_ value: Double) -> Length { Length(points: value * 72 / 25.4) }
    public static func inch(_ value: Double) -> Length { Length(points: value * 72) }
    public static let zero = Length(points: 0)

    public var millimetres: Double { points * 25.4 / 72 }

    public static func < (a: Length, b: Length) -> Bool { a.points < b.points }
    public static func + (a: Length, b: Length) -> Length { Length(points: a.points + b.points) }
    public static func - (a: Length, b: Length) -> Length { Length(points: a.points - b.points) }
    public static func * (a: Length, k: Double) -> Length { Length(points: a.points * k) }
    public static func * (k: Double, a: Length) -> Length { Length(points: a.points * k) }
    public static func / (a: Length, k: Double) -> Length { Length(points: a.points / k) }
    public static func / (a: Length, b: Length) -> Double { a.points / b.points }
    public static prefix func - (a: Length) -> Length { Length(points: -a.points) }
    public static func += (a: inout Length, b: Length) { a.points += b.points }
    public static func -= (a: inout Length, b: Length) { a.points -= b.points }

    /// Two decimals, as layout dumps print lengths.
    public var description: String {
        let rounded = (points * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

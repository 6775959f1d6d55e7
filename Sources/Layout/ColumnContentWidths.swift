import Geometry

/// The widths a table's columns need, and how a width is shared among them: browsers'
/// automatic table layout (CSS 2.1, 17.5.2.2, as every browser implements it).
struct ColumnContentWidths: Equatable {
    /// Per column, its widest run that cannot break: narrower, and a word would be cut.
    var minimum: [Length]
    /// Per column, its widest cell set on one line: wider only adds white.
    var preferred: [Length]

    /// Widths that fill `width`. Every column gets its preferred width when all fit, and the
    /// rest in proportion to it; else its minimum, and the rest in proportion to how much
    /// more it would like, so a column of short words keeps them whole beside a column of
    /// long sentences; and when even the minimums do not fit, shares in proportion to them.
    func shared(_ width: Length) -> [Length] {
        let preferredSum = preferred.reduce(.zero, +), minimumSum = minimum.reduce(.zero, +)
        if preferredSum <= width, preferredSum > .zero {
            return preferred.map { $0 + (width - preferredSum) * ($0 / preferredSum) }
        }
        if minimumSum <= width {
            let wants = zip(preferred, minimum).map { max(.zero, $0 - $1) }
            let wantSum = wants.reduce(.zero, +)
            guard wantSum > .zero else { return minimum.map { $0 + (width - minimumSum) / Double(minimum.count) } }
            return zip(minimum, wants).map { $0 + (width - minimumSum) * ($1 / wantSum) }
        }
        return minimum.map { width * ($0 / minimumSum) }
    }
}

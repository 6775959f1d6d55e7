import Geometry

/// Every dimension, font and colour of a design, resolved into one value.
///
/// Layout reads nothing else: changing the look of a digest means changing this value,
/// which is why it will be read from `Layouts/*.yaml` with no code change.
public struct LayoutSpec: Sendable, Equatable {
    public var name: String
    public var page: PageSpec
    public var fonts: FontFamilies
    public var colors: Palette
    public var text: TextSpec
    public var headings: [HeadingStyle]
    public var lists: ListStyle
    public var table: TableStyle
    public var callout: CalloutStyle
    public var timeline: TimelineStyle
    public var running: RunningStyle

    /// The style of body heading `level` (2…6); deeper levels share the last style.
    public func heading(level: Int) -> HeadingStyle {
        headings[min(max(level - 2, 0), headings.count - 1)]
    }
}

public struct PageSpec: Sendable, Equatable {
    public var size: Size
    public var margins: Insets
    public var columns: Int
    public var columnGap: Length
    /// A thin rule between columns.
    public var columnRule: Bool
    /// Space between a spanning element (article header) and the columns around it.
    public var spanGap: Length

    /// The area inside the margins.
    public var body: Rect {
        Rect(origin: .zero, size: size).inset(by: margins)
    }

    /// Width of one column.
    public var columnWidth: Length {
        (body.width - columnGap * Double(columns - 1)) / Double(columns)
    }
}

/// Font family lists in Pango's comma-separated form: the first family that has a glyph wins,
/// so each list names the fallbacks for other scripts explicitly (the font folder has no aliases).
public struct FontFamilies: Sendable, Equatable {
    public var body: String
    public var heading: String
    public var mono: String
}

public struct Palette: Sendable, Equatable {
    public var brand: Color
    public var accent: Color
    public var text: Color
    public var muted: Color
    public var rule: Color
    public var link: Color
    public var tableHeaderFill: Color
    public var tableZebraFill: Color
    /// Background tint and accent (bar, title) per callout kind name.
    public var calloutTint: [String: Color]
    public var calloutAccent: [String: Color]
}

public struct TextSpec: Sendable, Equatable {
    public var size: Length
    /// Baseline-to-baseline distance of body text.
    public var leading: Length
    public var justify: Bool
    public var paragraphSpacing: Length
    /// Space around lists, tables, callouts, figures, timelines.
    public var blockSpacing: Length
    public var smallSize: Length
    public var smallLeading: Length
}

public struct HeadingStyle: Sendable, Equatable {
    public var size: Length
    public var leading: Length
    public var spaceBefore: Length
    public var spaceAfter: Length
    public var color: Color
}

public struct ListStyle: Sendable, Equatable {
    /// Indent of each nesting level; deeper levels than listed repeat the last value.
    public var indent: Length
    /// Bullet glyph per level, cycling.
    public var bullets: [String]
    /// Numbering per level, cycling: `decimal`, `lower-alpha`, `lower-roman`.
    public var numbering: [String]
    public var itemSpacing: Length
    /// Nesting deeper than this is drawn at this depth, so text never runs out of width.
    public var maxIndentLevels: Int
}

public struct TableStyle: Sendable, Equatable {
    public var fontSize: Length
    public var leading: Length
    public var cellPadding: Length
    public var ruleWidth: Length
}

public struct CalloutStyle: Sendable, Equatable {
    public var padding: Length
    public var barWidth: Length
    /// Heading shown for each kind when the callout names no title of its own.
    public var labels: [String: String]
}

public struct TimelineStyle: Sendable, Equatable {
    /// Width of the date column.
    public var dateWidth: Length
    public var dotDiameter: Length
    public var ruleWidth: Length
}

public struct RunningStyle: Sendable, Equatable {
    public var fontSize: Length
    /// Distance from the top edge to the header's baseline, and from the bottom edge to the footer's.
    public var headerBaseline: Length
    public var footerBaseline: Length
}

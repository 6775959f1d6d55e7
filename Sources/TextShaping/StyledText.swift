import Geometry
import LayoutSpec
import PageModel

/// A font request: a family list, a size and a face.
public struct FontStyle: Hashable, Sendable {
    /// Pango family list, first match wins: "Noto Serif, Noto Serif Devanagari".
    public var family: String
    public var size: Length
    public var bold: Bool
    public var italic: Bool
    public init(family: String, size: Length, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
    }
}

/// A stretch of text in one style.
public struct TextSpan: Sendable, Equatable {
    public var text: String
    public var font: FontStyle
    public var color: Color
    /// Where a click on this text goes.
    public var link: Link.Target?
    public init(_ text: String, font: FontStyle, color: Color, link: Link.Target? = nil) {
        self.text = text; self.font = font; self.color = color; self.link = link
    }
}

public struct ParagraphStyle: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, justify, center, right }
    public var alignment: Alignment
    /// BCP 47 language of the text, for shaping and line-break rules.
    public var language: String
    public var lineBreaking: LineBreaking
    public init(alignment: Alignment, language: String, lineBreaking: LineBreaking = .optimal) {
        self.alignment = alignment; self.language = language; self.lineBreaking = lineBreaking
    }
}

/// One line of a paragraph as shaped: glyph runs on a baseline at y = 0, x from the left edge
/// of the paragraph's box.
public struct ShapedLine: Sendable, Equatable {
    public var runs: [GlyphRun]
    /// Height above and depth below the baseline of the line's tallest font.
    public var ascent: Length
    public var descent: Length
    /// Left edge and width of the ink-independent (logical) extent of the text.
    public var x: Length
    public var width: Length
    /// Clickable stretches of the line.
    public var links: [LinkSpan]
}

/// A horizontal stretch of a line that links somewhere.
public struct LinkSpan: Sendable, Equatable {
    public var x: Length
    public var width: Length
    public var target: Link.Target
}

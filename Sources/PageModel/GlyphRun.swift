import Geometry

/// A font file, identified by path and face index inside it.
public struct FontFace: Hashable, Sendable {
    public var file: String
    public var index: Int
    public init(file: String, index: Int = 0) { self.file = file; self.index = index }
}

/// Glyphs of one font and colour on one baseline, exactly as text shaping placed them.
///
/// The renderer draws these glyph ids at these positions, so what is printed is what layout
/// measured; `text` and `clusters` map glyphs back to characters so the PDF's text can be
/// copied and searched (Devanagari conjuncts included).
public struct GlyphRun: Sendable, Equatable {
    public var font: FontFace
    /// Em size in points.
    public var size: Length
    public var color: Color
    /// Start of the run's baseline on the page.
    public var origin: Point
    public var glyphs: [Glyph]
    /// The characters these glyphs show.
    public var text: String
    /// How `text`'s UTF-8 bytes map onto `glyphs`, in glyph order: for a backward run the
    /// first cluster holds the first glyphs and the last bytes of `text`.
    public var clusters: [Cluster]
    /// True when the clusters run backwards through the text (right-to-left runs).
    public var isBackward: Bool
    /// The run's advance width.
    public var width: Length

    public init(font: FontFace, size: Length, color: Color, origin: Point, glyphs: [Glyph],
                text: String, clusters: [Cluster], isBackward: Bool, width: Length) {
        self.font = font; self.size = size; self.color = color; self.origin = origin
        self.glyphs = glyphs; self.text = text; self.clusters = clusters
        self.isBackward = isBackward; self.width = width
    }

    /// The box a line of this run occupies: from ascent above to descent below the baseline,
    /// approximated from the em size (0.9 em up, 0.25 em down) for overlap checks.
    public var bounds: Rect {
        Rect(x: origin.x, y: origin.y - size * 0.9, width: width, height: size * 1.15)
    }
}

public struct Glyph: Sendable, Equatable {
    public var id: UInt32
    /// Offset of the glyph's origin from the run's origin.
    public var x: Length
    public var y: Length
    public init(id: UInt32, x: Length, y: Length) { self.id = id; self.x = x; self.y = y }
}

/// `byteCount` bytes of text shown by `glyphCount` glyphs.
public struct Cluster: Sendable, Equatable {
    public var byteCount: Int
    public var glyphCount: Int
    public init(byteCount: Int, glyphCount: Int) { self.byteCount = byteCount; self.glyphCount = glyphCount }
}

extension GlyphRun {
    /// The same run moved by `offset`.
    public func translated(by offset: Point) -> GlyphRun {
        var run = self
        run.origin = Point(x: origin.x + offset.x, y: origin.y + offset.y)
        return run
    }
}

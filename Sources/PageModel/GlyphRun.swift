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

/// One glyph of a run, by its index in the run's font.
///
/// Twelve bytes, not twenty-four: a 400-article digest holds millions of glyphs, all alive
/// until the pages are drawn. An offset from the run's origin is a few hundred points at
/// most, which a `Float` holds to a hundred-thousandth of a point.
public struct Glyph: Sendable, Equatable {
    public var id: UInt32
    private var storedX: Float
    private var storedY: Float
    /// Offset of the glyph's origin from the run's origin.
    public var x: Length {
        get { Length(points: Double(storedX)) }
        set { storedX = Float(newValue.points) }
    }
    public var y: Length {
        get { Length(points: Double(storedY)) }
        set { storedY = Float(newValue.points) }
    }
    public init(id: UInt32, x: Length, y: Length) {
        self.id = id; storedX = Float(x.points); storedY = Float(y.points)
    }
}

/// `byteCount` bytes of text shown by `glyphCount` glyphs. Stored in 32 bits each, as Pango
/// counts them, half the room of two `Int`s, for a value every run of non-Latin text holds
/// one of per word; signed, so that a renderer refuses a negative count rather than trap.
public struct Cluster: Sendable, Equatable {
    private var storedBytes: Int32
    private var storedGlyphs: Int32
    public var byteCount: Int {
        get { Int(storedBytes) }
        set { storedBytes = Int32(newValue) }
    }
    public var glyphCount: Int {
        get { Int(storedGlyphs) }
        set { storedGlyphs = Int32(newValue) }
    }
    public init(byteCount: Int, glyphCount: Int) { storedBytes = Int32(byteCount); storedGlyphs = Int32(glyphCount) }
}

extension GlyphRun {
    /// Calls `body` for each cluster in glyph order with the range of `text`'s UTF-8 bytes it
    /// shows and the range of `glyphs` that show it, both kept inside the run: a forward run
    /// walks its text from the start, a backward run from the end.
    public func forEachCluster(_ body: (_ bytes: Range<Int>, _ glyphs: Range<Int>) -> Void) {
        let byteCount = text.utf8.count
        var glyph = 0, start = 0, end = byteCount
        for cluster in clusters {
            let bytes: Range<Int>
            if isBackward { bytes = max(end - cluster.byteCount, 0)..<end; end = bytes.lowerBound }
            else { bytes = start..<min(start + cluster.byteCount, byteCount); start = bytes.upperBound }
            let first = min(glyph, glyphs.count)
            body(bytes, first..<max(first, min(glyph + cluster.glyphCount, glyphs.count)))
            glyph += cluster.glyphCount
        }
    }

    /// The same run moved by `offset`.
    public func translated(by offset: Point) -> GlyphRun {
        var run = self
        run.origin = Point(x: origin.x + offset.x, y: origin.y + offset.y)
        return run
    }
}

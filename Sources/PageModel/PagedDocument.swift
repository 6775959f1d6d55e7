import Geometry

/// The output of layout: pages of positioned items, ready for any renderer.
///
/// Pure data: a renderer draws it without knowing how it was laid out, and tests read it
/// to check positions without parsing a PDF.
public struct PagedDocument: Sendable, Equatable {
    public var pages: [Page]
    /// Bookmarks: sections → articles → headings.
    public var outline: [OutlineEntry]
    public var metadata: Metadata
    /// What the pages' content is and in which order it reads; pages join it through
    /// `PageItem.structure` marks. Only the root when the document is not tagged.
    public var structure: StructureTree

    public init(pages: [Page], outline: [OutlineEntry] = [], metadata: Metadata, structure: StructureTree = StructureTree()) {
        self.pages = pages; self.outline = outline; self.metadata = metadata; self.structure = structure
    }
}

public struct Metadata: Sendable, Equatable {
    public var title: String
    public var author: String?
    public var subject: String?
    public var keywords: [String]
    /// ISO 8601 (`2024-06-30T00:00:00Z`): never the clock, so output is reproducible.
    public var creationDate: String
    public var language: String
    public init(title: String, author: String?, subject: String?, keywords: [String],
                creationDate: String, language: String) {
        self.title = title; self.author = author; self.subject = subject
        self.keywords = keywords; self.creationDate = creationDate; self.language = language
    }
}

public struct OutlineEntry: Sendable, Equatable {
    public var title: String
    /// A named destination on some page (see `PageItem.anchor`).
    public var destination: String
    public var children: [OutlineEntry]
    public init(title: String, destination: String, children: [OutlineEntry] = []) {
        self.title = title; self.destination = destination; self.children = children
    }
}

public struct Page: Sendable, Equatable {
    public var size: Size
    /// Items in drawing order, in page coordinates (points, y down from the top edge).
    public var items: [PageItem]
    /// The page's label in a viewer (`/PageLabels`), its printed folio: `i`, `ii` in the front
    /// matter, `1`, `2` in the body. Nil leaves the viewer to count pages.
    public var label: String?
    public init(size: Size, items: [PageItem] = [], label: String? = nil) {
        self.size = size; self.items = items; self.label = label
    }
}

public enum PageItem: Sendable, Equatable {
    case text(GlyphRun)
    case rule(Rule)
    case box(Box)
    case image(PlacedImage)
    case link(Link)
    /// A named destination: links and outline entries jump here.
    case anchor(name: String, at: Point)
    /// A whole finished page drawn smaller (or larger) on this one: how handouts put pages
    /// on sheets without laying them out again.
    case placed(PlacedPage)
    /// Marks the items after it on the page, up to the next mark, as content of the element at
    /// this index of `PagedDocument.structure`, or as artifacts (running heads, rules, tints,
    /// repeated table headers) when nil. Each page starts in artifacts. Drawn in page order,
    /// the content of an element may be interrupted, and resumed on a later page.
    case structure(Int?)
    /// Text across the page that is not part of its text (see `Watermark`).
    case watermark(Watermark)
}

/// A finished page drawn on a sheet: moved to `origin`, scaled by `scale`, clipped to its
/// own size, so its text, rules and images stay vector and its text stays searchable.
///
/// The placed page's links and named destinations are not drawn: on a sheet of several pages
/// they would repeat names and point at pages that no longer exist.
public struct PlacedPage: Sendable, Equatable {
    public var page: Page
    /// Where the page's top-left corner lands on the sheet.
    public var origin: Point
    /// 1 keeps the page's size; 0.5 halves it.
    public var scale: Double
    /// How far past its edges the page may draw (in the page's own points): the bleed of a
    /// page printed with crop marks. Zero clips to the page.
    public var bleed = Length.zero
    public init(page: Page, origin: Point, scale: Double) {
        self.page = page; self.origin = origin; self.scale = scale
    }
}

/// A line of text drawn as filled outlines, turned and translucent, across a page.
///
/// Drawn as shapes rather than text, so copying, searching and `pdftotext` see only the
/// page's own words beneath it; translucent, so those words stay readable through it.
public struct Watermark: Sendable, Equatable {
    /// The line's glyph runs, their origins relative to `center` before the rotation: the
    /// line is centred on it.
    public var runs: [GlyphRun]
    /// The point of the page the line turns about.
    public var center: Point
    /// Rotation about `center` in radians; negative turns the line up to the right (y runs down).
    public var angle: Double
    /// 0 (invisible) to 1 (opaque).
    public var opacity: Double
    public init(runs: [GlyphRun], center: Point, angle: Double, opacity: Double) {
        self.runs = runs; self.center = center; self.angle = angle; self.opacity = opacity
    }
}

/// A straight line.
public struct Rule: Sendable, Equatable {
    public var from: Point
    public var to: Point
    public var width: Length
    public var color: Color
    public var dashed: Bool
    public init(from: Point, to: Point, width: Length, color: Color, dashed: Bool = false) {
        self.from = from; self.to = to; self.width = width; self.color = color; self.dashed = dashed
    }
}

/// A rectangle, ellipse or rounded rectangle, filled and/or stroked.
public struct Box: Sendable, Equatable {
    public enum Shape: Sendable, Equatable { case rectangle(cornerRadius: Length), ellipse }
    public var frame: Rect
    public var shape: Shape
    public var fill: Color?
    public var stroke: Color?
    public var strokeWidth: Length
    public init(frame: Rect, shape: Shape = .rectangle(cornerRadius: .zero), fill: Color?,
                stroke: Color? = nil, strokeWidth: Length = .zero) {
        self.frame = frame; self.shape = shape; self.fill = fill
        self.stroke = stroke; self.strokeWidth = strokeWidth
    }
}

public struct PlacedImage: Sendable, Equatable {
    /// `svg` is drawn as vector shapes; its pixel size is its own size in points, rounded.
    public enum Format: String, Sendable, Equatable { case png, jpeg, svg }
    public var path: String
    public var format: Format
    public var frame: Rect
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// Draw the picture's pixels in shades of gray (for handouts printed in black and white).
    public var grayscale = false
    public init(path: String, format: Format, frame: Rect, pixelWidth: Int, pixelHeight: Int) {
        self.path = path; self.format = format; self.frame = frame
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight
    }
}

/// A clickable area.
public struct Link: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case uri(String)
        /// A named destination in this document.
        case destination(String)
    }
    public var frame: Rect
    public var target: Target
    public init(frame: Rect, target: Target) { self.frame = frame; self.target = target }
}

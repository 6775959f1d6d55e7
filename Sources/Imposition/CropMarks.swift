import Geometry
import PageModel

extension Imposition {
    /// A page grown to carry trim marks: where the trimmed page and its bleed sit on it.
    public struct TrimmedSheet: Equatable, Sendable {
        /// The finished page after cutting, on the enlarged sheet (y down from the top).
        public var trim: Rect
        /// The trim box grown by the bleed: what may be printed past the cut.
        public var bleed: Rect
    }

    /// How far outside the bleed the trim marks start, and how long they are.
    public static let markOffset = Length.mm(2)
    public static let markLength = Length.mm(6)
    static let markWidth = Length.pt(0.25)

    /// Every page placed on a sheet larger by `bleed` plus room for trim marks on each side,
    /// with thin marks in the corners showing where to cut.
    ///
    /// The marks start `markOffset` outside the bleed, so no mark shows on a page cut
    /// anywhere within the bleed. A box that touches the page's edge (a cover band) is
    /// extended by `bleed` outwards, so a slightly misplaced cut leaves no white sliver.
    /// - Returns: the new document and, per page, its trim and bleed boxes for the PDF.
    public static func cropMarks(_ document: PagedDocument, bleed: Length)
        -> (document: PagedDocument, sheets: [TrimmedSheet])
    {
        let margin = bleed + markOffset + markLength
        var sheets: [TrimmedSheet] = []
        var pages: [Page] = []
        for page in document.pages {
            let trim = Rect(origin: Point(x: margin, y: margin), size: page.size)
            let bleedBox = Rect(x: trim.minX - bleed, y: trim.minY - bleed,
                                width: trim.width + bleed * 2, height: trim.height + bleed * 2)
            let sheetSize = Size(width: page.size.width + margin * 2, height: page.size.height + margin * 2)
            var bled = PlacedPage(page: extendedToBleed(page, by: bleed), origin: trim.origin, scale: 1)
            bled.bleed = bleed
            var items: [PageItem] = [.placed(bled)]
            items += navigation(of: page, origin: trim.origin, scale: 1)
            items += marks(around: trim, bleed: bleed)
            pages.append(Page(size: sheetSize, items: items))
            sheets.append(TrimmedSheet(trim: trim, bleed: bleedBox))
        }
        return (PagedDocument(pages: pages, outline: document.outline, metadata: document.metadata), sheets)
    }

    /// `page` with every box that reaches an edge pushed `bleed` past it; the placed page's
    /// own `bleed` lets it draw there.
    static func extendedToBleed(_ page: Page, by bleed: Length) -> Page {
        let size = page.size
        let near = Length.pt(0.5)
        let items = page.items.map { item -> PageItem in
            guard case .box(var box) = item, bleed > .zero else { return item }
            var frame = box.frame
            if frame.minX <= near { frame = Rect(x: frame.minX - bleed, y: frame.minY, width: frame.width + bleed, height: frame.height) }
            if frame.minY <= near { frame = Rect(x: frame.minX, y: frame.minY - bleed, width: frame.width, height: frame.height + bleed) }
            if frame.maxX >= size.width - near { frame.size.width += bleed }
            if frame.maxY >= size.height - near { frame.size.height += bleed }
            box.frame = frame
            return .box(box)
        }
        return Page(size: size, items: items)
    }

    /// Two short lines at each corner of `trim`, in line with its edges, outside the bleed.
    static func marks(around trim: Rect, bleed: Length) -> [PageItem] {
        let gap = bleed + markOffset
        var items: [PageItem] = []
        for x in [trim.minX, trim.maxX] {
            for (from, to) in [(trim.minY - gap - markLength, trim.minY - gap), (trim.maxY + gap, trim.maxY + gap + markLength)] {
                items.append(.rule(Rule(from: Point(x: x, y: from), to: Point(x: x, y: to), width: markWidth, color: .black)))
            }
        }
        for y in [trim.minY, trim.maxY] {
            for (from, to) in [(trim.minX - gap - markLength, trim.minX - gap), (trim.maxX + gap, trim.maxX + gap + markLength)] {
                items.append(.rule(Rule(from: Point(x: from, y: y), to: Point(x: to, y: y), width: markWidth, color: .black)))
            }
        }
        return items
    }
}

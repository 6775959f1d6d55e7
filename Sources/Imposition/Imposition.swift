import Geometry
import PageModel

/// Puts finished pages on printing sheets: two or four to a sheet, or in booklet order.
///
/// A stage after layout, never a second layout: each page is placed whole, scaled, on a sheet
/// (`PageItem.placed`), so what was laid out is exactly what prints. Links and named
/// destinations of the placed pages are moved onto the sheet, scaled with their page, so the
/// contents and the bookmarks still jump to the right place.
public enum Imposition {
    /// Two pages side by side on a landscape sheet, or four (two by two) on a portrait one.
    public enum Grid: Int, Sendable, CaseIterable {
        case twoUp = 2
        case fourUp = 4

        var columns: Int { 2 }
        var rows: Int { self == .twoUp ? 1 : 2 }
    }

    /// Space between neighbouring pages on an n-up sheet, and around the outside.
    public static let gutter = Length.mm(6)

    /// The sheet a grid uses for pages of `pageSize` when none is chosen: the page's own paper
    /// turned landscape for two up (A4 pages on A4 landscape), upright for four up.
    public static func defaultSheet(for grid: Grid, pageSize: Size) -> Size {
        grid == .twoUp ? landscape(pageSize) : portrait(pageSize)
    }

    /// `paper` turned to suit `grid`: landscape for two up, portrait for four up.
    public static func sheet(_ paper: Size, for grid: Grid) -> Size {
        grid == .twoUp ? landscape(paper) : portrait(paper)
    }

    /// The pages in reading order, `grid.rawValue` to a sheet: left to right, then top to
    /// bottom, each scaled to fit its cell and centred in it, with `gutter` between cells.
    ///
    /// The last sheet may hold fewer pages; its empty cells stay blank.
    /// - Parameter sheet: the sheet's size; `defaultSheet(for:pageSize:)` when nil.
    public static func nUp(_ document: PagedDocument, grid: Grid, sheet: Size? = nil) -> PagedDocument {
        guard let first = document.pages.first else { return document }
        let sheetSize = sheet ?? defaultSheet(for: grid, pageSize: first.size)
        let perSheet = grid.rawValue
        let cellWidth = (sheetSize.width - gutter * Double(grid.columns + 1)) / Double(grid.columns)
        let cellHeight = (sheetSize.height - gutter * Double(grid.rows + 1)) / Double(grid.rows)
        var sheets: [Page] = []
        for start in stride(from: 0, to: document.pages.count, by: perSheet) {
            var items: [PageItem] = []
            for (slot, page) in document.pages[start..<min(start + perSheet, document.pages.count)].enumerated() {
                let cell = Rect(x: gutter + (cellWidth + gutter) * Double(slot % grid.columns),
                                y: gutter + (cellHeight + gutter) * Double(slot / grid.columns),
                                width: cellWidth, height: cellHeight)
                items += place(page, centredIn: cell)
            }
            sheets.append(Page(size: sheetSize, items: items))
        }
        return PagedDocument(pages: sheets, outline: document.outline, metadata: document.metadata)
    }

    /// The pages as a saddle-stitched booklet: printed on both sides of sheets twice the
    /// page's width, folded in the middle and stapled on the fold.
    ///
    /// Blank pages pad the document to a multiple of four. Sheet sides come front, back,
    /// front, back…, each side a left and a right page (see `bookletOrder(pageCount:)`).
    /// - Parameter sheet: the sheet's size; two pages' width by one page's height when nil.
    ///   A chosen paper is turned landscape and the pages are scaled to fit its halves.
    public static func booklet(_ document: PagedDocument, sheet: Size? = nil) -> PagedDocument {
        guard let first = document.pages.first else { return document }
        let sheetSize = sheet.map(landscape) ?? Size(width: first.size.width * 2, height: first.size.height)
        let half = Size(width: sheetSize.width / 2, height: sheetSize.height)
        let sides = bookletOrder(pageCount: document.pages.count).map { side -> Page in
            var items: [PageItem] = []
            for (slot, index) in [side.left, side.right].enumerated() {
                guard let index, index < document.pages.count else { continue }
                let half = Rect(x: half.width * Double(slot), y: .zero, width: half.width, height: half.height)
                items += place(document.pages[index], centredIn: half, towardsFold: slot == 0 ? .right : .left)
            }
            return Page(size: sheetSize, items: items)
        }
        return PagedDocument(pages: sides, outline: document.outline, metadata: document.metadata)
    }

    /// One side of a booklet sheet: the pages (0-based) on its left and right halves, nil
    /// for a blank pad page.
    public struct BookletSide: Equatable, Sendable {
        public var left: Int?
        public var right: Int?
        public init(left: Int?, right: Int?) { self.left = left; self.right = right }
    }

    /// The order of pages on the sides of a booklet of `pageCount` pages: ⌈pageCount / 4⌉
    /// sheets, each a front and a back side.
    ///
    /// With `n` the page count rounded up to a multiple of four, sheet `i` (from 0) carries
    /// pages `n−1−2i` and `2i` on its front and `2i+1` and `n−2−2i` on its back: the
    /// outermost sheet holds the first and last pages, so the folded stack reads in order.
    /// Pages at `pageCount` or beyond are blank, and show as nil.
    public static func bookletOrder(pageCount: Int) -> [BookletSide] {
        guard pageCount > 0 else { return [] }
        let padded = (pageCount + 3) / 4 * 4
        func page(_ index: Int) -> Int? { index < pageCount ? index : nil }
        var sides: [BookletSide] = []
        for sheet in 0..<(padded / 4) {
            sides.append(BookletSide(left: page(padded - 1 - 2 * sheet), right: page(2 * sheet)))
            sides.append(BookletSide(left: page(2 * sheet + 1), right: page(padded - 2 - 2 * sheet)))
        }
        return sides
    }

    // MARK: - Placing one page

    enum Edge { case left, right }

    /// `page` scaled to fit `cell` and centred in it (or pushed against one edge: booklet
    /// pages meet at the fold), followed by its links and destinations moved onto the sheet.
    static func place(_ page: Page, centredIn cell: Rect, towardsFold edge: Edge? = nil) -> [PageItem] {
        let scale = min(cell.width / page.size.width, cell.height / page.size.height)
        let size = Size(width: page.size.width * scale, height: page.size.height * scale)
        var x = cell.minX + (cell.width - size.width) / 2
        if edge == .left { x = cell.minX }
        if edge == .right { x = cell.maxX - size.width }
        let origin = Point(x: x, y: cell.minY + (cell.height - size.height) / 2)
        return [.placed(PlacedPage(page: page, origin: origin, scale: scale))]
            + navigation(of: page, origin: origin, scale: scale)
    }

    /// The links and named destinations of `page` where they land on the sheet.
    static func navigation(of page: Page, origin: Point, scale: Double) -> [PageItem] {
        func map(_ point: Point) -> Point { Point(x: origin.x + point.x * scale, y: origin.y + point.y * scale) }
        return page.items.compactMap { item in
            switch item {
            case .link(var link):
                link.frame = Rect(origin: map(link.frame.origin),
                                  size: Size(width: link.frame.width * scale, height: link.frame.height * scale))
                return .link(link)
            case .anchor(let name, let point): return .anchor(name: name, at: map(point))
            default: return nil
            }
        }
    }

    static func landscape(_ size: Size) -> Size {
        size.width >= size.height ? size : Size(width: size.height, height: size.width)
    }

    static func portrait(_ size: Size) -> Size {
        size.width <= size.height ? size : Size(width: size.height, height: size.width)
    }
}

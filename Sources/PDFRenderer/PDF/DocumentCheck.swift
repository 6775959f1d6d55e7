import Geometry
import PageModel

/// Checks made before a file is touched, for problems cairo would not report or would
/// report without saying where.
enum DocumentCheck {
    /// Throws for a document without pages, a page without area, or a link or outline entry
    /// whose destination no anchor defines (cairo writes such links pointing nowhere).
    static func check(_ document: PagedDocument, path: String) throws {
        guard !document.pages.isEmpty else { throw RenderError.emptyDocument(path: path) }
        for (index, page) in document.pages.enumerated() {
            try checkSize(of: page, number: index + 1)
        }
        // Page by page: flattening every page's items first would copy the whole document.
        var anchors: Set<String> = []
        for page in document.pages {
            for case .anchor(let name, _) in page.items { anchors.insert(name) }
        }
        for (index, page) in document.pages.enumerated() {
            for case .link(let link) in page.items {
                if case .destination(let name) = link.target, !anchors.contains(name) {
                    throw RenderError.missingDestination(name: name, referencedBy: "link on page \(index + 1)")
                }
            }
        }
        try checkOutline(document.outline, anchors: anchors)
    }

    /// Throws unless both sides of `page` are positive, finite lengths.
    static func checkSize(of page: Page, number: Int) throws {
        let (width, height) = (page.size.width.points, page.size.height.points)
        guard width.isFinite, height.isFinite, width > 0, height > 0 else {
            throw RenderError.invalidPageSize(page: number, width: width, height: height)
        }
    }

    private static func checkOutline(_ entries: [OutlineEntry], anchors: Set<String>) throws {
        for entry in entries {
            guard anchors.contains(entry.destination) else {
                throw RenderError.missingDestination(
                    name: entry.destination, referencedBy: "outline entry '\(entry.title)'")
            }
            try checkOutline(entry.children, anchors: anchors)
        }
    }
}

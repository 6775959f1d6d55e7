import Layout
import PageModel

extension LayoutResult {
    /// The pages (0-based) showing article `slug`: from the page of its header to the page
    /// before the next article, section or quiz part begins — or to that page itself when the
    /// article's last lines sit above the next one's header there.
    ///
    /// Articles of a section follow one another in the columns, so the last page of one is
    /// often the first of the next; a section always opens on a new page. The starts are the
    /// anchors layout places at each header (`article-<slug>`, `section-<n>`, `practice`,
    /// `answers`).
    /// - Returns: nil for a slug that is not in the digest.
    func pages(ofArticle slug: String) -> ClosedRange<Int>? {
        guard let start = articlePages[slug] else { return nil }
        let articleAnchors = Set(articlePages.keys.map { "article-\($0)" })
        func beginsPart(_ name: String) -> Bool {
            articleAnchors.contains(name) || name == "practice" || name == "answers"
                || (name.hasPrefix("section-") && name.dropFirst("section-".count).allSatisfy(\.isNumber))
        }
        var own = 0.0
        var starts: [(page: Int, y: Double)] = []
        for (index, page) in document.pages.enumerated() {
            for case .anchor(let name, let point) in page.items where beginsPart(name) {
                if name == "article-\(slug)" { own = point.y.points } else { starts.append((index, point.y.points)) }
            }
        }
        let later = starts.filter { ($0.page, $0.y) > (start, own) }
        guard let next = later.min(by: { ($0.page, $0.y) < ($1.page, $1.y) }) else {
            return start...(document.pages.count - 1)
        }
        guard next.page > start else { return start...start }
        let tailAbove = placements.contains { placement in
            placement.page == next.page && placement.kind != .span && placement.kind != .space
                && placement.frame.minY.points < next.y
        }
        return start...(tailAbove ? next.page : next.page - 1)
    }
}

import Diagnostics
import DigestModel
import Foundation
import Geometry
import LayoutSpec
import PageModel
import TextShaping

/// What layout produced: the pages, what it had to warn about, and where every piece went.
public struct LayoutResult: Sendable {
    public var document: PagedDocument
    public var warnings: [Diagnostic]
    public var placements: [Placement]
    /// Page index (0-based) where each article starts, by slug.
    public var articlePages: [String: Int]
}

/// Lays a digest out as a finished document: cover, contents, a section opener and the
/// articles of each section in columns, practice questions and the answer key.
///
/// The contents lists page numbers it can only know after the body is laid out; it reserves
/// its own pages first, so laying the body out once is enough and the numbers are exact.
public enum DigestLayout {
    /// - Parameter hyphenator: English hyphenation patterns, used where the layout hyphenates.
    /// - Parameter helper: makes a second shaper, for composing articles on a second thread;
    ///   nil composes everything on this one. The output is the same either way.
    public static func layout(_ digest: Digest, spec: LayoutSpec, shaper: TextShaper, hyphenator: Hyphenator? = nil,
                              helper: ShaperFactory? = nil, creationDate: String? = nil) -> LayoutResult {
        let composer = BlockComposer(spec: spec, shaper: shaper, hyphenator: hyphenator,
                                     columnHeight: spec.page.body.height)
        let flows = ArticleFlows(jobs: articleJobs(digest), spec: spec, shaper: shaper, hyphenator: hyphenator,
                                 helper: helper)
        var articleIndex = 0
        let parts = DocumentParts(spec: spec, composer: composer, digest: digest)
        var paginator = Paginator(spec: spec)
        var outline: [OutlineEntry] = []
        var contents: [ContentsEntry] = []
        // The structure reads like the pages: the cover and the contents (laid out last, but
        // first in the tree), then a `Sect` per section holding a `Sect` per article.
        let coverElement = composer.element(.section)
        let contentsElement = composer.element(.section)

        for (index, section) in digest.sections.enumerated() where !section.articles.isEmpty {
            let anchor = "section-\(index + 1)"
            let sectionElement = composer.within(StructureTree.root) { composer.element(.section) }
            composer.structureParent = sectionElement
            paginator.startPage(section: section.name)
            let label = spec.strings.section.replacingOccurrences(of: "{number}", with: String(index + 1))
            paginator.placeSpan(parts.sectionBanner(label: label, title: section.name, anchor: anchor))
            contents.append(ContentsEntry(level: 0, title: section.name, destination: anchor))
            var articleEntries: [OutlineEntry] = []
            for article in section.articles {
                let articleAnchor = "article-\(article.slug)"
                composer.structureParent = composer.articleSection(under: sectionElement, language: article.language,
                                                                   digestLanguage: digest.language)
                contents.append(ContentsEntry(level: 1, title: article.title, destination: articleAnchor))
                // The header first, so its elements come before the body's in the structure tree.
                let header = parts.articleHeader(article, anchor: articleAnchor)
                let composed = flows.flow(at: articleIndex)
                articleIndex += 1
                let flow = composer.adopt(composed, under: composer.structureParent)
                let headings = composed.headings
                // The header stays with the article's first unit (a callout, say), or four
                // lines when that unit is taller than a page.
                let firstUnit = ColumnFiller(flow: flow).firstUnitHeight()
                let following = firstUnit < spec.page.body.height * 0.5 ? max(firstUnit, spec.text.leading * 4)
                    : spec.text.leading * 4
                paginator.placeSpan(header, following: following)
                composer.reportMissingGlyphs(at: article.location)
                paginator.placeColumns(flow, locate: { composer.blockLocations[$0] })
                articleEntries.append(OutlineEntry(
                    title: article.title, destination: articleAnchor,
                    children: headings.filter { $0.level == 2 }.map { OutlineEntry(title: $0.title, destination: $0.anchor) }))
            }
            outline.append(OutlineEntry(title: section.name, destination: anchor, children: articleEntries))
        }

        // Kept to the end of this function, so the helper's fonts are released on this thread.
        let helperTools = flows.finish()
        defer { withExtendedLifetime(helperTools) {} }

        if digest.collectsQuizzes, digest.articles.contains(where: { !$0.quiz.isEmpty }) {
            for part in [QuizPart.questions, .answers] {
                let title = part == .questions ? spec.strings.practice : spec.strings.answers
                let label = part == .questions ? spec.strings.practiceLabel : spec.strings.answersLabel
                composer.structureParent = composer.within(StructureTree.root) { composer.element(.section) }
                paginator.startPage(section: title)
                paginator.placeSpan(parts.sectionBanner(label: label, title: title, anchor: part.anchor))
                paginator.placeColumns(parts.quizFlow(part), locate: { composer.blockLocations[$0] })
                contents.append(ContentsEntry(level: 0, title: title, destination: part.anchor))
                outline.append(OutlineEntry(title: title, destination: part.anchor))
            }
        }

        var bodyPages = paginator.takePages()
        if digest.branding.hasAboutPage {
            bodyPages.append(parts.aboutPage(anchor: "about"))
            contents.append(ContentsEntry(level: 0, title: spec.strings.about, destination: "about"))
            outline.append(OutlineEntry(title: spec.strings.about, destination: "about"))
        }

        // Front matter: the cover and the contents, numbered i, ii, … apart from the body, whose
        // pages are numbered from 1; so the contents' numbers do not depend on its own length.
        let anchorPages = pageIndexByAnchor(bodyPages.map(\.items))
        let pageOf: (String) -> Int? = { anchorPages[$0].map { $0 + 1 } }
        composer.structureParent = contentsElement
        let contentsPages = parts.contentsPages(contents, pageNumbers: pageOf)
        let frontCount = 1 + contentsPages.count
        composer.structureParent = coverElement
        let cover = parts.cover(pageNumbers: pageOf)

        let bodyPageCount = bodyPages.count
        var drafts = [cover] + contentsPages
        drafts += bodyPages
        bodyPages = []  // the drafts hold the only copy of the pages' items from here on
        for index in drafts.indices {
            drafts[index].placements = drafts[index].placements.map { var p = $0; p.page = index; return p }
        }
        let running = RunningHeads(spec: spec, shaper: shaper, digest: digest)
        let watermark = WatermarkSetting.watermark(
            digest.branding.watermark ?? spec.watermark.text, style: spec.watermark, family: spec.fonts.heading,
            pageSize: spec.page.size, shaper: shaper, language: digest.language)
        var pages: [Page] = []
        pages.reserveCapacity(drafts.count)
        for index in drafts.indices {
            // Taken out of the draft, not copied: the pages would otherwise hold a second copy.
            var items = drafts[index].items
            drafts[index].items = []
            let folio = index < frontCount ? roman(index + 1) : String(index - frontCount + 1)
            if index > 0 {
                items.append(.structure(nil))
                items += running.items(pageNumber: index + 1, folio: folio, pageCount: bodyPageCount,
                                       section: drafts[index].section)
            }
            // Everything is laid out on right-hand margins; a left-hand page moves over to mirror them.
            if index % 2 == 1, spec.page.mirrorShift != .zero {
                items = items.map { $0.translated(by: Point(x: spec.page.mirrorShift, y: .zero)) }
            }
            // Last, so it lies over pictures and bands too; it is translucent.
            if let watermark { items += [.structure(nil), .watermark(watermark)] }
            pages.append(Page(size: spec.page.size, items: items, label: folio))
        }

        outline.insert(OutlineEntry(title: spec.strings.contents, destination: "contents"), at: 0)
        let document = PagedDocument(pages: pages, outline: outline,
                                     metadata: metadata(for: digest, spec: spec, creationDate: creationDate),
                                     structure: composer.structure)
        var articlePages: [String: Int] = [:]
        for article in digest.articles {
            if let page = anchorPages["article-\(article.slug)"] { articlePages[article.slug] = page + frontCount }
        }
        return LayoutResult(document: document, warnings: composer.warnings + paginator.warnings,
                            placements: drafts.flatMap(\.placements), articlePages: articlePages)
    }

    /// The page (0-based, within `pages`) holding each named anchor.
    static func pageIndexByAnchor(_ pages: [[PageItem]]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, items) in pages.enumerated() {
            for case .anchor(let name, _) in items where result[name] == nil { result[name] = index }
        }
        return result
    }

    /// What composing each article needs, in the order the loop above places them.
    private static func articleJobs(_ digest: Digest) -> [ArticleFlows.Job] {
        digest.sections.flatMap(\.articles).map { article in
            let blocks = digest.collectsQuizzes
                ? article.blocks.filter { if case .quiz = $0.content { false } else { true } } : article.blocks
            return ArticleFlows.Job(blocks: blocks, language: article.language, anchorPrefix: "article-\(article.slug)",
                                    location: article.location)
        }
    }

    static func metadata(for digest: Digest, spec: LayoutSpec, creationDate: String?) -> Metadata {
        Metadata(title: "\(digest.title) — \(digest.edition)", author: digest.publisher, subject: digest.edition,
                 keywords: digest.sections.filter { !$0.articles.isEmpty }.map(\.name),
                 creationDate: creationDate ?? editionDate(digest, months: spec.strings.months), language: digest.language)
    }

    /// A creation date that follows from the content, never the clock: the last day of the
    /// edition's month when the edition reads "June 2024" (in English or in the layout's
    /// `months`), else the newest article's date.
    static func editionDate(_ digest: Digest, months: [String] = []) -> String {
        let words = digest.edition.split(separator: " ")
        if words.count == 2, let year = Int(words[1]),
           let month = MonthNames.english.firstIndex(where: { $0.lowercased() == words[0].lowercased() })
               ?? months.firstIndex(where: { $0.lowercased() == words[0].lowercased() }) {
            let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return CalendarDate(year: year, month: month + 1, day: days[month]).description + "T00:00:00Z"
        }
        let newest = digest.articles.map(\.date).max() ?? CalendarDate(year: 2000, month: 1, day: 1)
        return newest.description + "T00:00:00Z"
    }
}

enum QuizPart {
    case questions, answers
    var anchor: String { self == .questions ? "practice" : "answers" }
}

struct ContentsEntry {
    var level: Int
    var title: String
    var destination: String
}

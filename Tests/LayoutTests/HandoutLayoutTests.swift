import DigestModel
import DigestReader
import Foundation
import Geometry
import LayoutSpec
import PageModel
import Testing
@testable import Layout

/// The handout assembly, checked on the positioned page tree.
@MainActor
@Suite struct HandoutLayoutTests {
    func handout(_ slugs: [String], answers: HandoutLayout.Answers = .end) throws -> (LayoutSpec, HandoutResult) {
        let reading = DigestReader.read(folder: sharedCorpus)
        let digest = try #require(reading.digest, "\(reading.diagnostics)")
        let articles = slugs.compactMap { slug in digest.articles.first { $0.slug == slug } }
        try #require(articles.count == slugs.count)
        let spec = bundledLayout("handout")
        return (spec, HandoutLayout.layout(articles, of: digest, spec: spec, shaper: sharedShaper, answers: answers))
    }

    static func texts(_ page: Page) -> String {
        page.items.compactMap { item -> String? in if case .text(let run) = item { run.text } else { nil } }
            .joined(separator: " ")
    }

    static func rules(_ page: Page) -> [Rule] {
        page.items.compactMap { item -> Rule? in if case .rule(let rule) = item { rule } else { nil } }
    }

    @Test func notesLinesRunToTheFootOfTheArticlesLastPage() throws {
        let (spec, result) = try handout(["heatwave-2024"])
        let pages = result.document.pages
        let notesPage = try #require(pages.firstIndex { Self.texts($0).contains("NOTES") })
        #expect(notesPage == pages.count - 2, "notes close the article, just before the answers")
        let body = spec.page.body
        let lines = Self.rules(pages[notesPage]).filter {
            $0.from.y == $0.to.y && $0.from.x == body.minX && $0.to.x == body.maxX && $0.from.y > body.minY
        }
        #expect(lines.count >= 3)
        let lowest = try #require(lines.map(\.from.y).max())
        let spacing = HandoutParts(spec: spec, composer: BlockComposer(spec: spec, shaper: sharedShaper, hyphenator: nil,
                                                                       columnHeight: body.height), language: "en").lineSpacing
        #expect(lowest <= body.maxY && lowest > body.maxY - spacing, "the last line is within one line of the foot")
        // Evenly spaced.
        let ys = lines.map(\.from.y).sorted()
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(abs((b - a).points - spacing.points) < 0.01) }
    }

    @Test func eachArticleStartsOnANewPageWithBlanksAndAnswersComeLast() throws {
        let (_, result) = try handout(["heatwave-2024", "gst-council-53rd-meeting"])
        let pages = result.document.pages
        let starts = pages.indices.filter { Self.texts(pages[$0]).contains("Name") }
        #expect(starts.count == 2)
        #expect(starts.first == 0)
        let key = try #require(pages.last)
        #expect(Self.texts(key).contains("Answer Key"))
        // Both articles' questions are answered in the key, and none of the articles' pages show answers.
        #expect(pages.filter { Self.texts($0).contains("Answer Key") }.count == 1)
        #expect(result.document.outline.map(\.destination)
                == ["article-heatwave-2024", "article-gst-council-53rd-meeting", "answers"])
    }

    @Test func separateAnswersHaveNoLinksIntoTheMissingArticles() throws {
        let (_, result) = try handout(["heatwave-2024"], answers: .separate)
        let key = try #require(result.answers)
        #expect(!result.document.pages.contains { Self.texts($0).contains("Answer Key") })
        for page in key.pages {
            for case .link(let link) in page.items {
                if case .destination(let name) = link.target { Issue.record("link to \(name) stays in the key") }
            }
        }
    }
}

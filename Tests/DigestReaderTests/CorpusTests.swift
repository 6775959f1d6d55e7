import Foundation
import Testing
import DigestModel
import DigestReader

/// The shared sample month (`../shared/corpus/2024-06`), read in place.
@Suite struct CorpusTests {
    let reading = DigestReader.read(folder: Paths.corpus)

    private func article(_ slug: String) throws -> Article {
        try #require(reading.digest?.articles.first { $0.slug == slug })
    }

    @Test func readsWithoutAnyDiagnostic() throws {
        #expect(reading.diagnostics.map(\.description) == [])
        let digest = try #require(reading.digest)
        #expect(digest.title == "Current Affairs Monthly")
        #expect(digest.edition == "June 2024")
        #expect(digest.publisher == "NewsCanvass Edu")
        #expect(digest.language == "en")
        #expect(digest.layout == "monthly")
        #expect(digest.collectsQuizzes)
        #expect(digest.folder == Paths.corpus)
    }

    @Test func sortsFourteenArticlesIntoTheSections() throws {
        let digest = try #require(reading.digest)
        #expect(digest.articles.count == 14)
        #expect(digest.sections.map(\.name) == [
            "National", "International Relations", "Economy", "Science and Technology",
            "Environment", "Sports",
        ])
        #expect(digest.sections.map(\.articles.count) == [3, 2, 2, 3, 2, 2])
        for section in digest.sections {
            #expect(section.articles.allSatisfy { $0.section == section.name })
            #expect(section.articles.map(\.date) == section.articles.map(\.date).sorted())
        }
        #expect(digest.sections[0].articles.map(\.slug) == [
            "lok-sabha-2024-results", "international-yoga-day-2024", "new-criminal-laws",
        ])
    }

    @Test func collectsFortyTwoQuestionsOfFourOptions() throws {
        let digest = try #require(reading.digest)
        let questions = digest.articles.flatMap(\.quiz)
        #expect(questions.count == 42)
        #expect(questions.allSatisfy { $0.options.count == 4 })
        #expect(questions.allSatisfy { $0.explanation != nil && (0..<4).contains($0.answer) })
        // Article.quiz holds exactly the questions of the article's quiz blocks.
        for article in digest.articles {
            let inBlocks = article.blocks.flatMap { block -> [QuizQuestion] in
                if case .quiz(let questions) = block.content { questions } else { [] }
            }
            #expect(inBlocks == article.quiz, "\(article.slug)")
        }
        let pact = try article("russia-north-korea-pact")
        #expect(pact.quiz[1].options[pact.quiz[1].answer].plainText == "1961")
    }

    @Test func russiaHistoryIsATimelineAndWiderAreasStaysAList() throws {
        let pact = try article("russia-north-korea-pact")
        let timelines = pact.blocks.compactMap { block -> [TimelineEvent]? in
            if case .timeline(let events) = block.content { events } else { nil }
        }
        #expect(timelines.count == 1)
        let events = try #require(timelines.first)
        #expect(events.map(\.when) == ["1950s–60s", "1961", "1991", "2000", "Mid-2000s", "2012", "2019"])
        #expect(events[1].what.plainText
            == "Signing of the original mutual defence treaty between the USSR and North Korea.")

        // "Wider Areas of Bilateral Cooperation": the bullet list right after its heading.
        let heading = try #require(pact.blocks.firstIndex {
            if case .heading(_, let text) = $0.content { text.plainText.hasPrefix("Wider Areas") } else { false }
        })
        let list = try #require(pact.blocks[(heading + 1)...].first {
            if case .list = $0.content { true } else { false }
        })
        guard case .list(let wider) = list.content else { return }
        #expect(wider.start == nil)
        #expect(wider.items.count == 5)
        guard case .paragraph(let first)? = wider.items.first?.first?.content else {
            Issue.record("first item is not a paragraph"); return
        }
        #expect(first.first == .strong([.text("Trade and Investment")]))
    }

    @Test func lokSabhaHasAFencedTimelineOfThirteenEvents() throws {
        let results = try article("lok-sabha-2024-results")
        let events = results.blocks.compactMap { block -> [TimelineEvent]? in
            if case .timeline(let events) = block.content { events } else { nil }
        }
        #expect(events.map(\.count) == [13])
        #expect(events.first?.first?.when == "2024-03-16")
        #expect(events.first?.last?.when == "2024-06-27")
        // The seats table (right-aligned last column), then the 31-row Union Cabinet.
        let tables = results.blocks.compactMap { block -> Table? in
            if case .table(let table) = block.content { table } else { nil }
        }
        #expect(tables.map(\.alignments) == [[.none, .none, .right], [.right, .none, .none, .none]])
        #expect(tables.map(\.rows.count) == [12, 31])
        #expect(tables.last?.header.map(\.plainText) == ["No.", "Minister", "Party", "Portfolio(s)"])
        #expect(tables.last?.rows.last?.first == [.text("30")])
    }

    @Test func hindiArticleHasItsLanguageAndDevanagariTimeline() throws {
        let yoga = try article("international-yoga-day-2024")
        #expect(yoga.language == "hi")
        #expect(try article("russia-north-korea-pact").language == "en")
        let events = try #require(yoga.blocks.lazy.compactMap { block -> [TimelineEvent]? in
            if case .timeline(let events) = block.content { events } else { nil }
        }.first)
        #expect(events.first?.when == "27 सितंबर 2014")
        #expect(events.allSatisfy { event in
            event.when.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }
        })
    }

    @Test func findsThreeImagesWithTheirPixelSizes() throws {
        let digest = try #require(reading.digest)
        let figures = digest.articles.flatMap { article in
            article.blocks.compactMap { block -> Figure? in
                if case .image(let figure) = block.content { figure } else { nil }
            }
        }
        let sizes = Dictionary(uniqueKeysWithValues: figures.map {
            (URL(fileURLWithPath: $0.path).lastPathComponent, [$0.pixelWidth, $0.pixelHeight])
        })
        #expect(sizes == [
            "lok-sabha-2024-seats.png": [800, 500],
            "repo-rate-2020-2024.png": [800, 440],
            "change6-mission-profile.png": [820, 460],
        ])
        #expect(figures.allSatisfy { $0.format == .png && $0.path.hasPrefix(Paths.corpus + "/images/") })
    }

    @Test func everyCalloutKindAppears() throws {
        let digest = try #require(reading.digest)
        var kinds: Set<Callout.Kind> = []
        for article in digest.articles {
            for block in article.blocks {
                if case .callout(let callout) = block.content { kinds.insert(callout.kind) }
            }
        }
        #expect(kinds == Set(Callout.Kind.allCases))
    }
}

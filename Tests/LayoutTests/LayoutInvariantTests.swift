import Foundation
import DigestModel
import DigestReader
import Geometry
import LayoutSpec
import PageModel
import Testing
@testable import Layout

/// Invariants that hold for every digest: checked on the positioned layout tree of the shared
/// sample month, the bundled example month and the hostile month of the test fixtures.
/// The months and layouts every invariant is checked on: three months in the base design,
/// and the shared month in every other shipped layout.
let invariantMonths: [Case] = [
    Case(folder: sharedCorpus, layout: "monthly"),
    Case(folder: repositoryRoot + "/Examples/2024-06", layout: "monthly"),
    Case(folder: repositoryRoot + "/Tests/Fixtures/hard-2024-07", layout: "monthly"),
    Case(folder: sharedCorpus, layout: "compact"),
    Case(folder: sharedCorpus, layout: "handout"),
    Case(folder: sharedCorpus, layout: "large-print"),
    Case(folder: sharedCorpus, layout: "print-bw"),
]

/// A month laid out in one layout.
struct Case: Sendable, CustomTestStringConvertible {
    var folder: String
    var layout: String
    var testDescription: String { "\(URL(fileURLWithPath: folder).lastPathComponent) in \(layout)" }
}

@MainActor
@Suite struct LayoutInvariantTests {

    func laidOut(_ month: Case) throws -> (Digest, LayoutResult) {
        let reading = DigestReader.read(folder: month.folder)
        let digest = try #require(reading.digest, "\(reading.diagnostics)")
        return (digest, DigestLayout.layout(digest, spec: bundledLayout(month.layout), shaper: sharedShaper))
    }

    @Test(arguments: invariantMonths)
    func everyPieceLiesInsideItsRegion(month: Case) throws {
        let (_, result) = try laidOut(month)
        for placement in result.placements {
            #expect(placement.region.contains(placement.frame, tolerance: .pt(0.5)),
                    "page \(placement.page + 1): \(placement.frame) outside \(placement.region)")
        }
    }

    @Test(arguments: invariantMonths)
    func noTextLeavesThePageOrLiesOnOtherText(month: Case) throws {
        let (_, result) = try laidOut(month)
        let spec = bundledLayout(month.layout)
        let paper = Rect(origin: .zero, size: spec.page.size)
        for (index, page) in result.document.pages.enumerated() {
            let runs = page.items.compactMap { item -> GlyphRun? in if case .text(let run) = item { run } else { nil } }
            for run in runs where !run.glyphs.isEmpty {
                #expect(paper.contains(run.bounds), "page \(index + 1): '\(run.text)' leaves the page")
            }
            let boxes = runs.filter { !$0.text.allSatisfy(\.isWhitespace) }.map { ($0.text, $0.bounds) }
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(!boxes[i].1.overlaps(boxes[j].1, tolerance: .pt(0.6)),
                            "page \(index + 1): '\(boxes[i].0)' overlaps '\(boxes[j].0)'")
                }
            }
        }
    }

    @Test(arguments: invariantMonths)
    func noHeadingEndsAColumn(month: Case) throws {
        let (_, result) = try laidOut(month)
        let offenders = result.placements.filter { $0.kind == .heading && $0.endsRegion }
        #expect(offenders.isEmpty, "headings ending a column on pages \(offenders.map { $0.page + 1 })")
    }

    @Test(arguments: invariantMonths)
    func everyWordOfEveryArticleIsPlacedInOrder(month: Case) throws {
        let (digest, result) = try laidOut(month)
        // Runs that follow each other on one baseline are one line: join them as they are, and
        // lines (or columns that happen to share a baseline) with a space.
        var pageText = ""
        var baseline: Length?
        var lineEnd: Length?
        for page in result.document.pages {
            for case .text(let run) in page.items {
                defer { lineEnd = run.origin.x + run.width }
                if run.origin.y == baseline, let lineEnd, abs((run.origin.x - lineEnd).points) > 1 { pageText += " " }
                // A line broken at a soft hyphen continues the word; any other line starts a word.
                if run.origin.y != baseline, pageText.last != "\u{00AD}" { pageText += " " }
                pageText += run.text
                baseline = run.origin.y
            }
        }
        // Soft hyphens mark where a word may break; the reader never sees them.
        let placed = words(pageText.replacingOccurrences(of: "\u{00AD}", with: ""))
        var cursor = placed.startIndex
        for article in digest.articles {
            for block in article.blocks {
                guard case .paragraph(let inlines) = block.content, !isRightToLeft(inlines.plainText) else { continue }
                // Words longer than a column are broken between characters, and lines with
                // right-to-left text hold their runs in visual order: neither compares word by word.
                for word in words(inlines.plainText) where word.count <= 25 {
                    guard let (found, count) = firstPlacement(of: word, in: placed, from: cursor) else {
                        Issue.record("'\(word)' of \(article.slug) is missing or out of order; placed text here: \(placed[max(cursor - 8, 0)..<min(cursor + 12, placed.count)].joined(separator: " "))")
                        return
                    }
                    cursor = found + count
                }
            }
        }
    }

    @Test(arguments: invariantMonths)
    func everyArticleStartsOnThePageTheLayoutReports(month: Case) throws {
        let (digest, result) = try laidOut(month)
        for article in digest.articles {
            let page = try #require(result.articlePages[article.slug])
            let anchors = result.document.pages[page].items.contains { item in
                if case .anchor(let name, _) = item { name == "article-\(article.slug)" } else { false }
            }
            #expect(anchors)
        }
        #expect(result.document.outline.flatMap(\.children).count == digest.articles.count)
    }

    /// Where `word` is next placed: as one word, or (a line broken after a dash inside it, as in
    /// "Russia–" / "North") as its two parts on consecutive lines. Returns the index and the
    /// number of placed words it takes.
    func firstPlacement(of word: String, in placed: [String], from start: Int) -> (Int, Int)? {
        let dashes = word.indices.filter { ["-", "–", "—", "/"].contains(word[$0]) && word.index(after: $0) < word.endIndex }
        for index in start..<placed.count {
            if placed[index] == word { return (index, 1) }
            for dash in dashes where index + 1 < placed.count {
                let cut = word.index(after: dash)
                if placed[index] == String(word[..<cut]), placed[index + 1] == String(word[cut...]) { return (index, 2) }
            }
        }
        return nil
    }

    func isRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0590...0x08FF).contains($0.value) || (0xFB1D...0xFEFC).contains($0.value) }
    }

    /// Words as the PDF's text layer would give them: split at spaces, punctuation kept.
    func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}

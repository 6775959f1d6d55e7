import Foundation
import Testing

/// Every failure the fuzz harness found, reduced to a few bytes and replayed through the
/// same checks: the reader, the layout and the renderer in this process, then a document
/// or located error diagnostics.
@MainActor
@Suite struct FuzzRegressionTests {
    /// A finding: what was mutated, and the body or `digest.yaml` that broke a promise.
    struct Finding: Sendable, CustomTestStringConvertible {
        var name: String
        /// Replaces the body of the example month's first article, when set.
        var body: String?
        /// Replaces the example month's `digest.yaml`, when set.
        var digestYAML: String?
        /// Whether the input must be refused (true) or laid out (false).
        var refused: Bool
        var testDescription: String { name }
    }

    nonisolated static let findings: [Finding] = [
        // Seed 20240601 input 59: cmark turns the reference into U+10FFFF, which Cairo
        // refuses as "not valid UTF-8" after layout: `gazette build` exited 70.
        Finding(name: "character reference to a noncharacter", body: "Text &#x10FFFF; here.\n", refused: true),
        // Input 2002: a heading with no text gave an outline entry with no anchor, and the
        // renderer refused the document (exit 70). The reader now leaves it out, with a warning.
        Finding(name: "empty heading", body: "#\n", refused: false),
        Finding(name: "heading holding only a comment", body: "## <!-- later -->\n\nText.\n", refused: false),
        // Inputs 722 and 1460: libyaml ends lines at U+2029, so errors after one pointed at
        // lines past the end of digest.yaml.
        Finding(name: "paragraph separators in digest.yaml",
                digestYAML: "# pasted\u{2029}\u{2029}\u{2029}\ntitle: T\nedition: June 2024\nsections: [National\n",
                refused: true),
        // Inputs 2484, 3674 and 3898: libyaml puts the end of a digest.yaml without a final
        // line end on a line after the last, so the error named a line the file lacks.
        Finding(name: "digest.yaml without a final line end",
                digestYAML: "title: T\nedition: June 2024\nsections: [National]\nq- [x] u", refused: true),
        // Input 9460 (the layout's, fixed there): each level of a block quote narrowed the
        // column by 12 pt with no cap, so 20 levels left almost no width (a long word then
        // took a line per letter: 72 s for 25 KB) and 25 a negative one (text unwrapped, off
        // the page). The checks include "no text past the page's edge".
        Finding(name: "quote nested 25 deep",
                body: String(repeating: "> ", count: 25) + "A short sentence, then a long word: "
                    + String(repeating: "y", count: 3_000) + "\n",
                refused: false),
        // Seed 20240601 input 298: an `about:` of thousands of characters ran past the foot of
        // the About page. What does not fit is now left off, with a warning.
        Finding(name: "About text longer than a page",
                digestYAML: "title: T\nedition: June 2024\npublisher: P\nsections: [National, International Relations, "
                    + "Economy, Science and Technology, Environment, Sports]\nabout: "
                    + String(repeating: "A sentence about the publisher that goes on. ", count: 400) + "\n",
                refused: false),
    ]

    @Test(arguments: findings)
    func findingStaysFixed(_ finding: Finding) throws {
        let runner = try FuzzRunner(shaper: sharedShaper, spec: monthlyLayout)
        defer { runner.cleanUp() }
        let month = runner.months[0]
        var article = month.articles[0]
        if let body = finding.body {
            article.bytes = Array(article.bytes[..<FuzzInput.frontMatterEnd(article.bytes)]) + Array(body.utf8)
        }
        let input = FuzzInput(seed: 0, index: 0, month: 0,
                              digestYAML: finding.digestYAML.map { Array($0.utf8) } ?? month.digestYAML,
                              articles: [article], mutated: finding.name)
        let outcome = try runner.run(input, render: true)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.layoutFlaws.isEmpty, "\(outcome.layoutFlaws)")
        #expect(outcome.laidOut == !finding.refused)
        #expect(outcome.seconds < 10)
    }
}

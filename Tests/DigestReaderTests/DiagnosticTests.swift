import Testing
import DigestModel
import DigestReader

/// Bad fixtures: every diagnostic as the exact printed line, `file:line:column` included.
@Suite struct DiagnosticTests {
    private static let unknownCallout = "expected note, summary, important, exam or fact"
    private static let quizShape = "start a question with 'Q: ', write its options as '- [ ] text' and one "
        + "'- [x] text', then an optional 'Explanation: ' line; separate questions with a blank line"
    private static let timelineShape = "write each entry as 'WHEN: what', e.g. '1961: The treaty is signed.'"

    @Test func missingDigestYAML() {
        let folder = Paths.fixture("no-digest-yaml")
        let reading = DigestReader.read(folder: folder)
        #expect(reading.digest == nil)
        #expect(reading.diagnostics.map(\.description) == [
            "\(folder)/digest.yaml: error: no digest.yaml in '\(folder)'; "
                + "create it with at least 'title:', 'edition:' and 'sections:'",
        ])
    }

    @Test func missingFolder() {
        let folder = Paths.fixture("no-such-digest")
        #expect(diagnostics(of: folder) == [
            "\(folder): error: no digest folder '\(folder)'; "
                + "give the path of a folder that holds digest.yaml and articles/",
        ])
    }

    @Test func trailingSlashIsNotDoubled() {
        let folder = Paths.fixture("no-digest-yaml")
        #expect(diagnostics(of: folder + "/").first?.hasPrefix(folder + "/digest.yaml: error:") == true)
    }

    @Test func yamlSyntaxErrorAtLibyamlPosition() {
        let folder = Paths.fixture("yaml-syntax")
        let reading = DigestReader.read(folder: folder)
        #expect(reading.digest == nil)
        // Only the syntax error: keys of unreadable YAML are not reported missing.
        #expect(reading.diagnostics.map(\.description) == [
            "\(folder)/digest.yaml:1:14: error: invalid YAML in digest.yaml: mapping values are not "
                + "allowed in this context; check the indentation, and quote values that contain ': ' "
                + "or start with a special character",
        ])
    }

    @Test func badDigestKeys() {
        let file = Paths.fixture("bad-keys") + "/digest.yaml"
        #expect(diagnostics(of: Paths.fixture("bad-keys")) == [
            "\(file):1:1: error: unknown key 'titel' in digest.yaml; did you mean 'title'?",
            "\(file):1:1: error: missing required key 'title' in digest.yaml; "
                + "add a line 'title: Current Affairs Monthly'",
            "\(file):3:11: error: invalid language tag 'english language'; "
                + "use a BCP 47 tag such as 'en', 'hi' or 'en-IN'",
            "\(file):4:1: error: unknown key 'colour' in digest.yaml; expected 'title', 'edition', "
                + "'publisher', 'language', 'layout', 'sections', 'quiz', 'watermark', 'logo', 'brand-color', 'copyright', 'about', 'contact', 'links' or 'highlights'",
            "\(file):8:5: error: duplicate section 'A' in digest.yaml; list every section once",
            "\(file):9:7: error: 'quiz' in digest.yaml must be true or false, not 'maybe'; "
                + "write 'quiz: true' or 'quiz: false'",
        ])
    }

    @Test func badFrontMatter() {
        let articles = Paths.fixture("bad-front-matter") + "/articles"
        let reading = DigestReader.read(folder: Paths.fixture("bad-front-matter"))
        #expect(reading.digest == nil)
        #expect(reading.diagnostics.map(\.description) == [
            "\(articles)/bad-date.md:3:7: error: invalid date '2024-02-30'; "
                + "write a real date as YYYY-MM-DD, e.g. 2024-06-19",
            "\(articles)/missing-key.md:1:1: error: missing required key 'date' in front matter; "
                + "add a line 'date: 2024-06-19'",
            "\(articles)/no-front-matter.md:1:1: error: no front matter; start the file with a '---' "
                + "line, then 'title: …', 'date: YYYY-MM-DD' and 'section: …' lines, then another '---' line",
            "\(articles)/other-section.md:4:10: error: unknown section 'Weather'; "
                + "use one of the sections in digest.yaml: 'National' or 'Sports'",
            "\(articles)/unknown-key.md:1:1: error: missing required key 'title' in front matter; "
                + "add a line 'title: Headline of the article'",
            "\(articles)/unknown-key.md:2:1: error: unknown key 'titel' in front matter; did you mean 'title'?",
            "\(articles)/unknown-key.md:5:1: error: unknown key 'auther' in front matter; expected 'title', "
                + "'date', 'section', 'tags', 'summary', 'source' or 'lang'",
            "\(articles)/unknown-section.md:4:10: error: unknown section 'Sport'; "
                + "did you mean 'Sports'? digest.yaml lists 'National' and 'Sports'",
            "\(articles)/unterminated.md:1:1: error: front matter is not closed; "
                + "add a line '---' after the last front matter key",
            "\(articles)/yaml-error.md:5:15: error: invalid YAML in front matter: mapping values are not "
                + "allowed in this context; check the indentation, and quote values that contain ': ' "
                + "or start with a special character",
        ])
    }

    @Test func unknownCalloutKinds() {
        let file = Paths.fixture("bad-body") + "/articles/callout.md"
        #expect(diagnostics(of: Paths.fixture("bad-body")).filter { $0.hasPrefix(file) } == [
            "\(file):7:5: error: unknown callout kind 'tip'; \(Self.unknownCallout)",
            "\(file):12:5: error: unknown callout kind 'Sumary'; did you mean 'summary'? \(Self.unknownCallout)",
            "\(file):16:7: error: unknown callout kind 'warning'; \(Self.unknownCallout)",
        ])
    }

    static let leftOut = "the question is left out of the article, the practice questions and the answer key"

    @Test func quizProblems() {
        let file = Paths.fixture("bad-body") + "/articles/quiz.md"
        #expect(diagnostics(of: Paths.fixture("bad-body")).filter { $0.hasPrefix(file) } == [
            "\(file):8:1: warning: question has no options; \(Self.leftOut); "
                + "add options as '- [ ] text' lines and tick the right one as '- [x] text'",
            "\(file):11:1: warning: question has no ticked option; \(Self.leftOut); mark the right answer as '- [x] text'",
            "\(file):18:1: warning: question has 2 ticked options; \(Self.leftOut); tick exactly one option with '[x]', the others '[ ]'",
            "\(file):20:1: warning: options without a 'Q:' line; \(Self.leftOut); write the question above them as 'Q: …'",
            "\(file):21:1: error: unexpected line 'This line is not part of any question.' in quiz; \(Self.quizShape)",
        ])
    }

    @Test func timelineLinesWithoutSeparator() {
        let file = Paths.fixture("bad-body") + "/articles/timeline.md"
        #expect(diagnostics(of: Paths.fixture("bad-body")).filter { $0.hasPrefix(file) } == [
            "\(file):9:1: error: timeline entry '1991 the union collapses' has no ': ' after its date; "
                + Self.timelineShape,
            "\(file):10:1: error: timeline entry ': an event with no date' has no date before ': '; "
                + Self.timelineShape,
            // Inside a block quote: the column counts the '> ' prefix.
            "\(file):14:3: error: timeline entry '2000 another missing colon' has no ': ' after its date; "
                + Self.timelineShape,
        ])
    }

    @Test func imageProblems() {
        let folder = Paths.fixture("bad-body")
        let file = folder + "/articles/images.md"
        #expect(diagnostics(of: folder).filter { $0.hasPrefix(file) } == [
            "\(file):7:1: error: image 'images/nowhere.png' not found; looked for "
                + "'\(folder)/articles/images/nowhere.png' and '\(folder)/images/nowhere.png'",
            "\(file):9:1: error: image path '../../secret.png' leaves the digest folder; "
                + "keep pictures inside '\(folder)', for example in its 'images' folder",
            "\(file):11:1: error: image path '/etc/hostname' is absolute; "
                + "use a path inside the digest folder, such as 'images/name.png'",
            "\(file):13:1: error: image 'images/notes.png' is not a PNG or JPEG file; convert it to PNG or JPEG",
            "\(file):15:1: error: image 'images/broken.png' is a damaged PNG file; export the picture again",
            "\(file):17:1: error: image 'https://example.org/map.png' is not a file in the digest folder; "
                + "save the picture in the digest's 'images' folder and write 'images/name.png'",
            "\(file):19:1: error: image '../images/gone.png' not found; looked for '\(folder)/images/gone.png'",
        ])
    }

    @Test func oneFileWithSeveralProblemsReportsAllInOrder() {
        let folder = Paths.fixture("bad-body")
        let file = folder + "/articles/several.md"
        #expect(diagnostics(of: folder).filter { $0.hasPrefix(file) } == [
            "\(file):3:7: error: invalid date '2024-13-01'; write a real date as YYYY-MM-DD, e.g. 2024-06-19",
            "\(file):4:10: error: unknown section 'Weather'; use one of the sections in digest.yaml: 'National'",
            "\(file):5:1: error: unknown key 'colour' in front matter; expected 'title', 'date', 'section', "
                + "'tags', 'summary', 'source' or 'lang'",
            "\(file):8:5: error: unknown callout kind 'tip'; \(Self.unknownCallout)",
            "\(file):11:1: error: image 'images/gone.png' not found; looked for "
                + "'\(folder)/articles/images/gone.png' and '\(folder)/images/gone.png'",
            "\(file):14:1: warning: question has no options; \(Self.leftOut); "
                + "add options as '- [ ] text' lines and tick the right one as '- [x] text'",
        ])
    }

    @Test func diagnosticsOfAllFilesAreSortedAndComplete() {
        let reading = DigestReader.read(folder: Paths.fixture("bad-body"))
        #expect(reading.digest == nil)
        let places = reading.diagnostics.compactMap(\.location)
        #expect(places.count == reading.diagnostics.count)
        #expect(places == places.sorted())
        // callout 3 + images 7 + quiz 5 + several 6 + timeline 3.
        #expect(reading.diagnostics.count == 24)
        #expect(Set(places.map(\.file)).count == 5)
    }
}

import Testing
import DigestModel
import Diagnostics
@testable import DigestReader

/// Gazette's Markdown conventions on small bodies, read without files around them.
@Suite struct ConventionTests {
    let folder = Paths.fixture("complete")

    /// Reads `markdown` as the body of `folder/articles/t.md`, as if after 5 lines of front matter.
    private func read(_ markdown: String) -> (blocks: [Block.Content], diagnostics: [String]) {
        let body = BodyReader.read(
            lines: markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            file: "t.md", lineOffset: 5,
            images: ImageResolver(folder: folder, articleDirectory: ["articles"]))
        return (body.blocks.map(\.content), body.diagnostics.map(\.description))
    }

    @Test func boldLabelsNeedADigitInEveryItem() {
        let mixed = read("- **1961**: treaty\n- **Later**: more\n")
        guard case .list(let list)? = mixed.blocks.first else { Issue.record("\(mixed)"); return }
        #expect(list.items.count == 2)

        let devanagari = read("- **२०२४**: चुनाव\n- **१९४७**: स्वतंत्रता\n")
        #expect(devanagari.blocks == [.timeline([
            TimelineEvent(when: "२०२४", what: [.text("चुनाव")]),
            TimelineEvent(when: "१९४७", what: [.text("स्वतंत्रता")]),
        ])])
    }

    @Test(arguments: [
        "- **1961:** colon inside the bold\n- **1991:** again\n",
        "1. **1961**: an ordered list\n2. **1991**: stays a list\n",
        "- **1961**: with details\n  - nested detail\n- **1991**: second\n",
        "- 1961: no bold label\n- 1991: at all\n",
    ])
    func listsThatAreNotTimelines(_ markdown: String) {
        let result = read(markdown)
        #expect(result.diagnostics == [])
        guard case .list? = result.blocks.first else {
            Issue.record("expected a list, got \(result.blocks)"); return
        }
    }

    @Test func timelineEventsKeepInlineMarkdown() {
        let result = read("```timeline\n  1961:   The [treaty](https://example.org) *is* signed.\n\n2024-06-19: `code`\n```\n")
        #expect(result.diagnostics == [])
        #expect(result.blocks == [.timeline([
            TimelineEvent(when: "1961", what: [
                .text("The "), .link(destination: "https://example.org", content: [.text("treaty")]),
                .text(" "), .emphasis([.text("is")]), .text(" signed."),
            ]),
            TimelineEvent(when: "2024-06-19", what: [.code("code")]),
        ])])
    }

    @Test func calloutTitlesAndKinds() {
        let result = read("> [!Important] **Read** this\n> Body line.\n\n> [!exam]\n> Only a body.\n\n> Just [!note] inside.\n")
        #expect(result.diagnostics == [])
        #expect(result.blocks == [
            .callout(Callout(kind: .important, title: [.strong([.text("Read")]), .text(" this")], blocks: [
                Block(.paragraph([.text("Body line.")]), at: .init(file: "t.md", line: 7, column: 3)),
            ])),
            .callout(Callout(kind: .exam, title: [], blocks: [
                Block(.paragraph([.text("Only a body.")]), at: .init(file: "t.md", line: 10, column: 3)),
            ])),
            .quote([Block(.paragraph([.text("Just [!note] inside.")]), at: .init(file: "t.md", line: 12, column: 3))]),
        ])
    }

    @Test func headingLevels() {
        let result = read("# One\n\n## Two\n\n###### Six\n\nSetext\n======\n")
        #expect(result.blocks == [
            .heading(level: 2, text: [.text("One")]), .heading(level: 2, text: [.text("Two")]),
            .heading(level: 6, text: [.text("Six")]), .heading(level: 2, text: [.text("Setext")]),
        ])
    }

    @Test func paragraphOfImagesOnlyBecomesFigures() {
        let result = read("![One](images/chart.png)\n![Two](images/photo.jpg)\n")
        #expect(result.diagnostics == [])
        #expect(result.blocks.count == 2)
        guard case .image(let second)? = result.blocks.last else { Issue.record("\(result)"); return }
        #expect(second.format == .jpeg && second.pixelWidth == 40 && second.pixelHeight == 30)
        #expect(second.caption == [.text("Two")])
    }

    @Test func imageInsideAListItemFollowsItsParagraph() {
        let result = read("- Look ![Dot](pics/dot.png) here\n- next\n")
        #expect(result.diagnostics == [
            "t.md:6:8: warning: image 'pics/dot.png' is inside text; it is placed after the block; "
                + "put the image in a paragraph of its own",
        ])
        guard case .list(let list)? = result.blocks.first else { Issue.record("\(result)"); return }
        #expect(list.items[0].count == 2)
        #expect(list.items[0].first?.content == .paragraph([.text("Look here")]))
        guard case .image(let figure)? = list.items[0].last?.content else { Issue.record("\(list)"); return }
        #expect(figure.path == folder + "/articles/pics/dot.png")
    }

    @Test func rawHTMLBlockBecomesTextWithAWarning() {
        let result = read("<div>\nhello\n</div>\n")
        #expect(result.blocks == [.paragraph([.text("<div>"), .softBreak, .text("hello"), .softBreak, .text("</div>")])])
        #expect(result.diagnostics == [
            "t.md:6:1: warning: raw HTML '<div>…' is shown as text; use Markdown instead (**bold**, *italic*, [link](url))",
        ])
    }

    @Test func htmlCommentsAreEditorsNotesAndLeaveNoTrace() {
        let result = read("<!-- check the figure with the desk -->\n\nText <!-- inline note --> here.\n")
        #expect(result.blocks == [.paragraph([.text("Text  here.")])])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func emptyConventionsWarn() {
        let result = read("```quiz\n```\n\n```timeline\n\n```\n")
        #expect(result.blocks == [])
        #expect(result.diagnostics == [
            "t.md:6:1: warning: empty quiz; add questions ('Q: …' with '- [ ]' options), or remove the block",
            "t.md:9:1: warning: empty timeline; add one 'WHEN: what' line per event, or remove the block",
        ])
    }

    @Test func quizInsideAListKeepsColumns() {
        let result = read("- item\n\n  ```quiz\n  Q: Which?\n  - [x] This\n  - [x] That\n  ```\n")
        #expect(result.diagnostics == [
            "t.md:11:3: warning: question has 2 ticked options; the question is left out of the article, the practice questions and the answer key; tick exactly one option with '[x]', the others '[ ]'",
        ])
    }

    @Test func quizQuestionsHaveTheirPlaces() {
        let result = read("```quiz\nQ: First `x`?\n- [ ] a\n- [x] *b*\n\nQ: Second?\n* [X] c\n+ [ ] d\n```\n")
        #expect(result.diagnostics == [])
        guard case .quiz(let questions)? = result.blocks.first else { Issue.record("\(result)"); return }
        #expect(questions.map(\.location.description) == ["t.md:7:1", "t.md:11:1"])
        #expect(questions.map(\.answer) == [1, 0])
        #expect(questions[0].prompt == [.text("First "), .code("x"), .text("?")])
        #expect(questions[0].options == [[.text("a")], [.emphasis([.text("b")])]])
        #expect(questions.allSatisfy { $0.explanation == nil })
    }
}

@Suite struct ValueTests {
    @Test func isoDates() {
        #expect(CalendarDate(iso: "2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        for bad in ["2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-6-1", "2024-06-19T10:00",
                    "19-06-2024", "2024-06-1x", "२०२४-०६-१९", ""] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "titel", in: ArticleReader.keys) == "title")
        #expect(Suggestion.closest(to: "Section", in: ArticleReader.keys) == "section")
        #expect(Suggestion.closest(to: "langauge", in: DigestSettings.keys) == "language")
        #expect(Suggestion.closest(to: "author", in: ArticleReader.keys) == nil)
        #expect(Suggestion.list(["a", "b", "c"]) == "'a', 'b' or 'c'")
    }

    @Test func languageTags() {
        #expect(["en", "hi", "en-IN", "zh-Hant-TW"].allSatisfy(LanguageTag.isValid))
        #expect(!["", "e", "english language", "en_IN", "en-", "हि"].contains(where: LanguageTag.isValid))
    }

    @Test func jpegHeaders() {
        func header(_ bytes: [UInt8]) -> Result<ImageHeader, ImageHeader.Failure> {
            ImageHeader.read { offset, count in Array(bytes.dropFirst(offset).prefix(count)) }
        }
        let soi: [UInt8] = [0xFF, 0xD8]
        let app1: [UInt8] = [0xFF, 0xE1, 0x00, 0x06, 1, 2, 3, 4]
        let dht: [UInt8] = [0xFF, 0xC4, 0x00, 0x07, 9, 9, 9, 9, 9]  // C4 is not a frame
        let sof2: [UInt8] = [0xFF, 0xC2, 0x00, 0x11, 8, 0x00, 0xC8, 0x01, 0x2C, 3] + Array(repeating: 0, count: 9)
        #expect(header(soi + app1 + [0xFF, 0xFF] + dht + sof2) == .success(ImageHeader(format: .jpeg, width: 300, height: 200)))
        #expect(header(soi + app1 + [0xFF, 0xDA, 0x00, 0x02]) == .failure(.damaged(.jpeg)))
        #expect(header(soi + [0xFF, 0xE0, 0x00, 0x40]) == .failure(.damaged(.jpeg)))  // truncated
        #expect(header(Array("GIF89a....".utf8)) == .failure(.unknownFormat))
        #expect(header(pngHeader(width: 0, height: 5)) == .failure(.damaged(.png)))
        #expect(header(pngHeader(width: 640, height: 480)) == .success(ImageHeader(format: .png, width: 640, height: 480)))
    }

    @Test func sourceTextLines() {
        guard case .text(let text) = SourceText.decode(Array("a\r\nb\rc\n\nd".utf8), file: "f") else {
            Issue.record("rejected"); return
        }
        #expect(text.lines == ["a", "b", "c", "", "d"])
    }

    /// The reader tests code points with comparisons instead of Unicode's property tables; for
    /// every scalar they must give the same answer as the tables.
    @Test func forbiddenCharactersAreExactlyControlsAndNoncharacters() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byTable = scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint
            let expected = byTable && scalar != "\t"
            if (ForbiddenCharacter.problem(scalar) != nil) != expected { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
        #expect(ForbiddenCharacter.problem("\u{1FFFE}") == "noncharacter U+1FFFE")
        #expect(ForbiddenCharacter.problem("\u{9F}") == "control character U+009F")
        #expect(ForbiddenCharacter.problem("\n", allowingLineEnds: true) == nil)
        #expect(ForbiddenCharacter.first(in: "caf\u{E9} \u{7F}")?.problem == "control character U+007F")
    }

    @Test func sourceTextCountsColumnsInCharactersAfterAByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Caf\u{E9} \u{1F4F0}\r\nnext ".utf8) + [0xEF, 0xB7, 0xAF]  // U+FDEF
        guard case .rejected(let diagnostic) = SourceText.decode(bytes, file: "f") else {
            Issue.record("accepted"); return
        }
        #expect(diagnostic.description
            == "f:2:6: error: noncharacter U+FDEF in text; remove it; it is not a character that can be printed")
        guard case .text(let text) = SourceText.decode(Array(bytes.dropLast(3)), file: "f") else {
            Issue.record("rejected"); return
        }
        #expect(text.lines == ["Caf\u{E9} \u{1F4F0}", "next "])
    }

    @Test func wholeFileLocationsPrintAsThePath() {
        #expect(SourceLocation(file: "x/digest.yaml").description == "x/digest.yaml")
        #expect(SourceLocation(file: "x/a.md", line: 3, column: 4).description == "x/a.md:3:4")
    }
}

import DigestModel
import Foundation
import Testing
@testable import Import

/// What each importer makes of the fixtures, compared as text with the expected Markdown.
@Suite struct ConversionTests {
    @Test func theSeedsPageTextBecomesAStructuredArticle() throws {
        var options = PageText.Options(section: "International Relations", date: CalendarDate(year: 2024, month: 6, day: 20))
        options.rules = .defaults
        let result = try PageText.read(file: "russia-north-korea.txt", data: Data(contentsOf: URL(fileURLWithPath: seedText)), options: options)
        try expectSame(result.article.markdown, as: "text/russia-north-korea-relations-strengthen.md")
        #expect(result.article.title == "Russia North Korea Relations Strengthen")
        #expect(result.siteName == "NewsCanvassEdu")
        #expect(result.article.notes.dropped == ["boilerplate line": 4, "repeated title": 1, "site name": 1])
        #expect(result.article.notes.guessed == ["timeline"])
        for line in ["Click here", "View All", "Discover all about", "To Download"] {
            #expect(!result.article.body.contains(line))
        }
    }

    @Test func everyPublishedJunePostOfTheExportBecomesTheExpectedMarkdown() throws {
        var options = WordPressExport.Options()
        june(&options)
        options.uploads = uploads
        let result = try WordPressExport.read(file: "site-export.xml", data: Data(contentsOf: URL(fileURLWithPath: wordPressExport)), options: options)
        #expect(result.articles.count == 12)
        #expect(result.sections == ["National", "Economy", "International Relations", "Science and Technology", "Environment", "Sports"])
        #expect(result.site.title == "The Civic Ledger")
        #expect(result.skipped == ["attachment": 1, "draft": 1, "nav_menu_item": 1, "outside the dates": 1, "page": 1, "wp_global_styles": 1])
        for article in result.articles {
            try expectSame(article.markdown, as: "wordpress/\(article.slug).md")
        }
        let messages = result.warnings.map(\.description)
        #expect(messages.contains { $0.hasPrefix("site-export.xml:") && $0.contains("warning: 'Placeholder: results to follow' has an empty body; it is not imported") })
        #expect(messages.contains { $0.contains("picture 'https://civic-ledger.example/wp-content/uploads/2024/06/bonn-sb60-plenary.png' in 'Bonn Climate Talks (SB60) End With the Finance Goal Still Open' is left out: no such file in the uploads folder") })
        #expect(messages.contains { $0.contains("picture '../../etc/passwd'") && $0.contains("points outside the folders import reads") })
        // The resized variant in the body is found as the original in the uploads folder.
        let kharif = try #require(result.articles.first { $0.slug == "kharif-msp-2024-25" })
        #expect(kharif.images.map(\.to) == ["images/kharif-msp-chart.png"])
        #expect(kharif.images.first?.from.hasSuffix("/uploads/2024/06/kharif-msp-chart.png") == true)
    }

    @Test func onlyPostsOfTheCategoriesAskedForAreTaken() throws {
        var options = WordPressExport.Options()
        june(&options)
        options.categories = ["economy", "Sports"]
        let result = try WordPressExport.read(file: "site-export.xml", data: Data(contentsOf: URL(fileURLWithPath: wordPressExport)), options: options)
        #expect(result.articles.map(\.slug) == ["rbi-monetary-policy-june-2024", "t20-world-cup-2024-final", "kharif-msp-2024-25"])
        #expect(result.sections == ["Economy", "Sports"])
        #expect(result.skipped["other categories"] == 10)
    }

    @Test func warningsPointAtTheLineOfTheExportThatHoldsThePicture() throws {
        var options = WordPressExport.Options()
        june(&options)
        options.uploads = uploads
        let result = try WordPressExport.read(file: wordPressExport, data: Data(contentsOf: URL(fileURLWithPath: wordPressExport)), options: options)
        let lines = try String(contentsOfFile: wordPressExport, encoding: .utf8).components(separatedBy: "\n")
        let missing = try #require(result.warnings.first { $0.message.contains("bonn-sb60-plenary.png") })
        #expect(lines[missing.line - 1].contains("bonn-sb60-plenary.png"), "line \(missing.line): \(lines[missing.line - 1])")
    }

    @Test func savedPagesOfTwoThemeShapesBecomeTheExpectedMarkdown() throws {
        var options = SavedPage.Options(today: CalendarDate(year: 2026, month: 1, day: 1))
        options.rules = .defaults
        let pages = ["Monsoon Session Opens - The Civic Ledger.html", "euro-2024-opener.html"].map { fixtures + "/saved-pages/" + $0 }
        let result = try SavedPage.read(files: pages, options: options)
        #expect(result.articles.map(\.slug) == ["monsoon-session-opens", "germany-5-1-scotland-hosts-run-riot-in-euro-2024-opener"])
        for article in result.articles { try expectSame(article.markdown, as: "saved-pages/\(article.slug).md") }
        let monsoon = result.articles[0], euro = result.articles[1]
        #expect(monsoon.date == CalendarDate(year: 2024, month: 6, day: 24))
        #expect(monsoon.section == "National")
        #expect(monsoon.tags == ["Parliament", "Lok Sabha"])
        #expect(monsoon.source == "https://civic-ledger.example/2024/06/24/monsoon-session-opens/")
        #expect(euro.date == CalendarDate(year: 2024, month: 6, day: 14))
        #expect(euro.source == "https://www.matchday-wire.example/football/euro-2024/germany-scotland-opener-report/")
        #expect(!euro.body.contains("Most read"))
        #expect(!euro.body.contains("cookies"))
        #expect(result.warnings.map(\.description).contains { $0.contains("euro-2024-opener.html:") && $0.contains("scotland-fans.jpg") })
    }

    @Test func aClassicEditorBodyGetsParagraphsFromBlankLines() throws {
        let result = try readExport(wxr(post("Plain", body: "First line\nsecond line.\n\nA new paragraph with <strong>bold</strong>.")))
        #expect(result.articles[0].body == "First line\\\nsecond line.\n\nA new paragraph with **bold**.")
        let windows = try readExport(wxr(post("Windows", body: "One.\r\n\r\nTwo.")))
        #expect(windows.articles[0].body == "One.\n\nTwo.")
    }

    @Test func shortcodesBecomeFiguresAndLinksOrGo() {
        let expansion = Shortcodes.expand("""
            [caption id="a" caption="Old &amp; style"]<img src="x.png">[/caption] [embed]https://v.example/1[/embed] \
            [gallery ids="1,2"] Text [sic] and [[caption]].
            """)
        #expect(expansion.html == """
            <figure class="wp-caption" data-caption="Old &amp;amp; style"><img src="x.png"></figure> \
            <figure class="wp-block-embed">https://v.example/1</figure>  Text [sic] and [caption].
            """)
        #expect(expansion.removed == ["gallery shortcode": 1])
    }

    @Test func listsWhoseItemsOpenWithADateLabelAreTimelinesAndOthersAreNot() throws {
        let result = try readExport(wxr(post("Lists", body: """
            <!-- wp:list --><ul><li><strong>1961:</strong> Treaty.</li><li><strong>2019</strong>: Summit.</li></ul><!-- /wp:list -->
            <!-- wp:list --><ul><li><strong>Trade:</strong> More.</li><li><strong>Water:</strong> Less.</li></ul><!-- /wp:list -->
            """)))
        #expect(result.articles[0].body == "- **1961**: Treaty.\n- **2019**: Summit.\n\n- **Trade**: More.\n- **Water**: Less.")
        #expect(result.articles[0].notes.guessed == ["timeline"])
    }

    @Test func headingsAreDemotedSoTheTitleStaysTheOnlyFirstLevel() throws {
        let result = try readExport(wxr(post("Title", body: "<h1>Title</h1><h3>Part</h3><p>Text.</p><h4>Sub</h4><p>More.</p>")))
        #expect(result.articles[0].body == "## Part\n\nText.\n\n### Sub\n\nMore.")
        #expect(result.articles[0].notes.dropped == ["repeated title": 1])
    }

    @Test func markdownCharactersInTheTextAreEscaped() throws {
        let result = try readExport(wxr(post("Escapes", body: "<p>2024. A *star* and [note] &lt;tag&gt;</p><p># not a heading</p>")))
        #expect(result.articles[0].body == "2024\\. A \\*star\\* and \\[note\\] \\<tag>\n\n\\# not a heading")
    }
}

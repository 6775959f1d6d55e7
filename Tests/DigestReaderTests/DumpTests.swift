import Testing
import DigestModel
import DigestReader

/// The `complete` fixture uses every construct of FORMAT.md once; its model is compared as a
/// tree dump.
@Suite struct DumpTests {
    let folder = Paths.fixture("complete")

    @Test func digestSettingsAndSectionOrder() throws {
        let digest = try #require(DigestReader.read(folder: folder).digest)
        #expect(digest.title == "Fixture Weekly")
        #expect(digest.edition == "May 2024")
        #expect(digest.publisher == "Gazette Test Desk")
        #expect(digest.language == "en-GB")
        #expect(digest.layout == "monthly")
        #expect(digest.collectsQuizzes)
        // Sections in digest.yaml's order (not alphabetical), an empty one kept; articles by
        // date, ties by slug (not by file order).
        #expect(digest.sections.map(\.name) == ["Beta", "Alpha", "Gamma"])
        #expect(digest.sections.map { $0.articles.map(\.slug) } == [
            ["beta-note"], ["zebra", "aardvark", "every-construct"], [],
        ])
        // Language: the article's own, else the digest's.
        #expect(digest.articles.map(\.language) == ["hi", "en-GB", "en-GB", "en"])
        #expect(digest.articles[0].title == "A Note: Quoted Titles Work")
        #expect(digest.articles[2].tags == [])
    }

    @Test func warnsAboutTheInlineImageAndRawHTML() {
        let file = folder + "/articles/every-construct.md"
        #expect(diagnostics(of: folder) == [
            "\(file):64:11: warning: image 'pics/dot.png' is inside text; it is placed after the block; "
                + "put the image in a paragraph of its own",
            "\(file):64:47: warning: raw HTML '<b>' is shown as text; "
                + "use Markdown instead (**bold**, *italic*, [link](url))",
            "\(file):64:55: warning: raw HTML '</b>' is shown as text; "
                + "use Markdown instead (**bold**, *italic*, [link](url))",
        ])
    }

    @Test func everyConstructArticle() throws {
        let digest = try #require(DigestReader.read(folder: folder).digest)
        let article = try #require(digest.articles.first { $0.slug == "every-construct" })
        #expect(article.location.description == folder + "/articles/every-construct.md:1:1")
        #expect(dump(article, relativeTo: folder) == #"""
        article 'every-construct' "River Ferry Service Resumes After Repairs" 2024-05-10 section "Alpha" lang en tags ["transport", "river", "2024"] summary "The ferry returns after a winter in dry dock." source "https://example.org/ferry" quiz 2
        ├─ paragraph @11:1
        │  ├─ text "The "
        │  ├─ strong
        │  │  └─ text "ferry"
        │  ├─ text " is "
        │  ├─ emphasis
        │  │  └─ text "back"
        │  ├─ text " with "
        │  ├─ code "route 7"
        │  ├─ text " and a "
        │  ├─ link "https://example.org/t"
        │  │  └─ text "timetable"
        │  ├─ text "."
        │  ├─ softBreak
        │  ├─ text "Line two follows a soft break."
        │  ├─ lineBreak
        │  └─ text "This line follows a hard break."
        ├─ heading @15:1 level 2
        │  └─ text "Repairs"
        ├─ heading @17:1 level 3
        │  └─ text "Engine work"
        ├─ list @19:1 ordered start 3
        │  ├─ item 1
        │  │  ├─ paragraph @19:4
        │  │  │  └─ text "Hull scraped"
        │  │  └─ list @20:4 bullet
        │  │     └─ item 1
        │  │        └─ paragraph @20:6
        │  │           └─ text "paint renewed"
        │  └─ item 2
        │     └─ paragraph @21:4
        │        └─ text "Engine rebuilt"
        ├─ list @23:1 bullet
        │  ├─ item 1
        │  │  └─ paragraph @23:3
        │  │     └─ text "plain item"
        │  └─ item 2
        │     └─ paragraph @24:3
        │        └─ text "another item"
        ├─ timeline @26:1
        │  ├─ event "१५ अगस्त १९४७"
        │  │  ├─ text "The first crossing ran on a "
        │  │  ├─ emphasis
        │  │  │  └─ text "national"
        │  │  └─ text " holiday."
        │  └─ event "1990s"
        │     └─ text "Service ran twice daily."
        ├─ list @29:1 bullet
        │  ├─ item 1
        │  │  └─ paragraph @29:3
        │  │     ├─ strong
        │  │     │  └─ text "Tickets"
        │  │     └─ text ": sold at the pier."
        │  └─ item 2
        │     └─ paragraph @30:3
        │        ├─ strong
        │        │  └─ text "Bikes"
        │        └─ text ": carried free."
        ├─ timeline @32:1
        │  ├─ event "2023-11-02"
        │  │  ├─ text "The ferry enters "
        │  │  ├─ strong
        │  │  │  └─ text "dry dock"
        │  │  └─ text "."
        │  └─ event "Spring 2024"
        │     └─ text "Sea trials: all passed."
        ├─ table @37:1 [left center right none]
        │  ├─ header
        │  │  ├─ cell
        │  │  │  └─ text "Stop"
        │  │  ├─ cell
        │  │  │  └─ text "Time"
        │  │  ├─ cell
        │  │  │  └─ text "Fare"
        │  │  └─ cell
        │  │     └─ text "Note"
        │  ├─ row 1
        │  │  ├─ cell
        │  │  │  └─ text "Quay"
        │  │  ├─ cell
        │  │  │  └─ text "08:00"
        │  │  ├─ cell
        │  │  │  └─ text "₹20"
        │  │  └─ cell
        │  │     └─ text "first"
        │  └─ row 2
        │     ├─ cell
        │     │  └─ text "Mill"
        │     ├─ cell
        │     │  └─ text "08:20"
        │     ├─ cell
        │     └─ cell
        ├─ code @42:1 "let fare = 20"
        ├─ code @46:5 "indented code"
        ├─ quote @48:1
        │  └─ paragraph @48:3
        │     └─ text "Plain quoted words."
        ├─ callout @50:1 note
        │  ├─ title
        │  │  ├─ text "Crew "
        │  │  └─ emphasis
        │  │     └─ text "changes"
        │  ├─ paragraph @51:3
        │  │  └─ text "A new captain joins."
        │  └─ list @53:3 bullet
        │     └─ item 1
        │        └─ paragraph @53:5
        │           └─ text "she has sailed for years"
        ├─ callout @55:1 fact
        │  └─ paragraph @56:3
        │     └─ text "Built in 1961."
        ├─ rule @58:1
        ├─ image @60:1 "images/chart.png" png 24x16
        │  └─ caption
        │     └─ text "Route map"
        ├─ image @62:1 "images/photo.jpg" jpeg 40x30
        │  └─ caption
        │     └─ text "Deck photo"
        ├─ paragraph @64:1
        │  └─ text "Café menu now open, <b>daily</b>."
        ├─ image @64:11 "articles/pics/dot.png" png 3x5
        │  └─ caption
        │     └─ text "Tiny dot"
        └─ quiz @66:1
           ├─ question @67:1
           │  ├─ prompt
           │  │  └─ text "When did the ferry enter dry dock?"
           │  ├─ option 1
           │  │  └─ text "2022"
           │  ├─ option 2 (answer)
           │  │  └─ text "2023"
           │  └─ explanation
           │     ├─ text "It went in on "
           │     ├─ emphasis
           │     │  └─ text "2 November"
           │     └─ text " 2023."
           └─ question @72:1
              ├─ prompt
              │  ├─ text "What is the "
              │  ├─ strong
              │  │  └─ text "fare"
              │  └─ text "?"
              ├─ option 1 (answer)
              │  └─ text "₹20"
              └─ option 2
                 └─ text "₹30"
        """#)
    }

    @Test func smallArticles() throws {
        let digest = try #require(DigestReader.read(folder: folder).digest)
        #expect(digest.articles.prefix(3).map { dump($0, relativeTo: folder) } == [
            #"""
            article 'beta-note' "A Note: Quoted Titles Work" 2024-05-20 section "Beta" lang hi quiz 0
            └─ paragraph @8:1
               └─ text "नमस्ते।"
            """#,
            #"""
            article 'zebra' "Zebra Crossings Repainted" 2024-05-01 section "Alpha" lang en-GB quiz 0
            └─ paragraph @7:1
               └─ text "The council repainted every crossing on the high street."
            """#,
            #"""
            article 'aardvark' "Aardvark Born at the Zoo" 2024-05-10 section "Alpha" lang en-GB quiz 0
            └─ paragraph @8:1
               └─ text "Keepers welcomed a healthy calf."
            """#,
        ])
    }
}

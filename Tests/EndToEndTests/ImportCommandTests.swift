import DigestModel
import DigestReader
import Foundation
import Testing
import TestSupport

let importFixtures = repositoryRoot + "/Tests/ImportTests/Fixtures"
let seedPageText = repositoryRoot + "/../shared/seed/russia-north-korea.txt"

/// `gazette import` as an editor runs it: the three sources into digest folders that
/// `check` accepts and `build` turns into a digest, and re-imports that keep the editor's edits.
@Suite(.serialized) struct ImportCommandTests {
    @Test func theSeedsPageTextBuildsIntoAnArticleWithItsStructureAndNoBoilerplate() throws {
        let folder = try temporaryFolder() + "/2024-06"
        let imported = try run(gazette(), ["import", "text", seedPageText, "--into", folder,
                                           "--section", "International Relations", "--date", "2024-06-20"])
        try #require(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("created: articles/russia-north-korea-relations-strengthen.md · International Relations · 461 words · 0 pictures · dropped 4 boilerplate lines, 1 repeated title, 1 site name; guessed timeline"))
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")

        let check = try run(gazette(), ["check", folder])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")

        // The article as the reader sees it: two numbered lists with their bullets, and the
        // historical background as a timeline of seven events.
        let digest = try #require(DigestReader.read(folder: folder).digest)
        let article = try #require(digest.articles.first)
        #expect(article.title == "Russia North Korea Relations Strengthen")
        let timelines: [[TimelineEvent]] = article.blocks.compactMap { if case .timeline(let events) = $0.content { events } else { nil } }
        #expect(timelines.map { $0.map(\.when) } == [["1950s–60s", "1961", "1991", "2000", "Mid-2000s", "2012", "2019"]])

        let pdf = folder + "/digest.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf])
        try #require(build.status == 0, "\(build.stderr)")
        let text = try run(tool("pdftotext"), [pdf, "-"]).stdout
        let flat = squeezed(text).replacingOccurrences(of: "\u{AD}", with: "")  // hyphenation points
        for phrase in ["Russia North Korea Relations Strengthen", "Key Features of the Russia-North Korea Pact",
                       "1. Mutual Military Support", "2. Technological Assistance",
                       "Both countries pledged to provide immediate military assistance",
                       "The agreement includes unspecified technological support",
                       "1. Security Concerns in East Asia", "3. Authoritarian Alignment",
                       "Historical Background of Russia North Korea Relations", "Conclusion"] {
            #expect(flat.contains(squeezed(phrase)), "'\(phrase)' in the PDF")
        }
        for boilerplate in ["To Download Monthly Current Affairs PDF", "Click here", "Discover all about CLAT", "View All"] {
            #expect(!text.contains(boilerplate), "'\(boilerplate)' left in the PDF")
        }
        // Drawn as a timeline: the seven labels in a column of their own, left of their text.
        let words = try readPages(pdf).flatMap(\.words)
        let labels = ["1950s–60s", "1961", "1991", "2000", "Mid-2000s", "2012", "2019"].filter { label in
            words.contains { $0.text == label }
        }
        let column = words.filter { ["1950s–60s", "Mid-2000s"].contains($0.text) }
        #expect(labels.count == 7)
        #expect(column.count == 2 && abs(column[0].xMin - column[1].xMin) < 0.5, "the labels share a column: \(column)")
        let signing = try #require(words.first { $0.text == "Signing" })
        let label1961 = try #require(words.first { $0.text == "1961" && abs($0.yMin - signing.yMin) < 2 })
        #expect(label1961.xMax < signing.xMin, "1961 sits left of its event")
    }

    @Test func aWordPressMonthImportsBuildsAndKeepsTheEditorsEdits() throws {
        let folder = try temporaryFolder() + "/2024-06"
        let arguments = ["import", "wordpress", importFixtures + "/wordpress/site-export.xml", "--month", "2024-06",
                         "--into", folder, "--uploads", importFixtures + "/wordpress/uploads"]

        let dry = try run(gazette(), arguments + ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would create: articles/kharif-msp-2024-25.md · Economy"))
        #expect(dry.stdout.contains("dry run: nothing written; 20 files would be written"))
        #expect(!FileManager.default.fileExists(atPath: folder))

        let first = try run(gazette(), arguments)
        try #require(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 12 articles into \(folder)/ (20 files written)"))
        #expect(first.stdout.contains("passed over: 1 attachment, 1 draft, 1 nav_menu_item, 1 outside the dates, 1 page, 1 wp_global_styles"))
        #expect(first.stderr.contains("site-export.xml:") && first.stderr.contains(": warning: picture 'https://civic-ledger.example/wp-content/uploads/2024/06/bonn-sb60-plenary.png'"))
        let images = try FileManager.default.contentsOfDirectory(atPath: folder + "/images").sorted()
        #expect(images == ["g7-apulia-outreach.jpg", "kharif-msp-chart.png", "nalanda-campus.jpg", "rbi-policy-rates.png",
                           "starship-flight4.png", "t20-final-bridgetown.jpg"])
        let yaml = try String(contentsOfFile: folder + "/digest.yaml", encoding: .utf8)
        #expect(yaml.contains("title: \"The Civic Ledger\"") && yaml.contains("edition: \"June 2024\""))

        let check = try run(gazette(), ["check", folder])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("12 articles in 6 sections, no errors"))
        let pdf = try temporaryFolder() + "/june.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf])
        try #require(build.status == 0, "\(build.stderr)")
        let text = squeezed(try run(tool("pdftotext"), [pdf, "-"]).stdout)
        let digest = try #require(DigestReader.read(folder: folder).digest)
        for article in digest.articles { #expect(text.contains(squeezed(article.title)), "\(article.title) in the PDF") }
        #expect(!text.contains(squeezed("Click here to get a free demo")))

        // The editor changes one article; a second import keeps it and touches nothing else.
        let edited = folder + "/articles/rbi-monetary-policy-june-2024.md"
        let mine = try String(contentsOfFile: edited, encoding: .utf8) + "\nAn editor's note.\n"
        try mine.write(toFile: edited, atomically: true, encoding: .utf8)
        let again = try run(gazette(), arguments)
        try #require(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("kept yours (edited since the last import): articles/rbi-monetary-policy-june-2024.md"))
        #expect(again.stdout.contains("unchanged: articles/kharif-msp-2024-25.md"))
        #expect(again.stdout.contains("(0 files written, 1 of yours kept)"))
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == mine)
    }

    @Test func savedPagesImportIntoAFolderThatChecks() throws {
        let folder = try temporaryFolder() + "/pages"
        let pages = ["Monsoon Session Opens - The Civic Ledger.html", "euro-2024-opener.html"].map { importFixtures + "/saved-pages/" + $0 }
        let imported = try run(gazette(), ["import", "html"] + pages + ["--into", folder, "--section", "National"])
        try #require(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("created: articles/monsoon-session-opens.md · National"))
        #expect(imported.stderr.contains("euro-2024-opener.html:") && imported.stderr.contains("scotland-fans.jpg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/images").sorted()
                == ["germany-celebrate.jpg", "parliament-house-1024x576.jpg"])
        let check = try run(gazette(), ["check", folder])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func badInputExitsOneAndWritesNothing() throws {
        let scratch = try temporaryFolder()
        try "<rss><channel><item>".write(toFile: scratch + "/cut.xml", atomically: true, encoding: .utf8)
        let cut = try run(gazette(), ["import", "wordpress", scratch + "/cut.xml", "--into", scratch + "/out"])
        #expect(cut.status == 1)
        #expect(cut.stderr.hasPrefix("\(scratch)/cut.xml:1:21: error: not well-formed XML"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out"))

        let july = try run(gazette(), ["import", "wordpress", importFixtures + "/wordpress/site-export.xml", "--month", "2024-07",
                                       "--into", scratch + "/out"])
        #expect(july.status == 1)
        #expect(july.stderr.contains("error: no published post to import in the dates asked for; its published posts are dated 2024-05-28 to 2024-06-30"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out"))

        // --strict: the export's warnings (a missing picture, an empty post) stop the import.
        let strict = try run(gazette(), ["import", "wordpress", importFixtures + "/wordpress/site-export.xml", "--month", "2024-06",
                                         "--into", scratch + "/out", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains(": error: 'Placeholder: results to follow' has an empty body; it is not imported"))
        #expect(strict.stderr.contains("with --strict; nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out"))

        // A digest of the editor's own that lacks the section: nothing is written.
        let own = scratch + "/own"
        #expect(try run(gazette(), ["new", own, "--sections", "Economy"]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: own + "/articles")
        let refused = try run(gazette(), ["import", "text", seedPageText, "--into", own, "--section", "World", "--date", "2024-06-20"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("digest.yaml: error: digest.yaml does not list the section 'World' that imported articles name"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: own + "/articles") == before)
        #expect(!FileManager.default.fileExists(atPath: own + "/import.yaml"))
    }
}

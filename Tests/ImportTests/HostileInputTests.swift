import DigestModel
import Foundation
import Testing
@testable import Import

/// Input from strangers: every case ends in a clear error or warning, never a crash, and
/// nothing outside the given files is read.
@Suite struct HostileInputTests {
    func failure(_ text: String, options: WordPressExport.Options = .init()) -> String? {
        do {
            _ = try readExport(text, options: options)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func xmlThatIsNotWellFormedIsAnErrorAtItsLineAndColumn() {
        #expect(failure("<rss><channel>\n<item><title>x</title></chan") ==
            "site.xml:2:29: error: not well-formed XML: Premature end of data in tag channel line 1; WordPress writes well-formed exports: export the site again from Tools → Export (a file cut short is the usual cause)")
    }

    @Test func aDocumentThatIsNotAWordPressExportIsSaidToBeOne() {
        #expect(failure("<html><body>hi</body></html>")?.hasPrefix("site.xml:1:1: error: not a WordPress export: the document is <html>, not an RSS channel") == true)
        #expect(failure("<rss><channel><title>Feed</title><item><title>a</title></item></channel></rss>")?
            .hasPrefix("site.xml:1:1: error: not a WordPress export: an RSS feed without WordPress's wp: fields") == true)
    }

    @Test func anExportWithNoPostInTheMonthSaysWhichDatesItHas() {
        var options = WordPressExport.Options()
        options.from = CalendarDate(year: 2024, month: 7, day: 1)
        options.to = CalendarDate(year: 2024, month: 7, day: 31)
        #expect(failure(wxr(post("June", body: "<p>x</p>")), options: options) ==
            "site.xml: error: no published post to import in the dates asked for; its published posts are dated 2024-06-10 to 2024-06-10; choose another --month, or --from and --to")
        #expect(failure(wxr(post("Draft", body: "<p>x</p>", status: "draft")))?.contains("it holds no published post at all") == true)
    }

    @Test func entitiesThatExpandABillionTimesStopWithAnError() throws {
        var prolog = "<!DOCTYPE rss [\n<!ENTITY a \"lol\">\n"
        for (name, previous) in zip("bcdefghij", "abcdefghi") {
            prolog += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        prolog += "]>\n"
        let message = try #require(failure(wxr(post("&j;", body: "x"), prolog: prolog)))
        #expect(message.contains("error: not well-formed XML: Detected an entity reference loop"), "\(message)")
    }

    @Test func anExternalEntityIsNeverRead() throws {
        let prolog = "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
        let result = try readExport(wxr(post("Leak &secret;", body: "Body"), prolog: prolog))
        let everything = result.articles.map(\.markdown).joined()
        #expect(!everything.contains("root:"))
        #expect(result.articles.map(\.title) == ["Leak"])
    }

    @Test func aPictureOutsideTheUploadsFolderIsRefused() throws {
        var options = WordPressExport.Options()
        options.uploads = uploads
        let result = try readExport(wxr(post("Paths", body: """
            <p>Text.</p><img src="../../etc/passwd"><img src="https://s.example/wp-content/uploads/../../../../etc/passwd">
            <img src="file:///etc/passwd">
            """)), options: options)
        #expect(result.articles[0].images.isEmpty)
        #expect(result.articles[0].body == "Text.")
        #expect(result.warnings.count == 3)
        #expect(result.warnings.allSatisfy { $0.message.contains("is left out") })
    }

    @Test func deeplyNestedHTMLIsReadWithoutOverflowingTheStack() throws {
        let deep = String(repeating: "<div>", count: 20_000) + "deep" + String(repeating: "</div>", count: 20_000)
        let result = try readExport(wxr(post("Deep", body: "<p>Start.</p>" + deep)))
        #expect(result.articles[0].body.hasPrefix("Start."))
    }

    @Test func invalidUTF8IsRepairedWithAWarningAtItsLine() throws {
        var data = Data(wxr(post("Bytes", body: "<p>caf\u{E9}</p>")).utf8)
        let bad = try #require(data.range(of: Data("caf".utf8)))
        data.replaceSubrange(bad.upperBound..<(bad.upperBound + 2), with: [0xE9])
        let result = try WordPressExport.read(file: "site.xml", data: data, options: .init())
        #expect(result.articles[0].body == "caf\u{FFFD}")
        #expect(result.warnings.map(\.description) == ["site.xml:6: warning: the file is not valid UTF-8 here (and perhaps elsewhere); the bad bytes became '\u{FFFD}'"])
    }

    @Test func controlCharactersAndTerminalColoursAreRemoved() throws {
        let result = try readExport(wxr(post("Controls", body: "<p>Red \u{1B}[31mtext\u{1B}[0m and a bell\u{07}.</p>")))
        #expect(result.articles[0].body == "Red text and a bell.")
        #expect(result.warnings.first?.message == "removed 3 control characters (the first on this line), which print cannot show")
    }

    @Test func aPostWithAnEmptyBodyIsLeftOutWithAWarning() throws {
        let result = try readExport(wxr(post("Empty", body: "<!-- wp:paragraph --><p> </p><!-- /wp:paragraph -->") + post("Full", body: "x")))
        #expect(result.articles.map(\.title) == ["Full"])
        #expect(result.warnings.map(\.description) == ["site.xml:6: warning: 'Empty' has an empty body; it is not imported"])
    }

    @Test func aFiftyMegabytePostIsAClearError() {
        let body = String(repeating: "<p>Filler paragraph of an enormous post.</p>\n", count: 1_200_000)
        let message = failure(wxr(post("Huge", body: body)))
        #expect(message?.hasPrefix("site.xml:") == true && message?.contains("error: not well-formed XML") == true, "\(message ?? "no error")")
    }
}

import Foundation
import Testing

extension ServeTests {
    /// An editor's whole errand in a real browser: find a problem, fix it, rebuild, download
    /// the PDF and a 2-up handout. A screenshot of each page is kept for a person to look at,
    /// in `$TMPDIR/gazette-serve-screenshots/`.
    @Suite struct InABrowser {
        /// Presses the button of the digest page's `form`, waits for the build's page to
        /// reload with the link (it follows the build's events), downloads `file`.
        /// - Returns: what `pdfinfo` says of the downloaded file.
        func build(in browser: Browser, form: String, file: String, screenshot: String) throws -> String {
            try browser.click("form[action='/d/2024-06/\(form)'] button")
            try browser.click("a.download[href='/d/2024-06/files/\(file)']", within: 60)
            try browser.screenshot(to: screenshot)
            return try pdfInfo(try Data(contentsOf: URL(fileURLWithPath: try browser.downloaded(file))))
        }

        @Test func anEditorFixesAProblemBuildsAndDownloads() throws {
            let server = try ServedRoot { folders in
                try folders.replace("section: Environment", with: "section: Weather", in: "articles/bonn-climate-talks-sb60.md")
            }
            let shots = NSTemporaryDirectory() + "gazette-serve-screenshots"
            try? FileManager.default.removeItem(atPath: shots)
            try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
            let downloads = server.outside + "/downloads"
            try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
            let browser = try Browser(downloads: downloads)

            try browser.open(server.origin + "/")
            #expect(try eventually { try browser.text().contains("1 error") || browser.text().contains("being checked") })
            try browser.screenshot(to: shots + "/1-home.png")
            try browser.click("a[href='/d/2024-06']")
            try browser.element("ul.problems")
            #expect(try browser.text().contains("2024-06/articles/bonn-climate-talks-sb60.md:4:10 error: unknown section 'Weather'"))
            try browser.screenshot(to: shots + "/2-digest-with-a-problem.png")

            // The problem's link opens the article at its line; the editor fixes it there.
            try browser.click("a.place")
            try browser.element("textarea")
            #expect(try browser.run("const t = document.querySelector('textarea'); return t.value.substring(0, t.selectionStart).split('\\n').length;") as? Int == 4,
                    "the text area's cursor is on line 4")
            try browser.screenshot(to: shots + "/3-edit-at-the-line.png")
            _ = try browser.run("const t = document.querySelector('textarea'); t.value = t.value.replace('section: Weather', 'section: Environment');")
            try browser.click("form.edit button")
            #expect(try eventually { try browser.text().contains("Saved.") })
            #expect(try String(contentsOfFile: server.month + "/articles/bonn-climate-talks-sb60.md", encoding: .utf8)
                .contains("section: Environment"))

            try browser.open(server.origin + "/d/2024-06")
            #expect(try browser.text().contains("None: the digest builds."))
            try browser.screenshot(to: shots + "/4-digest-fixed.png")
            let info = try build(in: browser, form: "build", file: "2024-06.pdf", screenshot: shots + "/5-build-done.png")
            #expect(info.contains("Pages:           25"), "\(info)")
            try browser.open(server.origin + "/d/2024-06")
            let handout = try build(in: browser, form: "handout", file: "2024-06-handout.pdf", screenshot: shots + "/6-handout-done.png")
            #expect(handout.contains("Page size:       841.89 x 595.276 pts (A4)"), "2 up: \(handout)")

            try browser.open(server.origin + "/d/2024-06/preview?page=3")
            #expect(try browser.run("const i = document.querySelector('img.page'); return i.complete && i.naturalWidth;") as? Int == 794)
            try browser.screenshot(to: shots + "/7-preview.png")
        }
    }
}

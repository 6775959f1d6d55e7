import Foundation
import Testing

extension ServeTests {
    /// An editor's whole errand in a real browser: find a problem, fix it, rebuild, download
    /// the PDF and a 2-up handout. A screenshot of each page is kept for a person to look at,
    /// in `$TMPDIR/gazette-serve-screenshots/`.
    @Suite struct InABrowser {
        @Test func anEditorFixesAProblemBuildsAndDownloads() throws {
            let server = try ServedRoot { folders in
                let article = folders.root + "/2024-06/articles/bonn-climate-talks-sb60.md"
                let text = try String(contentsOfFile: article, encoding: .utf8)
                    .replacingOccurrences(of: "section: Environment", with: "section: Weather")
                try text.write(toFile: article, atomically: true, encoding: .utf8)
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
            try browser.click("form[action='/d/2024-06/build'] button")
            // The page follows the build's events and reloads with the link when it is done.
            try browser.click("a.download[href='/d/2024-06/files/2024-06.pdf']", within: 60)
            try browser.screenshot(to: shots + "/5-build-done.png")
            let pdf = try browser.downloaded("2024-06.pdf")
            let info = try pdfInfo(try Data(contentsOf: URL(fileURLWithPath: pdf)))
            #expect(info.contains("Pages:           25"), "\(info)")

            try browser.open(server.origin + "/d/2024-06")
            try browser.click("form[action='/d/2024-06/handout'] button")
            try browser.click("a.download[href='/d/2024-06/files/2024-06-handout.pdf']", within: 60)
            try browser.screenshot(to: shots + "/6-handout-done.png")
            let handout = try browser.downloaded("2024-06-handout.pdf")
            let handoutInfo = try pdfInfo(try Data(contentsOf: URL(fileURLWithPath: handout)))
            #expect(handoutInfo.contains("Page size:       841.89 x 595.276 pts (A4)"), "2 up: \(handoutInfo)")

            try browser.open(server.origin + "/d/2024-06/preview?page=3")
            #expect(try browser.run("const i = document.querySelector('img.page'); return i.complete && i.naturalWidth;") as? Int == 794)
            try browser.screenshot(to: shots + "/7-preview.png")
        }
    }
}

import Foundation
import Testing
import TestSupport

extension ServeTests {
    /// The home page and a digest's page.
    @Suite struct Pages {
        @Test func theHomePageListsEachDigestWithItsCounts() throws {
            let server = try ServedRoot { folders in
                // A folder without digest.yaml is no digest; a hidden one is never listed.
                try FileManager.default.createDirectory(atPath: folders.root + "/notes", withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: exampleMonth, toPath: folders.root + "/.old-month")
            }
            let home = try server.send("GET", "/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.text.contains("<a href=\"/d/2024-06\">The Monthly Brief</a>"))
            #expect(home.text.contains("<td>June 2024</td><td class=\"number\">10</td><td>never</td>"))
            #expect(!home.text.contains("notes"))
            #expect(!home.text.contains(".old-month"))
            // The problems come from a check queued by the first visit.
            let checked = try eventually { try server.send("GET", "/").text.contains("<td class=\"problems\">none</td>") }
            #expect(checked)
        }

        @Test func aDigestWhoseArticlesHaveErrorsKeepsItsTitle() throws {
            let server = try ServedRoot { folders in
                try folders.replace("> [!fact]", with: "> [!tip]", in: "articles/euro-2024-group-stage.md")
            }
            let home = try server.send("GET", "/")
            #expect(home.text.contains("<a href=\"/d/2024-06\">The Monthly Brief</a>"), "\(home.text)")
            #expect(home.text.contains("<td>June 2024</td><td class=\"number\">–</td>"), "\(home.text)")
            let page = try server.send("GET", "/d/2024-06")
            #expect(page.text.contains("<h1>The Monthly Brief <span class=\"edition\">June 2024</span></h1>"), "\(page.text)")
            #expect(page.text.contains("<h2>Article files</h2>"))
        }

        @Test func aDigestPageShowsItsSectionsArticlesAndLayouts() throws {
            let server = try ServedRoot()
            let page = try server.send("GET", "/d/2024-06")
            #expect(page.status == 200)
            let text = page.text
            #expect(text.contains("<h3>National</h3>"))
            #expect(text.contains("<a href=\"/d/2024-06/edit/articles/spacex-starship-flight-4.md\">Starship&#39;s Fourth Flight Ends with Two Controlled Splashdowns</a></td><td>2024-06-06</td>"))
            #expect(text.contains("None: the digest builds."))
            #expect(text.contains("<option value=\"monthly\" selected>monthly</option>"))
            #expect(text.contains("<option value=\"compact\">compact</option>"))
            #expect(text.contains("<a href=\"/d/2024-06/preview?page=12\">page 12</a>"), "the article's first page in the preview")
        }

        @Test func aDigestPageShowsItsProblemsLinkedToTheirLines() throws {
            let server = try ServedRoot { folders in
                try folders.replace("section: Environment", with: "section: Weather", in: "articles/bonn-climate-talks-sb60.md")
            }
            let page = try server.send("GET", "/d/2024-06")
            #expect(page.status == 200)
            let text = page.text
            #expect(text.contains("<a class=\"place\" href=\"/d/2024-06/edit/articles/bonn-climate-talks-sb60.md?line=4\">2024-06/articles/bonn-climate-talks-sb60.md:4:10</a>"),
                    "\(text)")
            #expect(text.contains("unknown section &#39;Weather&#39;"))
            #expect(!text.contains(server.root), "the server's own path is never shown")
            // With an error the digest has no sections; its files can still be opened.
            #expect(text.contains("<a href=\"/d/2024-06/edit/articles/bonn-climate-talks-sb60.md\">bonn-climate-talks-sb60.md</a></td><td class=\"number warn\">1</td>"))
        }

        @Test func aChangeOnDiskIsAnnouncedWithinASecond() throws {
            let server = try ServedRoot()
            let page = try server.send("GET", "/d/2024-06")
            let marker = "<div data-changes=\""
            let start = try #require(page.text.range(of: marker))
            let address = String(page.text[start.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            #expect(address.hasPrefix("/d/2024-06/changes?since="))
            let article = server.month + "/articles/kharif-msp-2024-25.md"
            let saved = Date()
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) {
                try? (String(contentsOfFile: article, encoding: .utf8) + "\nA new line.\n").write(toFile: article, atomically: true, encoding: .utf8)
            }
            let events = try server.send("GET", address)
            #expect(events.text.contains("event: changed\ndata: "), "\(events.text)")
            #expect(Date().timeIntervalSince(saved) < 2.5, "announced within a second of the save")
            let fresh = try server.send("GET", "/d/2024-06")
            #expect(!fresh.text.contains(address.replacingOccurrences(of: "&", with: "&amp;")), "the page names the new state")
        }

        @Test func titlesAreEscaped() throws {
            let server = try ServedRoot { folders in
                try folders.replace("title: The Monthly Brief", with: "title: \"<script>alert(1)</script> & Co\"", in: "digest.yaml")
            }
            for path in ["/", "/d/2024-06"] {
                let page = try server.send("GET", path)
                #expect(page.status == 200)
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
                #expect(!page.text.contains("<script>alert"))
            }
        }
    }
}

/// Asks `condition` every tenth of a second until it holds, for at most `seconds`.
func eventually(within seconds: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if try condition() { return true }
        usleep(100_000)
    } while Date() < deadline
    return false
}

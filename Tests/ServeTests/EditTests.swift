import Foundation
import Testing

extension ServeTests {
    /// The edit page: save atomically, keep the previous version, never overwrite a file
    /// that changed on disk.
    @Suite struct Editing {
        static let article = "articles/spacex-starship-flight-4.md"
        static let address = "/d/2024-06/edit/" + article

        @Test func theEditPageHoldsTheFileEscapedAndItsHash() throws {
            let server = try ServedRoot()
            let page = try server.send("GET", Self.address + "?line=5")
            #expect(page.status == 200)
            let original = try String(contentsOfFile: server.month + "/" + Self.article, encoding: .utf8)
            #expect(page.text.contains("data-line=\"5\">\n---\ntitle: Starship&#39;s Fourth Flight"), "\(page.text)")
            #expect(page.text.contains(escaped(original) + "</textarea>"))
            #expect(try hiddenHash(page).count == 16)
        }

        @Test func aSaveReplacesTheFileAndKeepsThePreviousVersion() throws {
            let server = try ServedRoot()
            let path = server.month + "/" + Self.article
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let hash = try hiddenHash(try server.send("GET", Self.address))
            // As a browser sends a text area: lines ended by CR LF.
            let edited = original.replacingOccurrences(of: "controlled splashdowns", with: "gentle splashdowns")
            let saved = try server.post(Self.address, form: [("hash", hash), ("text", edited.replacingOccurrences(of: "\n", with: "\r\n"))])
            #expect(saved.status == 303)
            #expect(saved.header("Location") == Self.address + "?saved=1")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == edited, "saved with the file's own line ends")
            let history = server.month + "/.gazette/history/" + Self.article
            let versions = try FileManager.default.contentsOfDirectory(atPath: history)
            #expect(versions.count == 1)
            #expect(try String(contentsOfFile: history + "/" + versions[0], encoding: .utf8) == original)
            let names = try FileManager.default.contentsOfDirectory(atPath: server.month + "/articles")
            #expect(!names.contains { $0.hasSuffix(".tmp") })
            #expect(try server.send("GET", saved.header("Location") ?? "").text.contains("Saved."))
        }

        @Test func aSaveOverAFileChangedOnDiskIsRefusedAndShowsBoth() throws {
            let server = try ServedRoot()
            let path = server.month + "/" + Self.article
            let hash = try hiddenHash(try server.send("GET", Self.address))
            // Meanwhile someone else saves the file (a text editor, git pull).
            let theirs = try String(contentsOfFile: path, encoding: .utf8) + "\nTheir <new> paragraph.\n"
            try theirs.write(toFile: path, atomically: true, encoding: .utf8)
            let mine = "---\ntitle: Mine\n---\n\nMy <own> text.\n"
            let refused = try server.post(Self.address, form: [("hash", hash), ("text", mine)])
            #expect(refused.status == 409)
            #expect(refused.text.contains("Their &lt;new&gt; paragraph."), "the version on disk")
            #expect(refused.text.contains(escaped(mine) + "</textarea>"), "the editor's own text, to save again")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs, "the file on disk is untouched")
            let history = server.month + "/.gazette/history/" + Self.article
            let kept = try FileManager.default.contentsOfDirectory(atPath: history)
            #expect(kept.count == 1 && kept[0].contains("-unsaved"), "\(kept)")
            #expect(try String(contentsOfFile: history + "/" + kept[0], encoding: .utf8) == mine)
            // Saving again from the conflict page, with its hash, goes through.
            let again = try server.post(Self.address, form: [("hash", try hiddenHash(refused)), ("text", mine)])
            #expect(again.status == 303)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == mine)
        }

        @Test func onlyTheDigestsTextFilesCanBeEdited() throws {
            let server = try ServedRoot()
            #expect(try server.send("GET", "/d/2024-06/edit/digest.yaml").status == 200)
            #expect(try server.send("GET", "/d/2024-06/edit/images/logo.svg").status == 404)
            #expect(try server.send("GET", "/d/2024-06/edit/articles").status == 404)
            #expect(try server.send("GET", "/d/2024-06/edit/articles/missing.md").status == 404)
            #expect(try server.post("/d/2024-06/edit/articles/new.md", form: [("hash", ""), ("text", "x")]).status == 404)
            #expect(!FileManager.default.fileExists(atPath: server.month + "/articles/new.md"))
        }
    }

    /// Page pictures from the PDF's drawing code, kept for each state of the files.
    @Suite struct Previews {
        @Test func pagesArePNGsCachedUntilAFileChanges() throws {
            let server = try ServedRoot()
            let page = try server.send("GET", "/d/2024-06/preview?page=3")
            #expect(page.status == 200)
            #expect(page.text.contains("<img class=\"page\" src=\"/d/2024-06/pages/3.png\""))
            #expect(page.text.contains("<a rel=\"prev\" href=\"/d/2024-06/preview?page=2\">"))
            #expect(page.text.contains("<a rel=\"next\" href=\"/d/2024-06/preview?page=4\">"))
            #expect(page.text.contains("src=\"/d/2024-06/pages/25.png?size=thumbnail\""), "a thumbnail of every page")
            #expect(page.text.contains("page 3 of 25"))
            let png = try server.send("GET", "/d/2024-06/pages/3.png")
            #expect(png.status == 200)
            #expect(png.header("Content-Type") == "image/png")
            #expect(png.body.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(pngSize(png.body) == [794, 1123], "A4 at 96 dpi")
            let thumbnail = try server.send("GET", "/d/2024-06/pages/3.png?size=thumbnail")
            #expect(pngSize(thumbnail.body) == [198, 281], "A4 at 24 dpi")
            let tag = try #require(png.header("ETag"))
            #expect(try server.send("GET", "/d/2024-06/pages/3.png", headers: ["If-None-Match": tag]).status == 304)
            let kept = try FileManager.default.contentsOfDirectory(atPath: server.month + "/.gazette/previews")
            #expect(kept.count == 1)
            // A save makes a new state: a new tag, drawn anew, the old pictures removed.
            let article = server.month + "/articles/kanchenjunga-express-collision.md"
            try (try String(contentsOfFile: article, encoding: .utf8) + "\nOne more line.\n").write(toFile: article, atomically: true, encoding: .utf8)
            let redrawn = try server.send("GET", "/d/2024-06/pages/3.png", headers: ["If-None-Match": tag])
            #expect(redrawn.status == 200)
            #expect(redrawn.header("ETag") != tag)
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.month + "/.gazette/previews") != kept)
        }

        @Test func pagesPastTheEndAreNotFound() throws {
            let server = try ServedRoot()
            for path in ["/d/2024-06/pages/0.png", "/d/2024-06/pages/26.png", "/d/2024-06/pages/x.png",
                         "/d/2024-06/pages/3.jpg", "/d/2024-06/preview?page=26"] {
                #expect(try server.send("GET", path).status == 404, "\(path)")
            }
        }
    }
}

/// The value of the edit form's hidden `hash` field.
func hiddenHash(_ page: HTTP.Reply) throws -> String {
    let marker = "<input type=\"hidden\" name=\"hash\" value=\""
    let start = try #require(page.text.range(of: marker))
    return String(page.text[start.upperBound...].prefix { $0 != "\"" })
}

/// `text` as the server escapes it.
func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

/// Width and height from a PNG's IHDR chunk.
func pngSize(_ data: Data) -> [Int] {
    guard data.count > 24 else { return [] }
    let bytes = [UInt8](data.prefix(24))
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    return [width, height]
}

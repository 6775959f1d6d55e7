import Foundation
import Testing

extension ServeTests {
    /// Importing an uploaded file from the digest page.
    @Suite struct Importing {
        static let pageText = """
            Monsoon Arrives Early in Kerala

            The south-west monsoon reached the Kerala coast two days ahead of its normal date, the weather \
            office said on Thursday. Farmers welcomed the early rain.

            Sowing of kharif crops is expected to pick up across the south in the coming weeks.

            """

        @Test func anUploadedPageTextBecomesAnArticle() throws {
            let server = try ServedRoot()
            let started = try server.upload(fields: [("kind", "text"), ("section", "Environment"), ("date", "2024-06-20")],
                                            file: ("file", "../../monsoon notes.txt", Data(Self.pageText.utf8)))
            let (page, _) = try server.finishedBuild(started)
            #expect(page.text.contains("<p class=\"status\">done</p>"), "\(page.text)")
            #expect(page.text.contains("created: articles/monsoon-arrives-early-in-kerala.md · Environment"), "\(page.text)")
            #expect(!page.text.contains(server.root), "the report names the digest, not the server's path")
            let article = try String(contentsOfFile: server.month + "/articles/monsoon-arrives-early-in-kerala.md", encoding: .utf8)
            #expect(article.contains("date: 2024-06-20"))
            let uploads = try FileManager.default.contentsOfDirectory(atPath: server.month + "/.gazette/uploads")
            #expect(uploads.count == 1 && uploads[0].hasSuffix("-monsoon-notes.txt"), "kept under a safe name: \(uploads)")
            #expect(!FileManager.default.fileExists(atPath: server.outside + "/monsoon notes.txt"))
            let digest = try server.send("GET", "/d/2024-06")
            #expect(digest.text.contains("Monsoon Arrives Early in Kerala"))
        }

        @Test func aFailedImportShowsItsReport() throws {
            let server = try ServedRoot()
            let started = try server.upload(fields: [("kind", "wordpress"), ("month", "2024-06")],
                                            file: ("file", "export.xml", Data("<not a wordpress export/>".utf8)))
            let (page, _) = try server.finishedBuild(started)
            #expect(page.text.contains("failed: the import stopped"), "\(page.text)")
            #expect(page.text.contains("<pre class=\"log\">"), "\(page.text)")
        }

        @Test func onlyTheImportsFileKindsAreTaken() throws {
            let server = try ServedRoot()
            for (kind, name) in [("text", "notes.exe"), ("wordpress", "export.txt"), ("html", "page.xml"), ("text", ".txt")] {
                let reply = try server.upload(fields: [("kind", kind)], file: ("file", name, Data("x".utf8)))
                #expect(reply.status == (name == ".txt" ? 303 : 415), "\(kind) \(name)")
            }
            #expect(try server.upload(fields: [("kind", "pdf")], file: ("file", "a.pdf", Data("x".utf8))).status == 400)
            let plain = try server.post("/d/2024-06/import", form: [("kind", "text")])
            #expect(plain.status == 415)
        }

        @Test func anUploadLargerThanTheLimitIsRefused() throws {
            let server = try ServedRoot()
            let huge = Data(repeating: 0x61, count: 21 * 1024 * 1024)
            let reply = try server.upload(fields: [("kind", "text")], file: ("file", "huge.txt", huge))
            #expect(reply.status == 413)
            #expect(!FileManager.default.fileExists(atPath: server.month + "/.gazette/uploads"))
        }

        @Test func anUploadFromAnotherSiteIsRefused() throws {
            let server = try ServedRoot()
            let reply = try server.upload(fields: [("kind", "text")], file: ("file", "a.txt", Data(Self.pageText.utf8)),
                                          headers: ["Origin": "http://evil.example"])
            #expect(reply.status == 403)
            #expect(!FileManager.default.fileExists(atPath: server.month + "/.gazette/uploads"))
        }
    }
}

extension ServedRoot {
    /// The import form POSTed as a browser sends it, `multipart/form-data`.
    func upload(fields: [(String, String)], file: (name: String, filename: String, data: Data),
                headers: [String: String] = [:]) throws -> HTTP.Reply {
        let boundary = "----gazette-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var all = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
        all.merge(headers) { _, new in new }
        return try send("POST", "/d/2024-06/import", headers: all, body: body)
    }
}

import Foundation
import Testing
import TestSupport

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
            let uploads = try FileManager.default.subpathsOfDirectory(atPath: server.month + "/.gazette/uploads")
            #expect(uploads.count == 2 && uploads.contains { $0.hasSuffix("/monsoon-notes.txt") }, "kept under a safe name: \(uploads)")
            #expect(!FileManager.default.fileExists(atPath: server.outside + "/monsoon notes.txt"))
            let digest = try server.send("GET", "/d/2024-06")
            #expect(digest.text.contains("Monsoon Arrives Early in Kerala"))
        }

        static let savedPages = repositoryRoot + "/Tests/ImportTests/Fixtures/saved-pages"

        @Test func aSavedPageUploadedWithItsPicturesKeepsThem() throws {
            let server = try ServedRoot()
            let page = try Data(contentsOf: URL(fileURLWithPath: Self.savedPages + "/euro-2024-opener.html"))
            let pictures = try ["germany-celebrate.jpg", "mw-logo.png"].map { name in
                ("file", name, try Data(contentsOf: URL(fileURLWithPath: Self.savedPages + "/euro-2024-opener_files/" + name)))
            }
            // As a browser sends several files chosen at once: their names only, no folders.
            let started = try server.upload(fields: [("kind", "html"), ("section", "Sports")],
                                            files: [("file", "euro-2024-opener.html", page)] + pictures)
            #expect(started.status == 303)
            let (job, _) = try server.finishedBuild(started)
            #expect(job.text.contains("<p class=\"status\">done</p>"), "\(job.text)")
            #expect(job.text.contains("<h1>Import of euro-2024-opener.html"), "\(job.text)")
            let images = try FileManager.default.contentsOfDirectory(atPath: server.month + "/images")
            #expect(images.contains { $0.contains("germany-celebrate") }, "\(images)")
            #expect(!job.text.contains(server.root), "the report names the digest, not the server's path")
        }

        static let wordpress = repositoryRoot + "/Tests/ImportTests/Fixtures/wordpress"

        /// A browser sends a chosen folder's files under the folder's own name, so the whole
        /// uploads folder arrives as `uploads/2024/06/…`, or from higher up as
        /// `wp-content/uploads/2024/06/…`: the import still finds its pictures.
        @Test(arguments: ["uploads/", "wp-content/uploads/"])
        func aWholeUploadsFolderGivesTheArticlesTheirPictures(folder: String) throws {
            let server = try ServedRoot()
            let export = try Data(contentsOf: URL(fileURLWithPath: Self.wordpress + "/site-export.xml"))
            let pictures = try ["g7-apulia-outreach.jpg", "rbi-policy-rates.png"].map { name in
                ("file", folder + "2024/06/" + name, try Data(contentsOf: URL(fileURLWithPath: Self.wordpress + "/uploads/2024/06/" + name)))
            }
            let started = try server.upload(fields: [("kind", "wordpress"), ("month", "2024-06")],
                                            files: [("file", "site-export.xml", export)] + pictures)
            let (job, _) = try server.finishedBuild(started)
            #expect(job.text.contains("<p class=\"status\">done</p>"), "\(job.text)")
            let images = try FileManager.default.contentsOfDirectory(atPath: server.month + "/images")
            #expect(images.contains("g7-apulia-outreach.jpg") && images.contains("rbi-policy-rates.png"), "\(images)")
            let article = try String(contentsOfFile: server.month + "/articles/rbi-monetary-policy-june-2024.md", encoding: .utf8)
            #expect(article.contains("](images/rbi-policy-rates.png)"), "\(article)")
            let warnings = job.text.split(separator: "\n").filter { $0.contains("rbi-policy-rates.png") && $0.contains("left out") }
            #expect(warnings.isEmpty, "no warning about the picture: \(warnings)")
        }

        @Test func severalTextFilesInOneUploadBecomeSeveralArticles() throws {
            let server = try ServedRoot()
            let second = Self.pageText.replacingOccurrences(of: "Monsoon Arrives Early in Kerala", with: "Heatwave Grips the Plains")
            let started = try server.upload(fields: [("kind", "text"), ("section", "Environment"), ("date", "2024-06-20")],
                                            files: [("file", "notes/one.txt", Data(Self.pageText.utf8)),
                                                    ("file", "../../two.txt", Data(second.utf8))])
            let (job, _) = try server.finishedBuild(started)
            #expect(job.text.contains("<h1>Import of 2 files"), "\(job.text)")
            for slug in ["monsoon-arrives-early-in-kerala", "heatwave-grips-the-plains"] {
                #expect(FileManager.default.fileExists(atPath: server.month + "/articles/\(slug).md"), "\(slug): \(job.text)")
            }
            let kept = try FileManager.default.subpathsOfDirectory(atPath: server.month + "/.gazette/uploads")
            #expect(kept.contains { $0.hasSuffix("/notes/one.txt") } && kept.contains { $0.hasSuffix("/two.txt") }, "\(kept)")
            #expect(!FileManager.default.fileExists(atPath: server.outside + "/two.txt"))
            #expect(!FileManager.default.fileExists(atPath: server.root + "/two.txt"))
        }

        @Test func everyFileOfAnUploadMustBeOfTheImportsKinds() throws {
            let server = try ServedRoot()
            let text = ("file", "a.txt", Data(Self.pageText.utf8))
            let picture = ("file", "chart.png", Data("x".utf8))
            #expect(try server.upload(fields: [("kind", "text")], files: [text, picture]).status == 415, "text takes no pictures")
            #expect(try server.upload(fields: [("kind", "html")], files: [("file", "p.html", Data("<p>x</p>".utf8)),
                                                                          ("file", "run.sh", Data("x".utf8))]).status == 415)
            #expect(try server.upload(fields: [("kind", "html")], files: [picture]).status == 400, "pictures alone import nothing")
            #expect(try server.upload(fields: [("kind", "wordpress")], files: [("file", "a.xml", Data("x".utf8)),
                                                                               ("file", "b.xml", Data("x".utf8))]).status == 400)
            #expect(try server.upload(fields: [("kind", "text")], files: [text, text]).status == 400, "two files of one name")
            #expect(!FileManager.default.fileExists(atPath: server.month + "/.gazette/uploads"))
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
        try upload(fields: fields, files: [file], headers: headers)
    }

    /// The import form with several files, as a browser sends the files chosen at once.
    func upload(fields: [(String, String)], files: [(name: String, filename: String, data: Data)],
                headers: [String: String] = [:]) throws -> HTTP.Reply {
        let boundary = "----gazette-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var all = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
        all.merge(headers) { _, new in new }
        return try send("POST", "/d/2024-06/import", headers: all, body: body)
    }
}

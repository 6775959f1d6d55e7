import Foundation
import Testing
import TestSupport

extension ServeTests {
    /// Builds from the page: queued, streamed, downloaded.
    @Suite struct Builds {
        @Test func aBuildStreamsItsProgressAndOffersThePDF() throws {
            let server = try ServedRoot()
            let (page, events) = try server.finishedBuild(try server.post("/d/2024-06/build", form: [("layout", "monthly")]))
            #expect(events.contains("event: progress\ndata: {\"status\":\"laying out 10 articles\""), "\(events)")
            #expect(events.contains("event: done\ndata: {\"status\":\"done\",\"fraction\":1,\"over\":true}"), "\(events)")
            #expect(page.text.contains("<a class=\"download\" href=\"/d/2024-06/files/2024-06.pdf\" download>"), "\(page.text)")
            let pdf = try server.send("GET", "/d/2024-06/files/2024-06.pdf")
            #expect(pdf.status == 200)
            #expect(pdf.header("Content-Type") == "application/pdf")
            #expect(pdf.header("Content-Disposition")?.hasPrefix("attachment; filename=\"2024-06.pdf\"") == true)
            #expect(pdf.header("Content-Length") == String(pdf.body.count))
            let info = try pdfInfo(pdf.body)
            #expect(info.contains("Title:           The Monthly Brief"), "\(info)")
            #expect(info.contains("Pages:           25"), "\(info)")
            let home = try server.send("GET", "/")
            #expect(!home.text.contains("<td>never</td>"), "the home page shows the last build")
        }

        @Test func aFailingBuildShowsItsDiagnosticsAndWritesNothing() throws {
            let server = try ServedRoot { folders in
                try folders.replace("> [!fact]", with: "> [!tip]", in: "articles/euro-2024-group-stage.md")
            }
            let (page, events) = try server.finishedBuild(try server.post("/d/2024-06/build", form: [("layout", "")]))
            #expect(events.contains("\"status\":\"failed: 1 error\""), "\(events)")
            #expect(page.text.contains("error: unknown callout kind &#39;tip&#39;"), "\(page.text)")
            #expect(page.text.contains("href=\"/d/2024-06/edit/articles/euro-2024-group-stage.md?line="))
            #expect(!page.text.contains("class=\"download\""))
            #expect(!FileManager.default.fileExists(atPath: server.month + "/.gazette/output/2024-06.pdf"))
            #expect(try server.send("GET", "/d/2024-06/files/2024-06.pdf").status == 404)
        }

        @Test func aHandoutIsBuiltTwoUpWithTheHandoutOptions() throws {
            let server = try ServedRoot()
            let started = try server.post("/d/2024-06/handout",
                                          form: [("section", "Economy"), ("nup", "2"), ("grayscale", "on"), ("answers", "separate")])
            let (page, _) = try server.finishedBuild(started)
            #expect(page.text.contains("<h1>Handout of Economy, 2 up, gray"), "\(page.text)")
            #expect(page.text.contains("href=\"/d/2024-06/files/2024-06-handout.pdf\""), "\(page.text)")
            #expect(page.text.contains("href=\"/d/2024-06/files/2024-06-handout-answers.pdf\""), "\(page.text)")
            let pdf = try server.send("GET", "/d/2024-06/files/2024-06-handout.pdf")
            #expect(pdf.header("Content-Disposition")?.hasPrefix("attachment; filename=\"2024-06-handout.pdf\"") == true)
            let info = try pdfInfo(pdf.body)
            #expect(info.contains("Page size:       841.89 x 595.276 pts (A4)"), "two pages side by side on landscape A4: \(info)")
        }

        @Test func handoutOptionsThatHandoutRefusesAreRefused() throws {
            let server = try ServedRoot()
            let refused = try server.post("/d/2024-06/handout", form: [("nup", "3")])
            #expect(refused.status == 400)
            #expect(refused.text.contains("--nup 3 is not supported"), "\(refused.text)")
            let unknown = try server.post("/d/2024-06/build", form: [("layout", "../../etc/passwd")])
            #expect(unknown.status == 400)
        }

        @Test func buildsWaitInLineAndSayTheirPlace() throws {
            let server = try ServedRoot()
            let first = try server.post("/d/2024-06/build", form: [("layout", "monthly")])
            let second = try server.post("/d/2024-06/build", form: [("layout", "compact")])
            let waiting = try server.send("GET", try #require(second.header("Location")))
            #expect(waiting.text.contains("waiting: 1 ahead in the queue"), "\(waiting.text)")
            let (firstPage, _) = try server.finishedBuild(first)
            let (secondPage, events) = try server.finishedBuild(second)
            #expect(firstPage.text.contains("<p class=\"status\">done</p>"))
            #expect(secondPage.text.contains("<h1>PDF (compact)"))
            #expect(secondPage.text.contains("<p class=\"status\">done</p>"), "\(events)")
        }

        @Test func aBuildOfAnotherDigestIsNotFoundUnderThisOne() throws {
            let server = try ServedRoot { folders in
                try FileManager.default.copyItem(atPath: exampleMonth, toPath: folders.root + "/2024-07")
            }
            let started = try server.post("/d/2024-06/build", form: [("layout", "monthly")])
            let location = try #require(started.header("Location"))
            let id = try #require(location.split(separator: "/").last)
            #expect(try server.send("GET", "/d/2024-07/builds/\(id)").status == 404)
            #expect(try server.send("GET", "/d/2024-06/builds/not-a-build").status == 404)
            _ = try server.finishedBuild(started)
        }
    }
}

/// What `pdfinfo` says of a PDF's bytes.
func pdfInfo(_ data: Data) throws -> String {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try data.write(to: URL(fileURLWithPath: folder + "/file.pdf"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
    process.arguments = [folder + "/file.pdf"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "pdfinfo could not read the PDF")
    return String(decoding: output, as: UTF8.self)
}

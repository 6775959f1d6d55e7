import Foundation
import Testing
@testable import gazette
import TestSupport

extension ServeTests {
    /// Each rule of `Access`, `RootFolder`, `Form` and `ErrorPages`, tested on its own.
    @Suite struct Security {
        static let secret = "TOP SECRET: never served"

        /// A root whose surroundings hold things no request may reach: a digest and a secret
        /// file beside the root, a folder in the root that is no digest, and links out.
        static func guardedRoot(arguments: [String] = []) throws -> ServedRoot {
            try ServedRoot(arguments: arguments) { folders in
                let files = FileManager.default
                try secret.write(toFile: folders.outside + "/secret.md", atomically: true, encoding: .utf8)
                try secret.write(toFile: folders.outside + "/secret.pdf", atomically: true, encoding: .utf8)
                // The folder above the root is itself a digest: `..` would show it.
                try files.copyItem(atPath: exampleMonth + "/digest.yaml", toPath: folders.outside + "/digest.yaml")
                try files.copyItem(atPath: exampleMonth + "/articles", toPath: folders.outside + "/articles")
                try files.createDirectory(atPath: folders.root + "/other", withIntermediateDirectories: true)
                try secret.write(toFile: folders.root + "/other/secret.md", atomically: true, encoding: .utf8)
                try files.createDirectory(atPath: folders.outside + "/elsewhere", withIntermediateDirectories: true)
                try files.copyItem(atPath: exampleMonth + "/digest.yaml", toPath: folders.outside + "/elsewhere/digest.yaml")
                try files.createSymbolicLink(atPath: folders.root + "/linked", withDestinationPath: folders.outside + "/elsewhere")
                try files.createSymbolicLink(atPath: folders.root + "/2024-06/articles/linked.md",
                                             withDestinationPath: folders.outside + "/secret.md")
                try files.createSymbolicLink(atPath: folders.root + "/2024-06/notes", withDestinationPath: folders.outside)
                try files.createDirectory(atPath: folders.root + "/2024-06/.gazette/output", withIntermediateDirectories: true)
                try secret.write(toFile: folders.root + "/2024-06/.gazette/notes.md", atomically: true, encoding: .utf8)
            }
        }

        /// Decoded segments may not climb, hide or hold a slash: these stay inside the root
        /// (so the symlink rule alone would let them through) but leave the digest.
        @Test(arguments: [
            "/d/2024-06/edit/..%2Fother%2Fsecret.md",
            "/d/2024-06/edit/%2e%2e/other/secret.md",
            "/d/2024-06/edit/%2E%2E%2Fother%2Fsecret.md",
            "/d/2024-06/edit/../other/secret.md",
            "/d/2024-06/edit/articles%2F..%2F..%2Fother%2Fsecret.md",
            "/d/2024-06/edit/.gazette/notes.md",
            "/d/2024-06/edit/%2Egazette/notes.md",
            "/d/2024-06/edit/articles%5C..%5C..%5Cother%5Csecret.md",
            "/d/other%2F..%2F2024-06",
        ])
        func segmentsThatLeaveTheirFolderAreNotFound(path: String) throws {
            try Self.expectNotFound(path)
        }

        /// Paths that lead outside the root, by `..`, an absolute path or a symbolic link.
        @Test(arguments: [
            "/d/..", "/d/%2e%2e", "/d/..%2F",
            "/d/linked",
            "/d/2024-06/edit/..%2F..%2Fsecret.md",
            "/d/2024-06/edit/%2e%2e/%2e%2e/secret.md",
            "/d/2024-06/edit/articles/linked.md",
            "/d/2024-06/edit/notes/secret.md",
            "/d/2024-06/files/..%2F..%2F..%2Fsecret.pdf",
        ])
        func pathsLeadingOutOfTheRootAreNotFound(path: String) throws {
            try Self.expectNotFound(path)
        }

        /// `path` is 404 on a guarded root, and shows neither a secret nor a digest outside.
        static func expectNotFound(_ path: String) throws {
            let reply = try guardedRoot().send("GET", path)
            #expect(reply.status == 404, "\(path)")
            #expect(!reply.text.contains(secret))
            #expect(!reply.text.contains("The Monthly Brief"), "no digest outside the root is shown")
        }

        @Test func anAbsolutePathIsNotFound() throws {
            let server = try Self.guardedRoot()
            let absolute = (server.outside + "/secret.md").split(separator: "/").map(String.init)
            for path in ["/d/2024-06/edit/" + absolute.joined(separator: "%2F"), "/d/2024-06/edit/%2F" + absolute.joined(separator: "%2F"),
                         "/d/2024-06/edit//" + absolute.joined(separator: "/")] {
                let reply = try server.send("GET", path)
                #expect(reply.status == 404, "\(path)")
                #expect(!reply.text.contains(Self.secret))
            }
        }

        @Test func aSaveOutsideTheDigestWritesNothing() throws {
            let server = try Self.guardedRoot()
            for path in ["/d/2024-06/edit/..%2Fother%2Fsecret.md", "/d/2024-06/edit/articles/linked.md",
                         "/d/2024-06/edit/..%2F..%2Fsecret.md"] {
                let reply = try server.post(path, form: [("hash", ""), ("text", "overwritten")])
                #expect(reply.status == 404, "\(path)")
            }
            #expect(try String(contentsOfFile: server.outside + "/secret.md", encoding: .utf8) == Self.secret)
            #expect(try String(contentsOfFile: server.root + "/other/secret.md", encoding: .utf8) == Self.secret)
        }

        @Test func withATokenEveryPageNeedsItAsBearerOrSessionCookie() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let token = "correct-horse-battery-staple-42"
            try (token + "\n").write(toFile: folder + "/token", atomically: true, encoding: .utf8)
            let server = try ServedRoot(arguments: ["--token-file", folder + "/token"])
            let anonymous = try server.send("GET", "/")
            #expect(anonymous.status == 401)
            #expect(anonymous.text.contains("<form method=\"post\" action=\"/login\""))
            #expect(!anonymous.text.contains("The Monthly Brief"))
            #expect(try server.send("GET", "/d/2024-06").status == 401)
            #expect(try server.send("GET", "/d/2024-06/pages/1.png").status == 401)
            #expect(try server.send("GET", "/", headers: ["Authorization": "Bearer wrong-\(token)"]).status == 401)
            #expect(try server.send("GET", "/", headers: ["Authorization": "Bearer \(token.dropLast())"]).status == 401)
            #expect(try server.send("GET", "/", headers: ["Authorization": "Bearer \(token)"]).status == 200)
            #expect(try server.send("GET", "/assets/style.css").status == 200, "the login page's style")
            #expect(try server.post("/login", form: [("token", "guess")]).status == 401)
            let login = try server.post("/login", form: [("token", token)])
            #expect(login.status == 303)
            let cookie = try #require(login.header("Set-Cookie"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains(token), "the cookie is a session, not the token")
            let session = String(cookie.prefix { $0 != ";" })
            let home = try server.send("GET", "/", headers: ["Cookie": session])
            #expect(home.status == 200)
            #expect(home.text.contains("The Monthly Brief"))
            #expect(try server.send("GET", "/", headers: ["Cookie": session + "0"]).status == 401)
            #expect(try server.send("GET", "/", headers: ["Cookie": "gazette_session=" + token]).status == 401)
            // A bearer request is no browser's: it needs no Origin.
            let built = try server.send("POST", "/d/2024-06/build",
                                        headers: ["Authorization": "Bearer \(token)", "Origin": "",
                                                  "Content-Type": "application/x-www-form-urlencoded"],
                                        body: Data("layout=monthly".utf8))
            #expect(built.status == 303)
        }

        @Test func tokensAreComparedInConstantTime() {
            #expect(Sessions.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
            #expect(!Sessions.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
            #expect(!Sessions.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
            #expect(!Sessions.constantTimeEqual(Array("".utf8), Array("a".utf8)))
            #expect(!Sessions.constantTimeEqual(Array(repeating: 0, count: 256), Array(repeating: 0, count: 0)))
            // A miss at the first byte takes as long as a miss at the last: an early exit
            // (as `==` makes) would be many times faster on the first. Best of several runs.
            let token = [UInt8](repeating: 65, count: 8192)
            var first = token, last = token
            first[0] = 66
            last[token.count - 1] = 66
            func time(_ candidate: [UInt8]) -> Double {
                var best = Double.infinity
                for _ in 0..<5 {
                    let start = DispatchTime.now().uptimeNanoseconds
                    for _ in 0..<200 { _ = Sessions.constantTimeEqual(candidate, token) }
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
                }
                return best
            }
            let ratio = time(last) / time(first)
            #expect(ratio < 2 && ratio > 0.5, "a miss at the end took \(ratio) times as long as one at the start")
        }

        @Test func aPostFromAnotherSiteChangesNothing() throws {
            let server = try ServedRoot()
            let article = server.month + "/articles/spacex-starship-flight-4.md"
            let original = try String(contentsOfFile: article, encoding: .utf8)
            let hash = try hiddenHash(try server.send("GET", "/d/2024-06/edit/articles/spacex-starship-flight-4.md"))
            let form = [("hash", hash), ("text", "defaced")]
            for headers in [["Origin": "http://evil.example"], ["Origin": "null"], ["Origin": "", "Referer": "http://evil.example/page"],
                            ["Origin": "", "Referer": ""], ["Origin": "http://127.0.0.1:\(server.port).evil.example"]] {
                let reply = try server.post("/d/2024-06/edit/articles/spacex-starship-flight-4.md", form: form, headers: headers)
                #expect(reply.status == 403, "\(headers)")
                let build = try server.post("/d/2024-06/build", form: [("layout", "monthly")], headers: headers)
                #expect(build.status == 403, "\(headers)")
            }
            #expect(try String(contentsOfFile: article, encoding: .utf8) == original)
            #expect(!FileManager.default.fileExists(atPath: server.month + "/.gazette/output"), "no build was started")
            // The server's own page, by Referer when the browser sent no Origin: accepted.
            let own = try server.post("/d/2024-06/edit/articles/spacex-starship-flight-4.md", form: form,
                                      headers: ["Origin": "", "Referer": server.origin + "/d/2024-06"])
            #expect(own.status == 303)
        }

        @Test func aRequestForAnotherHostNameIsRefused() throws {
            let server = try ServedRoot()
            // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
            let reply = try server.send("GET", "/", headers: ["Host": "evil.example:\(server.port)"])
            #expect(reply.status == 421)
            #expect(!reply.text.contains("The Monthly Brief"))
            #expect(try server.send("GET", "/", headers: ["Host": "localhost:\(server.port)"]).status == 200)
        }

        @Test func aFormLargerThanTheLimitIsRefused() throws {
            let server = try ServedRoot()
            let article = server.month + "/articles/spacex-starship-flight-4.md"
            let original = try String(contentsOfFile: article, encoding: .utf8)
            let hash = try hiddenHash(try server.send("GET", "/d/2024-06/edit/articles/spacex-starship-flight-4.md"))
            let huge = String(repeating: "word ", count: 3 * 1024 * 1024 / 5)
            let reply = try server.post("/d/2024-06/edit/articles/spacex-starship-flight-4.md", form: [("hash", hash), ("text", huge)])
            #expect(reply.status == 413)
            #expect(try String(contentsOfFile: article, encoding: .utf8) == original)
        }

        @Test func errorsAreShownAsPlainPagesWithoutInternals() throws {
            let server = try ServedRoot()
            let unknown = try server.send("GET", "/no/such/page")
            #expect(unknown.status == 404)
            #expect(unknown.text.contains("There is nothing at this address."))
            // A fault inside the server: the history folder cannot be made (a file is in the way).
            try "in the way".write(toFile: server.month + "/.gazette", atomically: true, encoding: .utf8)
            let address = "/d/2024-06/edit/articles/spacex-starship-flight-4.md"
            let hash = try hiddenHash(try server.send("GET", address))
            let failed = try server.post(address, form: [("hash", hash), ("text", "new text")])
            #expect(failed.status == 500)
            #expect(failed.text.contains("The server could not do that."))
            #expect(!failed.text.contains(server.root))
            #expect(!failed.text.contains("WriteFailure") && !failed.text.contains(".swift"))
            #expect(server.errors.contains("cannot make the folder"), "the cause goes to the server's log")
            #expect(try String(contentsOfFile: server.month + "/articles/spacex-starship-flight-4.md", encoding: .utf8) != "new text")
        }
    }
}

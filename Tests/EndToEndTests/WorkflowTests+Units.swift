import Diagnostics
import DigestModel
import Foundation
import Testing
@testable import gazette
import TestSupport

/// The command line's small pure parts, one by one: page ranges, slugs, JSON lines, the
/// snapshot a watch compares.
extension WorkflowTests {
    @Suite struct Units {
        @Test func pageSelectionsReadAsWritten() throws {
            #expect(try PageSelection(parsing: "1,3-5").pages(in: 10) == [0, 2, 3, 4])
            #expect(try PageSelection(parsing: " 5 , 1-2, 2 ").pages(in: 10) == [0, 1, 4], "sorted, each once")
            #expect(try PageSelection(parsing: "8-").pages(in: 10) == [7, 8, 9])
            #expect(try PageSelection(parsing: "10").pages(in: 10) == [9])
            #expect(throws: PageSelection.Problem.self) { try PageSelection(parsing: "11").pages(in: 10) }
            for bad in ["", ",", "0", "-3", "3-1", "a", "1-b", "1.5", "١"] {
                #expect(throws: PageSelection.Problem.self, "'\(bad)'") { try PageSelection(parsing: bad) }
            }
        }

        @Test(arguments: [
            ("Monsoon Session Opens", "monsoon-session-opens"),
            ("Euro 2024: Spain's Perfect Start", "euro-2024-spains-perfect-start"),
            ("  RBI — Repo Rate @ 6.5%  ", "rbi-repo-rate-6-5"),
            ("Zürich Façade Café", "zurich-facade-cafe"),
            ("मानसून सत्र", "manasuna-satra"),
            ("!!!", ""),
        ])
        func slugsAreLowerCaseASCIIWords(title: String, slug: String) {
            #expect(Slug.make(from: title) == slug)
            if !slug.isEmpty { #expect(Slug.isValid(slug)) }
        }

        @Test func longTitlesAreCutAtAWord() {
            let slug = Slug.make(from: String(repeating: "Parliament Adjourns ", count: 8))
            #expect(slug.count <= Slug.maximumLength)
            #expect(!slug.hasSuffix("-"))
            #expect(slug.hasSuffix("adjourns") || slug.hasSuffix("parliament"))
        }

        @Test func diagnosticsBecomeOneJSONObjectPerLine() throws {
            let located = Diagnostic.error("unknown callout kind 'tip'\n\"x\"\\", at: SourceLocation(file: "a/b.md", line: 3, column: 7),
                                           hint: "expected note")
            #expect(located.jsonLine == #"{"file":"a/b.md","line":3,"column":7,"severity":"error","message":"unknown callout kind 'tip'\n\"x\"\\","hint":"expected note"}"#)
            let whole = Diagnostic.warning("tab\there \u{1}", at: SourceLocation(file: "d.yaml"))
            #expect(whole.jsonLine == #"{"file":"d.yaml","line":null,"column":null,"severity":"warning","message":"tab\there \u0001","hint":null}"#)
            let nowhere = Diagnostic.error("no layout named 'x'", at: nil)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(nowhere.jsonLine.utf8)) as? [String: Any])
            #expect(object["file"] is NSNull)
        }

        @Test func aSnapshotSeesEditsAdditionsAndRemovalsButNotScratchFiles() throws {
            let folder = try temporaryFolder()
            try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
            try "one".write(toFile: folder + "/articles/a.md", atomically: false, encoding: .utf8)
            try "two".write(toFile: folder + "/articles/b.md", atomically: false, encoding: .utf8)
            let before = FileSnapshot.take([.tree(folder)])
            #expect(before.stamps.count == 2)

            try "one, edited".write(toFile: folder + "/articles/a.md", atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder + "/articles/b.md")
            try "new".write(toFile: folder + "/articles/c.md", atomically: false, encoding: .utf8)
            for scratch in [".a.md.swp", "a.md~", "4913", ".june.pdf.123.tmp"] {
                try "x".write(toFile: folder + "/articles/" + scratch, atomically: false, encoding: .utf8)
            }
            let after = FileSnapshot.take([.tree(folder)])
            let changes = after.changes(since: before).map { "\(URL(fileURLWithPath: $0.path).lastPathComponent) \($0.kind)" }
            #expect(changes == ["a.md modified", "b.md removed", "c.md added"])

            let ignored = FileSnapshot.take([.tree(folder)]) { $0.hasSuffix("/c.md") }
            #expect(ignored.stamps.keys.contains { $0.hasSuffix("/c.md") } == false)
        }
    }
}

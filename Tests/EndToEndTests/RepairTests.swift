import Foundation
import Testing
import TestSupport

/// Content pasted from the web: the hard month plus an article with control characters and
/// the three kinds of broken quiz question builds with a warning at each line, and with
/// `--strict` exits 1 naming the same lines and writes nothing.
@Suite(.serialized) struct RepairTests {
    static let pasted = """
        ---
        title: Pasted From the Web
        date: 2024-07-20
        section: \(hardMonthFirstSection)
        ---

        A bell\u{07} rang, a terminal said \u{1B}[31mred\u{1B}[0m, and a DEL\u{7F} slipped in.

        ```quiz
        Q: Which option is right?
        - [ ] None is ticked
        - [ ] Still none

        Q: Which two are right?
        - [x] One
        - [x] Two

        - [ ] An option with no question
        - [x] Another

        Q: Which question survives?
        - [x] This one
        - [ ] Not this
        ```

        """

    /// The line of each warning in the pasted article, in order.
    static let warningLines = [7, 10, 16, 18]

    static var hardMonthFirstSection: String {
        let yaml = (try? String(contentsOfFile: hardMonth + "/digest.yaml", encoding: .utf8)) ?? ""
        let lines = yaml.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("sections:") }) else { return "National" }
        let first = lines[(start + 1)...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") } ?? "- National"
        return first.trimmingCharacters(in: .whitespaces).dropFirst(2).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
    }

    func pastedMonth() throws -> (folder: String, file: String) {
        let folder = try temporaryFolder() + "/month"
        try FileManager.default.copyItem(atPath: hardMonth, toPath: folder)
        let file = folder + "/articles/pasted-from-the-web.md"
        try Self.pasted.write(toFile: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    @Test func pastedContentBuildsWithAWarningAtEachLine() throws {
        let (folder, file) = try pastedMonth()
        let pdf = try temporaryFolder() + "/month.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf])
        #expect(build.status == 0, "\(build.stderr)")
        let warned = build.stderr.split(separator: "\n").filter { $0.hasPrefix(file + ":") && $0.contains(": warning: ") }
        #expect(warned.map { Int($0.dropFirst(file.count + 1).prefix { $0.isNumber }) ?? 0 } == Self.warningLines, "\(build.stderr)")
        let text = try run(tool("pdftotext"), [pdf, "-"]).stdout
        #expect(text.contains("Which question survives?"))
        for gone in ["Which option is right?", "Which two are right?", "An option with no question", "[31m"] {
            #expect(!text.contains(gone), "'\(gone)' is left out")
        }
    }

    @Test func strictTurnsTheSameLinesIntoErrorsAndWritesNothing() throws {
        let (folder, file) = try pastedMonth()
        let pdf = try temporaryFolder() + "/month.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf, "--strict"])
        #expect(build.status == 1)
        let failed = build.stderr.split(separator: "\n").filter { $0.hasPrefix(file + ":") && $0.contains(": error: ") }
        #expect(failed.map { Int($0.dropFirst(file.count + 1).prefix { $0.isNumber }) ?? 0 } == Self.warningLines, "\(build.stderr)")
        #expect(build.stderr.contains("an error because of --strict"))
        #expect(!FileManager.default.fileExists(atPath: pdf))

        let check = try run(gazette(), ["check", folder, "--strict"])
        #expect(check.status == 1)
        let handout = try run(gazette(), ["handout", folder, "--output", pdf, "--strict"])
        #expect(handout.status == 1)
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }
}

import Foundation
import TestSupport

/// A small, sound digest written to a temporary folder, to be broken in one way by a test.
///
/// Line numbers of the article are fixed (see `article`), so expectations can name them.
struct BrokenDigest {
    let folder: String

    static let digestYAML = """
        title: Robustness Monthly
        edition: June 2024
        sections:
          - National
          - Sports
        quiz: true

        """

    /// The sound article, `articles/sound.md`; its lines are numbered in the comments of
    /// the tests that break them.
    static let article = """
        ---
        title: A Sound Article
        date: 2024-06-10
        section: National
        ---

        A paragraph of plain text.

        ![A small picture](images/chart.png)

        > [!note] Remember
        > This is a callout.

        ```quiz
        Q: Which is right?
        - [ ] Wrong
        - [x] Right
        ```

        """

    init() throws {
        folder = try temporaryFolder("gazette-broken-") + "/2024-06"
        let files = FileManager.default
        try files.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        try files.createDirectory(atPath: folder + "/images", withIntermediateDirectories: true)
        try files.copyItem(atPath: exampleMonth + "/images/starship-flight-durations.png",
                           toPath: folder + "/images/chart.png")
        try write(Self.digestYAML, to: "digest.yaml")
        try write(Self.article, to: "articles/sound.md")
    }

    func path(_ relative: String) -> String { folder + "/" + relative }

    func write(_ text: String, to relative: String) throws {
        try write(Array(text.utf8), to: relative)
    }

    func write(_ bytes: [UInt8], to relative: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: full).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    /// Rewrites a text file, replacing `old` (which must occur) with `new`.
    func replace(_ old: String, with new: String, in relative: String) throws {
        let text = try String(contentsOfFile: path(relative), encoding: .utf8)
        guard text.contains(old) else { throw Missing(text: old, file: relative) }
        try write(text.replacingOccurrences(of: old, with: new), to: relative)
    }

    /// Adds an article made of the sound front matter and `body`, starting at line 7.
    func addArticle(_ name: String, body: String) throws {
        try write("---\ntitle: Another Article\ndate: 2024-06-11\nsection: Sports\n---\n\n" + body, to: "articles/" + name)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path)
    }

    struct Missing: Error, CustomStringConvertible {
        var text: String
        var file: String
        var description: String { "'\(text)' is not in \(file)" }
    }
}

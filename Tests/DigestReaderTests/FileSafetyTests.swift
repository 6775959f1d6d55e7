import Foundation
import Testing
import DigestModel
import DigestReader

/// Inputs that must be built at run time: raw bytes, symbolic links, oversized pictures.
@Suite struct FileSafetyTests {
    // MARK: Bad bytes

    static let badBytes: [(name: String, bytes: [UInt8], expected: String)] = [
        // "Café crème " is 11 characters but 13 bytes: the column counts characters.
        ("invalid UTF-8", Array("Café crème ".utf8) + [0xFF] + Array(" tail\n".utf8),
         "7:12: error: invalid UTF-8 byte 0xFF; save the file as UTF-8 text"),
        ("truncated sequence", Array("ab".utf8) + [0xE0, 0xA4] + Array("\n".utf8),
         "7:3: error: invalid UTF-8 byte 0xE0; save the file as UTF-8 text"),
        ("NUL", Array("Zürich".utf8) + [0x00] + Array("\n".utf8),
         "7:7: error: NUL character in text; the file must be plain UTF-8 text; remove the NUL byte"),
    ]

    /// Control characters pasted from a terminal or a web page are removed, an ANSI escape
    /// sequence as a whole, with one warning a line at the first of them.
    @Test func controlCharactersAreRemovedWithAWarningALine() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        let text = "---\ntitle: Bytes\ndate: 2024-06-10\nsection: National\n---\n\n"
            + "Bell \u{07} rings, \tcolour \u{1B}[31mred\u{1B}[0m and DEL\u{7F}.\n\nnext \u{85}line\n"
        try digest.write(Array(text.utf8), to: "articles/bytes.md")
        let reading = DigestReader.read(folder: digest.folder)
        let file = digest.folder + "/articles/bytes.md"
        #expect(reading.diagnostics.map(\.description) == [
            "\(file):7:6: warning: removed 4 control characters (the first U+0007), which print cannot show",
            "\(file):9:6: warning: removed control character U+0085, which print cannot show",
        ])
        let blocks = try #require(reading.digest?.articles.first?.blocks)
        #expect(blocks.map(\.content) == [
            .paragraph([.text("Bell  rings, \tcolour red and DEL.")]),
            .paragraph([.text("next line")]),
        ])
    }

    @Test(arguments: badBytes.indices)
    func badBytesAreReportedAtTheirPlaceAndNothingElse(_ index: Int) throws {
        let (_, bytes, expected) = Self.badBytes[index]
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        // Front matter with its own errors (bad date, unknown section): not reported, because
        // nothing else is read from a file with bad bytes.
        let frontMatter = "---\ntitle: Bytes\ndate: 2024-99-99\nsection: Nowhere\n---\n\n"
        try digest.write(Array(frontMatter.utf8) + bytes, to: "articles/bytes.md")
        let reading = DigestReader.read(folder: digest.folder)
        #expect(reading.digest == nil)
        #expect(reading.diagnostics.map(\.description) == ["\(digest.folder)/articles/bytes.md:\(expected)"])
    }

    @Test func badBytesInDigestYAML() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(Array("title: Bad\nedition: x".utf8) + [0xC3, 0x28] + Array("\n".utf8), to: "digest.yaml")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/digest.yaml:2:11: error: invalid UTF-8 byte 0xC3; save the file as UTF-8 text",
            "\(digest.folder)/articles: warning: no articles in '\(digest.folder)/articles'; "
                + "add one Markdown file (.md) per article",
        ].sorted())
    }

    @Test func byteOrderMarkAndCRLFLineEnds() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        let sound = "---\r\ntitle: Windows Line Ends\r\ndate: 2024-06-11\r\nsection: National\r\n---\r\n\r\n"
            + "First line\r\nsecond line\r\n"
        try digest.write([0xEF, 0xBB, 0xBF] + Array(sound.utf8), to: "articles/sound.md")
        let broken = "---\r\ntitle: Also Windows\r\ndate: 2024-06-31\r\nsection: National\r\n---\r\n\r\n"
            + "> [!tip]\r\n> advice\r\n"
        try digest.write([0xEF, 0xBB, 0xBF] + Array(broken.utf8), to: "articles/windows.md")
        let reading = DigestReader.read(folder: digest.folder)
        let file = digest.folder + "/articles/windows.md"
        #expect(reading.diagnostics.map(\.description) == [
            "\(file):3:7: error: invalid date '2024-06-31'; write a real date as YYYY-MM-DD, e.g. 2024-06-19",
            "\(file):7:5: error: unknown callout kind 'tip'; expected note, summary, important, exam or fact",
        ])
        try digest.write([0xEF, 0xBB, 0xBF] + Array(sound.utf8), to: "articles/windows.md")
        let article = try #require(DigestReader.read(folder: digest.folder).digest?.articles.first)
        #expect(article.title == "Windows Line Ends")
        #expect(article.blocks == [Block(
            .paragraph([.text("First line"), .softBreak, .text("second line")]),
            at: .init(file: digest.folder + "/articles/sound.md", line: 7, column: 1))])
    }

    // MARK: Pictures

    @Test func symbolicLinksOutOfTheFolderAreRefused() throws {
        let digest = try TemporaryDigest()
        let outside = try TemporaryDigest()
        defer { digest.cleanUp(); outside.cleanUp() }
        try outside.write(pngHeader(width: 10, height: 10), to: "images/secret.png")
        try digest.write(pngHeader(width: 7, height: 3), to: "images/real.png")
        let files = FileManager.default
        try files.createSymbolicLink(atPath: digest.folder + "/images/out.png",
                                     withDestinationPath: outside.folder + "/images/secret.png")
        try files.createSymbolicLink(atPath: digest.folder + "/linked",
                                     withDestinationPath: outside.folder + "/images")
        // A link that stays inside the folder is fine.
        try files.createSymbolicLink(atPath: digest.folder + "/images/alias.png",
                                     withDestinationPath: "real.png")
        try digest.write(soundFrontMatter + """
            ![Out](images/out.png)

            ![Through a linked folder](linked/secret.png)

            ![Inside](images/alias.png)

            """, to: "articles/links.md")
        let reading = DigestReader.read(folder: digest.folder)
        let file = digest.folder + "/articles/links.md"
        let refused = "is a symbolic link to a file outside the digest folder; copy the picture into the digest folder"
        #expect(reading.diagnostics.map(\.description) == [
            "\(file):6:1: error: image 'images/out.png' \(refused)",
            "\(file):8:1: error: image 'linked/secret.png' \(refused)",
        ])
        try digest.write(soundFrontMatter + "![Inside](images/alias.png)\n", to: "articles/links.md")
        let figures = try #require(DigestReader.read(folder: digest.folder).digest?.articles.first?.blocks)
        #expect(figures.map(\.content) == [.image(Figure(
            caption: [.text("Inside")], path: digest.folder + "/images/alias.png", format: .png,
            pixelWidth: 7, pixelHeight: 3))])
    }

    @Test func enormousPicturesAreRefusedFromTheHeader() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(pngHeader(width: 30_000, height: 30_000), to: "images/huge.png")
        try digest.write(pngHeader(width: 8_000, height: 6_000), to: "images/wide.png")  // 48 MP
        try digest.write(soundFrontMatter + "![Huge](images/huge.png)\n\n![Wide](images/wide.png)\n",
                         to: "articles/big.md")
        let file = digest.folder + "/articles/big.md"
        let limit = "scale it down to at most 20000 pixels a side and 40 megapixels"
        #expect(diagnostics(of: digest.folder) == [
            "\(file):6:1: error: image 'images/huge.png' is too large (30000×30000 pixels); \(limit)",
            "\(file):8:1: error: image 'images/wide.png' is too large (8000×6000 pixels); \(limit)",
        ])
    }

    @Test func picturesAtTheLimitAreAccepted() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(pngHeader(width: 20_000, height: 2_000), to: "images/strip.png")  // 40 MP
        try digest.write(soundFrontMatter + "![Strip](images/strip.png)\n", to: "articles/limit.md")
        let reading = DigestReader.read(folder: digest.folder)
        #expect(reading.diagnostics.isEmpty)
        guard case .image(let figure)? = reading.digest?.articles.first?.blocks.first?.content else {
            Issue.record("no figure"); return
        }
        #expect(figure.pixelWidth == 20_000 && figure.pixelHeight == 2_000)
    }

    @Test func articleRelativePathWinsOverDigestRelative() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(pngHeader(width: 3, height: 3), to: "articles/images/same.png")
        try digest.write(pngHeader(width: 5, height: 5), to: "images/same.png")
        try digest.write(pngHeader(width: 9, height: 9), to: "images/up.png")
        try digest.write(soundFrontMatter + "![A](images/same.png)\n\n![B](../images/up.png)\n",
                         to: "articles/paths.md")
        let blocks = try #require(DigestReader.read(folder: digest.folder).digest?.articles.first?.blocks)
        let figures = blocks.compactMap { block -> Figure? in
            if case .image(let figure) = block.content { figure } else { nil }
        }
        #expect(figures.map(\.path) == [digest.folder + "/articles/images/same.png", digest.folder + "/images/up.png"])
        #expect(figures.map(\.pixelWidth) == [3, 9])
    }

    @Test func deeplyNestedMarkdownIsRefusedNotCrashed() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(soundFrontMatter + String(repeating: ">", count: 5_000) + " deep\n",
                         to: "articles/deep.md")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/deep.md:6:64: error: text nested more than 64 levels deep; "
                + "flatten the nested lists or quotes",
        ])
    }
}

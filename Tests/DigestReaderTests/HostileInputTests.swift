import Foundation
import Testing
import DigestModel
@testable import DigestReader

/// Input that only a careless paste or a damaged copy produces: characters that cannot be
/// printed written as references or escapes, files that are not files, pictures cut short.
/// Each must be one located diagnostic, never a failure after layout or a hang.
@Suite struct HostileInputTests {
    // MARK: Characters that cannot be printed

    @Test func noncharactersInTheFileAreRefused() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(soundFrontMatter + "Broken \u{FFFF} text\n", to: "articles/non.md")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/non.md:6:8: error: noncharacter U+FFFF in text; "
                + "remove it; it is not a character that can be printed",
        ])
    }

    @Test func characterReferencesToUnprintableCharactersArePointedAt() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(soundFrontMatter + """
            A bell &#7; rings.

            ## Plane &#x10FFFF; end

            > [!note] Title &#x1b;
            > body

            See [the link](https://example.org/&#0x7f;) and [this](https://example.org/&#127;).

            - **19&#x85;61**: the label of a timeline

            ```quiz
            Q: Which &#xFDD0; one? (&#xFFFE; is read as U+FFFD by cmark)
            - [x] A
            - [ ] B
            ```

            """, to: "articles/refs.md")
        let file = digest.folder + "/articles/refs.md"
        let hint = "remove it; it cannot be printed"
        #expect(diagnostics(of: digest.folder) == [
            "\(file):6:8: error: character reference '&#7;' writes control character U+0007; \(hint)",
            "\(file):8:10: error: character reference '&#x10FFFF;' writes noncharacter U+10FFFF; \(hint)",
            "\(file):10:17: error: character reference '&#x1b;' writes control character U+001B; \(hint)",
            "\(file):13:76: error: character reference '&#127;' writes control character U+007F; \(hint)",
            "\(file):15:7: error: character reference '&#x85;' writes control character U+0085; \(hint)",
            "\(file):18:10: error: character reference '&#xFDD0;' writes noncharacter U+FDD0; \(hint)",
        ])
    }

    @Test func escapesInYAMLValuesAreRefused() throws {
        let digest = try TemporaryDigest(digestYAML: """
            title: "Bell\\a and \\0 nul"
            edition: June 2024
            sections: [National, "Sp\\x07orts"]

            """)
        defer { digest.cleanUp() }
        try digest.write("---\ntitle: Fine\ndate: 2024-06-10\nsection: National\ntags: [a, \"\\uFFFF\"]\n---\n\nBody.\n",
                         to: "articles/tags.md")
        let hint = "remove the escape sequence that writes it (such as '\\0', '\\a' or '\\x07' in double quotes)"
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/tags.md:5:11: error: 'tags' in front matter contains noncharacter U+FFFF; \(hint)",
            "\(digest.folder)/digest.yaml:1:8: error: 'title' in digest.yaml contains control character U+0007; \(hint)",
            "\(digest.folder)/digest.yaml:3:22: error: 'sections' in digest.yaml contains control character U+0007; \(hint)",
        ])
    }

    @Test func lineBreaksInYAMLBlockValuesAreAllowed() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write("---\ntitle: Fine\ndate: 2024-06-10\nsection: National\nsummary: |\n  two\n  lines\n---\n\nBody.\n",
                         to: "articles/block.md")
        let reading = DigestReader.read(folder: digest.folder)
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.digest?.articles.first?.summary == "two\n  lines".replacingOccurrences(of: "  ", with: ""))
    }

    @Test func unclosedListsAndQuotesPointWhereTheyOpen() throws {
        let digest = try TemporaryDigest(digestYAML: "title: T\nedition: June 2024\nsections: [National\n\nquiz: true\n")
        defer { digest.cleanUp() }
        try digest.write("---\ntitle: \"Open quote\ndate: 2024-06-10\nsection: National\n---\n\nBody.\n",
                         to: "articles/quote.md")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/quote.md:2:8: error: invalid YAML in front matter: found unexpected end of "
                + "stream while scanning a quoted scalar that starts here (reading stopped at line 4, column 18); "
                + "add the closing quote",
            "\(digest.folder)/digest.yaml:3:11: error: invalid YAML in digest.yaml: did not find expected ',' or ']' "
                + "while parsing a flow sequence that starts here (reading stopped at line 5, column 5); "
                + "close the list with ']'",
        ])
    }

    @Test func paragraphSeparatorsDoNotShiftYAMLLines() throws {
        // libyaml ends lines at U+2028 and U+2029 too; positions must still be the editor's.
        let digest = try TemporaryDigest(digestYAML: "# a comment\u{2029}\u{2028}\ntitle: \"T\u{2029}x\"\n"
            + "edition: June 2024\nsections: [National]\ncolour: red\n")
        defer { digest.cleanUp() }
        try digest.write("---\ntitle: \"\u{2029}Fine\"\ndate: 2024-06-10\nsection: Natonal\n---\n\nBody.\n", to: "articles/a.md")
        try digest.write("---\ntitle: \"Fine\u{2029}\u{2029}\"\ndate: 2024-06-10\nsection: National\ntags: [a, ]]\n---\n\nBody.\n",
                         to: "articles/b.md")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/a.md:4:10: error: unknown section 'Natonal'; "
                + "did you mean 'National'? digest.yaml lists 'National'",
            "\(digest.folder)/articles/b.md:5:12: error: invalid YAML in front matter: did not find expected key "
                + "while parsing a block mapping; check the indentation, and quote values that contain ': ' or start with a special character",
            "\(digest.folder)/digest.yaml:5:1: error: unknown key 'colour' in digest.yaml; "
                + "expected 'title', 'edition', 'publisher', 'language', 'layout', 'sections', 'quiz', 'watermark', 'logo', 'brand-color', 'copyright', 'about', 'contact', 'links' or 'highlights'",
        ])
    }

    @Test func anErrorAtTheEndOfAFileWithoutAFinalLineEndStaysInTheFile() throws {
        // libyaml places the end of such a text on a line after the last one.
        let digest = try TemporaryDigest(digestYAML: "title: T\nedition: June 2024\nsections: [National]\nq- [x] u")
        defer { digest.cleanUp() }
        #expect(diagnostics(of: digest.folder).last == "\(digest.folder)/digest.yaml:4:9: error: invalid YAML in digest.yaml: "
            + "could not find expected ':' while scanning a simple key; check the indentation, and quote values "
            + "that contain ': ' or start with a special character")
    }

    @Test func emptyHeadingsAreLeftOutWithAWarning() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(pngHeader(width: 4, height: 4), to: "images/a.png")
        try digest.write(soundFrontMatter + "#\n\n## <!-- later -->\n\n### ![Only a picture](images/a.png)\n\n## Real\n",
                         to: "articles/headings.md")
        let reading = DigestReader.read(folder: digest.folder)
        let file = digest.folder + "/articles/headings.md"
        let hint = "write its text after the '#' marks, or remove the line"
        #expect(reading.diagnostics.map(\.description) == [
            "\(file):6:1: warning: empty heading left out; \(hint)",
            "\(file):8:1: warning: empty heading left out; \(hint)",
            "\(file):10:1: warning: empty heading left out; \(hint)",
            "\(file):10:5: warning: image 'images/a.png' is inside text; it is placed after the block; "
                + "put the image in a paragraph of its own",
        ])
        let blocks = try #require(reading.digest?.articles.first?.blocks)
        #expect(blocks.map(\.location.line) == [10, 12])  // the lifted picture, then "Real"
    }

    // MARK: Files that are not files, or not inside the folder

    @Test func articlesAndDigestYAMLLinkedFromOutsideAreNotRead() throws {
        let digest = try TemporaryDigest()
        let outside = try TemporaryDigest()
        defer { digest.cleanUp(); outside.cleanUp() }
        try outside.write(soundFrontMatter + "Secret.\n", to: "articles/secret.md")
        let files = FileManager.default
        try files.createSymbolicLink(atPath: digest.folder + "/articles/linked.md",
                                     withDestinationPath: outside.folder + "/articles/secret.md")
        // A link that stays inside is read.
        try digest.write(soundFrontMatter + "Inside.\n", to: "drafts/inside.md")
        try files.createSymbolicLink(atPath: digest.folder + "/articles/alias.md",
                                     withDestinationPath: "../drafts/inside.md")
        let reading = DigestReader.read(folder: digest.folder)
        #expect(reading.diagnostics.map(\.description) == [
            "\(digest.folder)/articles/linked.md: error: 'articles/linked.md' is a symbolic link to a file outside "
                + "the digest folder; copy the article into the digest folder; Gazette reads no file outside it",
        ])

        try files.removeItem(atPath: digest.folder + "/articles/linked.md")
        try files.removeItem(atPath: digest.folder + "/digest.yaml")
        try files.createSymbolicLink(atPath: digest.folder + "/digest.yaml",
                                     withDestinationPath: outside.folder + "/digest.yaml")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/digest.yaml: error: 'digest.yaml' is a symbolic link to a file outside the digest "
                + "folder; copy the file into the digest folder; Gazette reads no file outside it",
        ])
    }

    @Test(arguments: [
        ("/etc/passwd", "layout path '/etc/passwd' is absolute"),
        ("~/layouts/mine.yaml", "layout path '~/layouts/mine.yaml' is absolute"),
        ("layouts/../../outside.yaml", "layout path 'layouts/../../outside.yaml' leaves the digest folder"),
        ("layouts/linked.yaml", "layout 'layouts/linked.yaml' is a symbolic link to a file outside the digest folder"),
    ])
    func layoutPathsStayInsideTheFolder(layout: String, message: String) throws {
        let digest = try TemporaryDigest(digestYAML: "title: T\nedition: June 2024\nlayout: \(layout)\nsections: [National]\n")
        let outside = try TemporaryDigest()
        defer { digest.cleanUp(); outside.cleanUp() }
        try FileManager.default.createDirectory(atPath: digest.folder + "/layouts", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: digest.folder + "/layouts/linked.yaml",
                                                   withDestinationPath: outside.folder + "/digest.yaml")
        try digest.write(soundFrontMatter + "Body.\n", to: "articles/a.md")
        let reading = DigestReader.read(folder: digest.folder)
        #expect(reading.digest == nil)
        let hint = message.contains("symbolic") ? "copy the layout file into the digest folder"
            : "use a layout name such as 'monthly', or a path inside the digest folder such as 'layouts/mine.yaml'"
        #expect(reading.diagnostics.map(\.description) == ["\(digest.folder)/digest.yaml:3:9: error: \(message); \(hint)"])
    }

    @Test func layoutNamesAndInsidePathsAreKeptAsWritten() throws {
        for layout in ["monthly", "layouts/mine.yaml", "./layouts/../layouts/mine.yaml"] {
            let digest = try TemporaryDigest(digestYAML: "title: T\nedition: June 2024\nlayout: \(layout)\nsections: [National]\n")
            defer { digest.cleanUp() }
            try digest.write(soundFrontMatter + "Body.\n", to: "articles/a.md")
            let reading = DigestReader.read(folder: digest.folder)
            #expect(reading.diagnostics.isEmpty)
            #expect(reading.digest?.layout == layout)
        }
    }

    @Test func namedPipesAreRefusedWithoutWaiting() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try FileManager.default.createDirectory(atPath: digest.folder + "/images", withIntermediateDirectories: true)
        #expect(mkfifo(digest.folder + "/images/pipe.png", 0o644) == 0)
        #expect(mkfifo(digest.folder + "/articles/pipe.md", 0o644) == 0)
        try digest.write(soundFrontMatter + "![A pipe](images/pipe.png)\n", to: "articles/uses-pipe.md")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/pipe.md: error: 'articles/pipe.md' is not a regular file; "
                + "replace it with an ordinary text file",
            "\(digest.folder)/articles/uses-pipe.md:6:1: error: image 'images/pipe.png' is not a regular file; "
                + "save the picture as an ordinary PNG or JPEG file",
        ])
    }

    // Root reads every file whatever its mode: the check only means something for others.
    @Test(.enabled(if: getuid() != 0, "root can read a file of mode 000"))
    func unreadablePicturesAreReported() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(pngHeader(width: 4, height: 4), to: "images/locked.png")
        #expect(chmod(digest.folder + "/images/locked.png", 0) == 0)
        try digest.write(soundFrontMatter + "![Locked](images/locked.png)\n", to: "articles/locked.md")
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/locked.md:6:1: error: cannot read image 'images/locked.png'; "
                + "check that the file is readable",
        ])
    }

    // MARK: Pictures cut short or corrupt

    static let jpegSOI: [UInt8] = [0xFF, 0xD8]
    static let jpegFrame: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 8, 0x00, 0x10, 0x00, 0x20, 3] + Array(repeating: 1, count: 9)
    static let jpegScan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0] + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]

    static let damaged: [(name: String, bytes: [UInt8], problem: String)] = {
        let whole = pngHeader(width: 8, height: 8)
        var badCRC = whole
        badCRC[30] ^= 0x01  // inside IHDR's checksum
        let noData = Array(whole.prefix(33)) + pngChunk("IEND", [])
        let palette = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + pngChunk("IHDR", bigEndian(8) + bigEndian(8) + [8, 3, 0, 0, 0])
            + pngChunk("IDAT", [1, 2, 3]) + pngChunk("IEND", [])
        let badDepth = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + pngChunk("IHDR", bigEndian(8) + bigEndian(8) + [3, 2, 0, 0, 0])
            + pngChunk("IDAT", [1, 2, 3]) + pngChunk("IEND", [])
        return [
            ("cut.png", Array(whole.dropLast(12)), "the file ends before its last chunk (IEND); it was cut short"),
            ("short-chunk.png", Array(whole.prefix(48)), "chunk 'IDAT' runs past the end of the file; it was cut short"),
            ("crc.png", badCRC, "chunk 'IHDR' is corrupt (its checksum does not match)"),
            ("no-data.png", noData, "it has no image data (IDAT)"),
            ("no-palette.png", palette, "it has no palette (PLTE)"),
            ("depth.png", badDepth, "its header has an invalid colour type 2 with bit depth 3"),
            ("cut.jpg", jpegSOI + jpegFrame + jpegScan, "it has no end-of-image marker; it was cut short"),
            ("no-scan.jpg", jpegSOI + jpegFrame + [0xFF, 0xD9], "it ends before its image data"),
            ("segment.jpg", jpegSOI + jpegFrame + [0xFF, 0xE1, 0x10, 0x00, 1, 2], "a segment runs past the end of the file; it was cut short"),
        ]
    }()

    @Test(arguments: damaged.indices)
    func damagedPicturesAreReportedWhereTheArticleNamesThem(_ index: Int) throws {
        let (name, bytes, problem) = Self.damaged[index]
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(bytes, to: "images/" + name)
        try digest.write(soundFrontMatter + "Text.\n\n![Damaged](images/\(name))\n", to: "articles/pictures.md")
        let format = name.hasSuffix(".png") ? "PNG" : "JPEG"
        #expect(diagnostics(of: digest.folder) == [
            "\(digest.folder)/articles/pictures.md:8:1: error: image 'images/\(name)' is a damaged \(format) file: "
                + "\(problem); export or copy the picture again",
        ])
    }

    @Test func wholePicturesPass() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(pngHeader(width: 8, height: 8) + Array("trailing bytes after IEND".utf8), to: "images/a.png")
        try digest.write(Self.jpegSOI + Self.jpegFrame + Self.jpegScan + [0xFF, 0xD9, 0, 0], to: "images/b.jpg")
        try digest.write(soundFrontMatter + "![A](images/a.png)\n\n![B](images/b.jpg)\n", to: "articles/pictures.md")
        let reading = DigestReader.read(folder: digest.folder)
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.digest?.articles.first?.blocks.count == 2)
    }

    @Test func theBundledPicturesAreWhole() throws {
        for folder in [Paths.repository + "/Examples/2024-06/images", Paths.repository + "/Tests/Fixtures/hard-2024-07/images",
                       Paths.fixture("complete") + "/images"] {
            // SVG logos are vector drawings, checked by librsvg when they are drawn.
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasSuffix(".svg") {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                let read = { (offset: Int, count: Int) in Array(bytes.dropFirst(offset).prefix(count)) }
                guard case .success(let header) = ImageHeader.read(read) else {
                    Issue.record("\(name): no header"); continue
                }
                #expect(ImageIntegrity.problem(header.format, size: bytes.count, read: read) == nil, "\(name)")
            }
        }
    }

    @Test func crcMatchesZlib() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }
}

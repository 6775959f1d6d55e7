import Foundation
import Testing
import TestSupport

/// Broken digests, built at test time, through the real `gazette` binary: each gives exit
/// 1, an error naming the right file and line, no output file, and leaves an existing
/// output byte for byte as it was.
@Suite struct BrokenDigestTests {
    /// One way to break the sound digest, and the diagnostic it must give.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        /// The file the error must name, relative to the digest folder.
        var file: String
        /// The line it must name; nil for a whole-file error (`path: error: …`).
        var line: Int?
        /// A part of the message that must follow `error: `.
        var message: String
        /// A breakage Gazette repairs with a warning: an error only with `--strict`.
        var repairable = false
        var apply: @Sendable (BrokenDigest) throws -> Void

        var testDescription: String { name }
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static let breakages: [Breakage] = [
        // digest.yaml
        Breakage(name: "no digest.yaml", file: "digest.yaml", line: nil, message: "no digest.yaml in") { digest in
            try FileManager.default.removeItem(atPath: digest.path("digest.yaml"))
        },
        Breakage(name: "YAML syntax error", file: "digest.yaml", line: 6, message: "invalid YAML in digest.yaml") { digest in
            try digest.replace("quiz: true", with: "quiz: true: false", in: "digest.yaml")
        },
        Breakage(name: "unclosed YAML list", file: "digest.yaml", line: 3,
                 message: "invalid YAML in digest.yaml: did not find expected ',' or ']' while parsing a flow sequence that starts here") { digest in
            try digest.replace("sections:\n", with: "sections: [National\n", in: "digest.yaml")
        },
        Breakage(name: "unclosed quote in front matter", file: "articles/sound.md", line: 2,
                 message: "invalid YAML in front matter: found unexpected end of stream while scanning a quoted scalar that starts here") { digest in
            try digest.replace("title: A Sound Article", with: "title: \"A Sound Article", in: "articles/sound.md")
        },
        Breakage(name: "unknown key", file: "digest.yaml", line: 7, message: "unknown key 'colour' in digest.yaml") { digest in
            try digest.write(BrokenDigest.digestYAML + "colour: blue\n", to: "digest.yaml")
        },
        Breakage(name: "missing key", file: "digest.yaml", line: 1, message: "missing required key 'edition' in digest.yaml") { digest in
            try digest.replace("edition: June 2024\n", with: "", in: "digest.yaml")
        },
        Breakage(name: "control escape in YAML", file: "digest.yaml", line: 1,
                 message: "'title' in digest.yaml contains NUL character") { digest in
            try digest.replace("title: Robustness Monthly", with: "title: \"Robust\\0ness\"", in: "digest.yaml")
        },
        // Front matter
        Breakage(name: "not a date", file: "articles/sound.md", line: 3, message: "invalid date '2024-06-31'") { digest in
            try digest.replace("2024-06-10", with: "2024-06-31", in: "articles/sound.md")
        },
        Breakage(name: "date that is no date at all", file: "articles/sound.md", line: 3, message: "invalid date 'last Tuesday'") { digest in
            try digest.replace("2024-06-10", with: "last Tuesday", in: "articles/sound.md")
        },
        Breakage(name: "unknown section", file: "articles/sound.md", line: 4, message: "unknown section 'Weather'") { digest in
            try digest.replace("section: National", with: "section: Weather", in: "articles/sound.md")
        },
        Breakage(name: "missing front matter key", file: "articles/sound.md", line: 1,
                 message: "missing required key 'title' in front matter") { digest in
            try digest.replace("title: A Sound Article\n", with: "", in: "articles/sound.md")
        },
        Breakage(name: "unknown front matter key", file: "articles/sound.md", line: 4, message: "unknown key 'auther'") { digest in
            try digest.replace("section: National\n", with: "auther: Someone\nsection: National\n", in: "articles/sound.md")
        },
        Breakage(name: "unterminated front matter", file: "articles/sound.md", line: 1, message: "front matter is not closed") { digest in
            try digest.write("---\ntitle: Open\ndate: 2024-06-10\nsection: National\n\nNo closing line.\n", to: "articles/sound.md")
        },
        // Bytes
        Breakage(name: "binary file", file: "articles/binary.md", line: 1, message: "invalid UTF-8 byte 0x89") { digest in
            try digest.write(BrokenDigestTests.pngSignature + [0, 0, 0, 13], to: "articles/binary.md")
        },
        Breakage(name: "NUL byte", file: "articles/sound.md", line: 7, message: "NUL character in text") { digest in
            try digest.replace("A paragraph of", with: "A paragraph\0 of", in: "articles/sound.md")
        },
        Breakage(name: "control character", file: "articles/sound.md", line: 12,
                 message: "removed control character U+001B, which print cannot show", repairable: true) { digest in
            try digest.replace("This is a callout.", with: "This is \u{1B}[1m a callout.", in: "articles/sound.md")
        },
        Breakage(name: "character reference to a noncharacter", file: "articles/other.md", line: 9,
                 message: "character reference '&#x10FFFF;' writes noncharacter U+10FFFF") { digest in
            try digest.addArticle("other.md", body: "Fine.\n\nA paste &#x10FFFF; here.\n")
        },
        // Conventions
        Breakage(name: "unknown callout kind", file: "articles/sound.md", line: 11, message: "unknown callout kind 'tip'") { digest in
            try digest.replace("[!note]", with: "[!tip]", in: "articles/sound.md")
        },
        Breakage(name: "quiz without a right answer", file: "articles/sound.md", line: 15,
                 message: "question has no ticked option", repairable: true) { digest in
            try digest.replace("- [x] Right", with: "- [ ] Right", in: "articles/sound.md")
        },
        Breakage(name: "quiz with two right answers", file: "articles/sound.md", line: 17,
                 message: "question has 2 ticked options", repairable: true) { digest in
            try digest.replace("- [ ] Wrong", with: "- [x] Wrong", in: "articles/sound.md")
        },
        Breakage(name: "quiz without options", file: "articles/sound.md", line: 15, message: "question has no options",
                 repairable: true) { digest in
            try digest.replace("- [ ] Wrong\n- [x] Right\n", with: "", in: "articles/sound.md")
        },
        // Pictures
        Breakage(name: "missing picture", file: "articles/sound.md", line: 9, message: "image 'images/chart.png' not found") { digest in
            try FileManager.default.removeItem(atPath: digest.path("images/chart.png"))
        },
        Breakage(name: "not a picture", file: "articles/sound.md", line: 9,
                 message: "image 'images/chart.png' is not a PNG or JPEG file") { digest in
            try digest.write("<svg xmlns='http://www.w3.org/2000/svg'/>\n", to: "images/chart.png")
        },
        Breakage(name: "picture cut short", file: "articles/sound.md", line: 9,
                 message: "image 'images/chart.png' is a damaged PNG file") { digest in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: digest.path("images/chart.png")))
            try digest.write(Array(bytes.prefix(bytes.count / 2)), to: "images/chart.png")
        },
        Breakage(name: "decompression bomb", file: "articles/sound.md", line: 9,
                 message: "image 'images/chart.png' is too large (60000×60000 pixels)") { digest in
            try digest.write(BrokenDigestTests.bomb(side: 60_000), to: "images/chart.png")
        },
        Breakage(name: "named pipe for a picture", file: "articles/sound.md", line: 9,
                 message: "image 'images/chart.png' is not a regular file") { digest in
            try FileManager.default.removeItem(atPath: digest.path("images/chart.png"))
            guard mkfifo(digest.path("images/chart.png"), 0o644) == 0 else { throw POSIXError(.EIO) }
        },
        Breakage(name: "absolute picture path", file: "articles/sound.md", line: 9,
                 message: "image path '/etc/hostname' is absolute") { digest in
            try digest.replace("images/chart.png", with: "/etc/hostname", in: "articles/sound.md")
        },
        Breakage(name: "picture path climbing out", file: "articles/sound.md", line: 9,
                 message: "image path '../../../etc/hostname' leaves the digest folder") { digest in
            try digest.replace("images/chart.png", with: "../../../etc/hostname", in: "articles/sound.md")
        },
        Breakage(name: "picture linked from outside", file: "articles/sound.md", line: 9,
                 message: "image 'images/chart.png' is a symbolic link to a file outside the digest folder") { digest in
            let outside = URL(fileURLWithPath: digest.folder).deletingLastPathComponent().path + "/outside.png"
            try FileManager.default.moveItem(atPath: digest.path("images/chart.png"), toPath: outside)
            try FileManager.default.createSymbolicLink(atPath: digest.path("images/chart.png"), withDestinationPath: outside)
        },
        Breakage(name: "article linked from outside", file: "articles/linked.md", line: nil,
                 message: "'articles/linked.md' is a symbolic link to a file outside the digest folder") { digest in
            let outside = URL(fileURLWithPath: digest.folder).deletingLastPathComponent().path + "/secret.md"
            try Data("---\ntitle: Secret\ndate: 2024-06-10\nsection: National\n---\n\nSecret.\n".utf8)
                .write(to: URL(fileURLWithPath: outside))
            try FileManager.default.createSymbolicLink(atPath: digest.path("articles/linked.md"), withDestinationPath: outside)
        },
    ]

    /// A PNG claiming `side`×`side` pixels in a few dozen bytes: what a decompression bomb
    /// shows the reader, which refuses it from the header before anything is decoded.
    static func bomb(side: UInt32) -> [UInt8] {
        func bigEndian(_ n: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: n >> $0) } }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
        }
        // The start of a zlib stream of zero bytes (fixed Huffman, long repeats).
        let data: [UInt8] = [0x78, 0x01, 0x63, 0x18, 0x05, 0xA3, 0x60, 0x14, 0x8C, 0x54, 0x00, 0x00]
        return pngSignature + chunk("IHDR", bigEndian(side) + bigEndian(side) + [8, 2, 0, 0, 0])
            + chunk("IDAT", data) + chunk("IEND", [])
    }

    @Test func theSoundDigestBuilds() throws {
        let digest = try BrokenDigest()
        defer { digest.cleanUp() }
        let output = digest.folder + "/../sound.pdf"
        let result = try run(gazette(), ["build", digest.folder, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: output))
    }

    @Test(arguments: breakages)
    func brokenDigestExitsOneNamesFileAndLineAndWritesNothing(_ breakage: Breakage) throws {
        let digest = try BrokenDigest()
        defer { digest.cleanUp() }
        try breakage.apply(digest)
        let outputs = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: outputs) }

        // A fresh output path: nothing may appear there.
        let fresh = outputs + "/new/june.pdf"
        let strict = breakage.repairable ? ["--strict"] : []
        let result = try run(gazette(), ["build", digest.folder, "--output", fresh] + strict, timeout: 60)
        #expect(!result.crashed, "gazette crashed or hung: \(result.stderr)")
        #expect(result.status == 1, "\(result.stderr)")
        let place = digest.path(breakage.file) + (breakage.line.map { ":\($0):" } ?? ":")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(place) && $0.contains("error: \(breakage.message)") },
                "expected '\(place) … error: \(breakage.message)' in:\n\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fresh))

        // Last month's PDF: left byte for byte, and no temporary file beside it.
        let existing = outputs + "/june.pdf"
        let previous = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try previous.write(to: URL(fileURLWithPath: existing))
        let again = try run(gazette(), ["build", digest.folder, "--output", existing] + strict, timeout: 60)
        #expect(again.status == 1)
        #expect(contents(existing) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs).sorted() == ["june.pdf"])

        // `check` agrees.
        let check = try run(gazette(), ["check", digest.folder] + strict, timeout: 60)
        #expect(check.status == 1)
        #expect(check.stderr.contains("error: \(breakage.message)"))
    }

    /// Without `--strict`, what can be repaired safely is: the month builds, with a warning
    /// at the same line, and the repaired part is left out of the PDF.
    @Test(arguments: breakages.filter(\.repairable))
    func repairableBreakageBuildsWithAWarningAtItsLine(_ breakage: Breakage) throws {
        let digest = try BrokenDigest()
        defer { digest.cleanUp() }
        try breakage.apply(digest)
        let output = try temporaryFolder() + "/june.pdf"
        let result = try run(gazette(), ["build", digest.folder, "--output", output], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let place = digest.path(breakage.file) + (breakage.line.map { ":\($0):" } ?? ":")
        #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix(place) && $0.contains("warning: \(breakage.message)") },
                "expected '\(place) … warning: \(breakage.message)' in:\n\(result.stderr)")
        let text = try run("/usr/bin/pdftotext", [output, "-"], timeout: 60).stdout
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\u{0C}" }, "no control character in the PDF's text")
        #expect(!text.contains("[1m"))
        if breakage.message.hasPrefix("question") {
            #expect(!text.contains("Answer Key") || !text.contains("Right"), "the broken question is not in the answer key")
        }
    }
}

/// CRC-32 as zlib computes it (PNG chunk checksums).
func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
}

import DigestModel
import Diagnostics
import Foundation
import Testing
@testable import DigestReader

/// One-liners and the publisher's keys of `digest.yaml`.
@Suite struct BrandingReaderTests {
    private func read(_ markdown: String) -> (blocks: [Block.Content], diagnostics: [String]) {
        let body = BodyReader.read(
            lines: markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            file: "t.md", lineOffset: 5,
            images: ImageResolver(folder: Paths.fixture("complete"), articleDirectory: ["articles"]))
        return (body.blocks.map(\.content), body.diagnostics.map(\.description))
    }

    @Test func oneLinersAreOneFactALineWithInlineMarkdownAndNoMarkers() {
        let result = read("```oneliners\n- The **CRS** reports to aviation.\n\n12. Kavach is *indigenous*.\n  Plain fact\n```\n")
        #expect(result.diagnostics == [])
        #expect(result.blocks == [.oneLiners([
            [.text("The "), .strong([.text("CRS")]), .text(" reports to aviation.")],
            [.text("Kavach is "), .emphasis([.text("indigenous")]), .text(".")],
            [.text("Plain fact")],
        ])])
    }

    @Test func anEmptyOneLinersBlockIsAWarning() {
        let result = read("Text.\n\n```oneliners\n\n```\n")
        #expect(result.diagnostics == ["t.md:8:1: warning: empty oneliners block; write one fact per line, or remove the block"])
        #expect(result.blocks == [.paragraph([.text("Text.")])])
    }

    @Test func aOneLinersBlockIsReadFromAnArticleFile() throws {
        let digest = try TemporaryDigest()
        defer { digest.cleanUp() }
        try digest.write(soundFrontMatter + "```oneliners\nFirst **fact**\nSecond fact\n```\n", to: "articles/a.md")
        let reading = DigestReader.read(folder: digest.folder)
        let article = try #require(reading.digest?.articles.first)
        #expect(article.blocks.map(\.content) == [.oneLiners([[.text("First "), .strong([.text("fact")])], [.text("Second fact")]])])
    }

    @Test func brandingKeysAreRead() throws {
        let digest = try TemporaryDigest(digestYAML: """
            title: Temporary
            edition: June 2024
            sections: [National, Sports]
            watermark: For personal study — not for sale
            logo: images/logo.svg
            brand-color: "#7A1F2B"
            copyright: © 2024 Us
            about: We write digests.
            contact: editors@example.org
            links: [https://example.org/, "mailto:editors@example.org"]
            highlights: [a.md]
            """)
        defer { digest.cleanUp() }
        try digest.write("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>", to: "images/logo.svg")
        try digest.write(soundFrontMatter + "Text.\n", to: "articles/a.md")
        let reading = DigestReader.read(folder: digest.folder)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        let branding = try #require(reading.digest?.branding)
        #expect(branding == Branding(
            watermark: "For personal study — not for sale", logo: digest.folder + "/images/logo.svg",
            brandColor: "#7A1F2B", copyright: "© 2024 Us", about: "We write digests.", contact: "editors@example.org",
            links: ["https://example.org/", "mailto:editors@example.org"], highlights: ["a"]))
        #expect(branding.hasAboutPage)
    }

    @Test func badBrandingIsReportedWhereItIsWritten() throws {
        let digest = try TemporaryDigest(digestYAML: """
            title: Temporary
            edition: June 2024
            sections: [National, Sports]
            logo: ../logo.png
            brand-color: red
            links: [example.org]
            highlights: [b]
            """)
        defer { digest.cleanUp() }
        try digest.write(soundFrontMatter + "Text.\n", to: "articles/a.md")
        let file = digest.folder + "/digest.yaml"
        #expect(DigestReader.read(folder: digest.folder).diagnostics.map(\.description) == [
            "\(file):4:7: error: logo path '../logo.png' leaves the digest folder; give a PNG, JPEG or SVG file inside the digest folder, such as 'images/logo.svg'",
            "\(file):5:14: error: 'red' is not a colour; write it as \"#RRGGBB\", in quotes",
            "\(file):6:9: error: link 'example.org' is not a web address; write it in full, such as 'https://example.org/'",
            "\(file):7:14: warning: highlight 'b' is not an article of this digest; it is left off the cover; did you mean 'a'?",
        ])
    }
}

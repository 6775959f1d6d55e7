import DigestReader
import Foundation
import Testing
@testable import Layout

/// A character no bundled font has is a warning that names the article, the line and the
/// character: never a silent empty box.
@MainActor
@Suite struct MissingGlyphTests {
    @Test func aCharacterNoFontHasIsReportedWithItsLine() throws {
        let folder = NSTemporaryDirectory() + "gazette-glyphs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        try "title: Glyphs\nedition: June 2024\nsections: [National]\n"
            .write(toFile: folder + "/digest.yaml", atomically: true, encoding: .utf8)
        try """
            ---
            title: Scripts
            date: 2024-06-10
            section: National
            ---

            Latin and देवनागरी are covered.

            An Egyptian hieroglyph 𓀀 is not.

            | Sign | Reading |
            |------|---------|
            | 𓃒 | bull |
            """.write(toFile: folder + "/articles/scripts.md", atomically: true, encoding: .utf8)
        let digest = try #require(DigestReader.read(folder: folder).digest)
        let result = DigestLayout.layout(digest, spec: bundledLayout("monthly"), shaper: sharedShaper)
        #expect(result.warnings.map(\.description) == [
            "\(folder)/articles/scripts.md:9:1: warning: no font in Fonts/ has '𓀀' (U+13000); it prints as an empty box",
            "\(folder)/articles/scripts.md:11:1: warning: no font in Fonts/ has '𓃒' (U+130D2); it prints as an empty box",
        ])
    }

    @Test func theSampleMonthsNeedNoCharacterTheFontsLack() throws {
        for folder in [sharedCorpus, repositoryRoot + "/Examples/2024-06"] {
            let digest = try #require(DigestReader.read(folder: folder).digest)
            let result = DigestLayout.layout(digest, spec: bundledLayout("monthly"), shaper: sharedShaper)
            #expect(!result.warnings.contains { $0.message.hasPrefix("no font in Fonts/") }, "\(result.warnings)")
        }
    }
}

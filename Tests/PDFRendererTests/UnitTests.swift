import Foundation
import Geometry
import PDFRenderer
import PageModel
import Testing

@Suite struct PDFDateTests {
    @Test(arguments: [
        ("2024-06-30", "2024-06-30"),
        ("2024-06-30T08:15", "2024-06-30T08:15:00"),
        ("2024-06-30T08:15:09", "2024-06-30T08:15:09"),
        ("2024-06-30 08:15:09z", "2024-06-30T08:15:09Z"),
        ("2024-06-30T08:15:09.123456Z", "2024-06-30T08:15:09Z"),
        ("2024-06-30T08:15:09+05:30", "2024-06-30T08:15:09+05:30"),
        ("2024-06-30T08:15:09+0530", "2024-06-30T08:15:09+05:30"),
        ("2024-06-30T08:15:09-07", "2024-06-30T08:15:09-07:00"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
    ])
    func acceptedDates(input: String, expected: String) {
        #expect(PDFDate.cairoDate(fromISO8601: input) == expected)
    }

    @Test(arguments: [
        "", "2024", "2024-6-30", "2023-02-29", "2024-13-01", "2024-06-31", "2024-06-30T24:00:00Z",
        "2024-06-30T08:60", "2024-06-30T08:15:09.Z", "2024-06-30T08:15:09+5:30", "2024-06-30T08:15:09 +05:30",
        "2024-06-30T08:15:09Zjunk", "June 30, 2024", "２０２４-06-30",
    ])
    func rejectedDates(input: String) {
        #expect(PDFDate.cairoDate(fromISO8601: input) == nil)
    }
}

@Suite struct TagAttributeTests {
    @Test(arguments: [
        (0.0, "0"), (72.0, "72"), (-3.5, "-3.5"), (0.0004, "0"), (841.889764, "841.89"), (1e-7, "0"),
        (12.3456, "12.346"), (-0.0004, "0"), (Double.nan, "0"), (1e20, "1000000000"),
    ])
    func numbersArePlainDecimals(value: Double, expected: String) {
        #expect(TagAttributes.number(value) == expected)
    }

    @Test func quotedValuesEscapeQuotesAndBackslashes() {
        #expect(TagAttributes.quoted(#"it's a \ test"#) == #"'it\'s a \\ test'"#)
    }

    @Test func destinationAndLinkAttributes() {
        #expect(TagAttributes.destination("intro", at: Point(x: .pt(72), y: .pt(100.5)))
            == "name='intro' x=72 y=100.5")
        let link = Link(frame: rect(1, 2, 3.25, 4), target: .destination("a b"))
        #expect(TagAttributes.link(link) == "rect=[1 2 3.25 4] dest='a%20b'")
        let uri = Link(frame: rect(0, 0, 1, 1), target: .uri("http://x.org/it's"))
        #expect(TagAttributes.link(uri) == #"rect=[0 0 1 1] uri='http://x.org/it\'s'"#)
        #expect(TagAttributes.outlineTarget("ü") == "dest='%C3%BC'")
    }

    @Test func destinationNamesBecomeSafeASCII() {
        #expect(PDFStrings.destinationName("section-2.intro_a~b") == "section-2.intro_a~b")
        #expect(PDFStrings.destinationName("a(b)\\c") == "a%28b%29%5Cc")
        #expect(PDFStrings.destinationName("100%") == "100%25")
        #expect(PDFStrings.destinationName("नम") == "%E0%A4%A8%E0%A4%AE")
        // One-to-one: an encoded-looking name does not collide with the name it encodes.
        #expect(PDFStrings.destinationName("%41") != PDFStrings.destinationName("A"))
    }

    @Test func urisKeepTheirEscapesAndEncodeTheRest() {
        #expect(PDFStrings.uri("https://example.org/a%20b?q=1&r=(2)") == "https://example.org/a%20b?q=1&r=(2)")
        #expect(PDFStrings.uri("https://例え.jp/a b\\c") == "https://%E4%BE%8B%E3%81%88.jp/a%20b%5Cc")
    }
}

@Suite struct ClusterMapTests {
    func run(_ text: String, glyphs: Int, clusters: [(Int, Int)], backward: Bool = false) -> GlyphRun {
        GlyphRun(
            font: FontFace(file: "f.ttf"), size: .pt(10), color: .black, origin: .zero,
            glyphs: (0..<glyphs).map { Glyph(id: UInt32($0), x: .pt(Double($0)), y: .zero) },
            text: text, clusters: clusters.map { Cluster(byteCount: $0.0, glyphCount: $0.1) },
            isBackward: backward, width: .pt(Double(glyphs)))
    }

    @Test func forwardClustersPassThrough() throws {
        let map = try #require(try ClusterMap(run("ab", glyphs: 2, clusters: [(1, 1), (1, 1)])))
        #expect(map.clusters == [Cluster(byteCount: 1, glyphCount: 1), Cluster(byteCount: 1, glyphCount: 1)])
        #expect(!map.isBackward)
        #expect(map.utf8 == Array("ab".utf8))
    }

    /// "אב ג": glyph order (visual, left to right) is ג, space, ב, א.
    @Test func backwardClustersAreReversedIntoTextOrder() throws {
        let map = try #require(try ClusterMap(
            run("אב ג", glyphs: 4, clusters: [(2, 1), (1, 1), (2, 1), (2, 1)], backward: true)))
        #expect(map.clusters.map(\.byteCount) == [2, 2, 1, 2])
        #expect(map.isBackward)
    }

    @Test func multiGlyphAndZeroGlyphClusters() throws {
        // "fi" ligature: two characters, one glyph; a combining mark cluster of two glyphs.
        #expect(try ClusterMap(run("fié", glyphs: 3, clusters: [(2, 1), (2, 2)])) != nil)
        #expect(try ClusterMap(run("a\u{200C}", glyphs: 1, clusters: [(1, 1), (3, 0)])) != nil)
    }

    @Test func noTextAndNoClustersMeansBareGlyphs() throws {
        #expect(try ClusterMap(run("", glyphs: 2, clusters: [])) == nil)
    }

    @Test(arguments: [
        ("ab", 2, [(1, 1)], "clusters cover 1 bytes and 1 glyphs, but the run has 2 bytes and 2 glyphs"),
        ("ab", 2, [(1, 1), (1, 1), (0, 0)], "cluster 3 covers no text and no glyphs"),
        ("ab", 2, [(-1, 1), (3, 1)], "cluster 1 has a negative count"),
        ("é", 1, [(1, 1), (1, 0)], "cluster 1 ends inside a character (byte 1)"),
        ("ab", 0, [], "clusters cover 0 bytes and 0 glyphs, but the run has 2 bytes and 0 glyphs"),
    ])
    func invalidClusters(text: String, glyphs: Int, clusters: [(Int, Int)], detail: String) {
        #expect(throws: ClusterMap.Problem(detail: detail)) {
            _ = try ClusterMap(run(text, glyphs: glyphs, clusters: clusters))
        }
    }
}

@Suite struct JPEGHeaderTests {
    @Test func readsTheFrameHeader() throws {
        let bytes = try #require(Data(base64Encoded: TestImages.jpegBase64))
        let header = try #require(JPEGHeader([UInt8](bytes)))
        #expect(header.width == 16 && header.height == 8 && header.components == 3)
    }

    @Test func rejectsOtherBytes() {
        #expect(JPEGHeader([]) == nil)
        #expect(JPEGHeader(Array("\u{89}PNG\r\n\u{1A}\n....".utf8)) == nil)
        #expect(JPEGHeader([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02]) == nil)
        // Truncated inside the frame header.
        #expect(JPEGHeader([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00]) == nil)
    }
}

import Foundation
import Testing
import TestSupport

/// A paragraph holding a 300-character address: it breaks after `/ ? & = # .` and before
/// `-` without a hyphen, the lines around it keep ordinary word spaces, and its link holds
/// the whole address.
@Suite(.serialized) struct AddressLineTests {
    static let address = "https://www.example-ministry.gov.in/documents/reports/annual-review/2024/06/"
        + "state-of-railway-signalling-and-the-kavach-automatic-train-protection-programme-final-report-"
        + "with-annexures-and-the-minutes-of-every-hearing-held-in-siliguri-and-kolkata.pdf"
        + "?download=true&lang=en&section=chapter-3&appendix=b#summary-of-findings-and-recommendations"

    func built() throws -> (pdf: String, pages: [PDFPage]) {
        let folder = try temporaryFolder() + "/m"
        #expect(try run(gazette(), ["new", folder]).status == 0)
        try FileManager.default.removeItem(atPath: folder + "/articles/welcome-to-your-digest.md")
        try """
            ---
            title: Addresses in Running Text
            date: 2024-07-02
            section: National
            ---

            The commission published its findings on the collision, and the full text can be read at \
            <\(Self.address)> where every annexure is also listed, together with the minutes of the hearings \
            held over the following weeks and the replies of the railway zones to each recommendation.

            """.write(toFile: folder + "/articles/addresses.md", atomically: true, encoding: .utf8)
        let pdf = folder + "/m.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf])
        try #require(build.status == 0, "\(build.stderr)")
        return (pdf, try readPages(pdf))
    }

    @Test func theLinesAroundALongAddressKeepOrdinarySpaces() throws {
        let (_, pages) = try built()
        let page = try #require(pages.first { $0.text.contains("commission") })
        // The paragraph's column: the left one of the monthly layout's two, above the footer.
        let top = try #require(page.words.first { $0.text == "commission" }).yMin - 1
        let body = page.words.filter { $0.yMin > top && $0.xMax < page.width / 2 && $0.yMax < page.height - 60 }
        // Words of one line share a baseline; the gaps between neighbours are its spaces.
        var lines: [Double: [PDFWord]] = [:]
        for word in body { lines[(word.yMax * 2).rounded() / 2, default: []].append(word) }
        var gaps: [Double] = []
        for (_, words) in lines where words.count > 1 {
            let sorted = words.sorted { $0.xMin < $1.xMin }
            gaps += zip(sorted, sorted.dropFirst()).map { $1.xMin - $0.xMax }
        }
        let ordinary = gaps.sorted()[gaps.count / 2]
        // The layout's limit: a space may stretch by half its width, 1.5 times over.
        #expect(gaps.max()! <= ordinary * (1 + 0.5 * 1.5) + 0.5, "gaps \(gaps.sorted()), ordinary \(ordinary)")
        // The address is broken at its own break points, never with a hyphen added.
        let text = body.map(\.text)
        #expect(!text.contains { $0.hasSuffix("-") && $0.contains("signalling") })
        #expect(squeezed(page.words.map(\.text).joined()).contains(squeezed(Self.address)), "the address reads whole, column after column")
    }

    @Test func theLinkHoldsTheWholeAddress() throws {
        let (pdf, _) = try built()
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", pdf]).stdout
        let escaped = Self.address.replacingOccurrences(of: "&", with: "\\u0026")
        #expect(json.contains("\"/URI\": \"u:\(Self.address)\"") || json.contains("\"/URI\": \"u:\(escaped)\""))
    }
}

import Foundation
import Testing
import TestSupport

/// Column widths as browsers set them, read back from the PDF: short words stay whole beside a
/// column of addresses; a table whose words do not fit one column spans both, with the text
/// flowing in columns above and below it; only a table too wide for the text width in the
/// layout's smallest table type has words broken.
@Suite(.serialized) struct TableWidthTests {
    static let addresses = [
        "https://www.example-ministry.gov.in/documents/reports/annual-review/2024/06/final-report-with-annexures.pdf",
        "https://www.example-ministry.gov.in/documents/minutes/2024/hearing-siliguri.pdf",
        "https://data.example.gov.in/resource/abc123?format=csv&limit=1000",
    ]
    static let months = ["Chaitra", "Vaishakha", "Jyeshtha", "Ashadha", "Shravana", "Bhadrapada", "Ashvin", "Kartika",
                         "Margashirsha", "Pausha", "Magha", "Phalguna"]
    static let seasons = ["Spring", "Summer", "Summer", "Monsoon", "Monsoon", "Monsoon", "Autumn", "Autumn",
                          "Prewinter", "Winter", "Winter", "Spring"]
    static let gregorian = ["March", "April", "May", "June", "July", "August", "September", "October", "November",
                            "December", "January", "February"]

    /// The month: one article holding both tables, with text before, between and after them.
    static let built: Result<(pdf: String, stderr: String, pages: [PDFPage]), Error> = Result {
        let folder = try temporaryFolder() + "/m"
        guard try run(gazette(), ["new", folder]).status == 0 else { throw CocoaError(.fileWriteUnknown) }
        try FileManager.default.removeItem(atPath: folder + "/articles/welcome-to-your-digest.md")
        let resources = zip(["Report", "Minutes", "Data"], addresses).map { "| \($0) | \($1) |" }.joined(separator: "\n")
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let spans = zip(gregorian, gregorian.dropFirst() + ["March"]).map { "\($0) to \($1)" }
        try """
            ---
            title: Tables That Read Well
            date: 2024-07-02
            section: National
            ---

            The ministry listed its resources in a short table. Each row names a resource and the \
            address where it can be read.

            | Resource | Address |
            |----------|---------|
            \(resources)

            The calendar below has twelve columns, one for each month of the Hindu calendar, and does \
            not fit one column of the page.

            \(row(months))
            \(row(Array(repeating: "---", count: 12)))
            \(row(spans))
            \(row(seasons))

            Below the calendar the text flows on in two columns, as it did above it, and none of it \
            overlaps the table. More words follow to fill a few lines of the left column and then some \
            of the right one, which is what a reader expects of a page in a magazine.

            """.write(toFile: folder + "/articles/tables.md", atomically: true, encoding: .utf8)
        let pdf = folder + "/m.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf])
        guard build.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["stderr": build.stderr]) }
        return (pdf, build.stderr, try readPages(pdf))
    }

    private func page() throws -> PDFPage {
        let pages = try Self.built.get().pages
        return try #require(pages.first { $0.text.contains("Resource") })
    }

    @Test func shortWordsStayWholeBesideAColumnOfAddresses() throws {
        let page = try page()
        let words = Set(page.words.map(\.text))
        for word in ["Resource", "Report", "Minutes", "Data", "Address"] {
            #expect(words.contains(word), "'\(word)' is broken: \(page.words.map(\.text).prefix(60))")
        }
        // Each address reads whole, line after line of its column, broken only after
        // `/ ? & = # .` or before `-`.
        // The table may go on in the next column, under its header repeated.
        let headers = page.words.filter { $0.text == "Address" }.sorted { $0.xMin < $1.xMin }
        let ends = page.words.filter { $0.text == "calendar" || $0.text == "Chaitra" }
        var lines: [String] = []
        for header in headers {
            let half = header.xMin < page.width / 2 ? 0...page.width / 2 : page.width / 2...page.width
            let end = ends.filter { $0.yMin > header.yMax && half.contains($0.xMin) || $0.text == "Chaitra" }
                .map(\.yMin).min() ?? page.height
            let column = page.words.filter { $0.xMin >= header.xMin - 0.5 && half.contains($0.xMax)
                && $0.yMin > header.yMax && $0.yMax < end }
            lines += printedLines(column).map { $0.map(\.text).joined() }
        }
        #expect(headers.count == 2, "the table was expected to go on in the second column")
        for address in Self.addresses {
            var taken: [String] = []
            while let line = lines.first, address.hasPrefix(taken.joined() + line) {
                taken.append(line)
                lines.removeFirst()
            }
            #expect(taken.joined() == address, "\(taken) \(lines)")
            for (line, next) in zip(taken, taken.dropFirst()) {
                #expect("/?&=#.".contains(line.last!) || next.first == "-", "'\(line)' | '\(next)' breaks where it may not")
            }
        }
    }

    @Test func aTwelveColumnTableSpansTheTextWidthWithNoCellOverlapping() throws {
        let page = try page()
        let body = page.words.filter { $0.yMin > 60 && $0.yMax < page.height - 50 }
        // All twelve headers, whole, on one line, left to right.
        let headers = try Self.months.map { month in try #require(body.first { $0.text == month }, "\(month) is broken") }
        #expect(Set(headers.map { ($0.yMax * 2).rounded() }).count == 1)
        #expect(zip(headers, headers.dropFirst()).allSatisfy { $0.xMax < $1.xMin })
        // Across both columns: from the left column's edge to the right column's.
        let leftEdge = body.map(\.xMin).min()!, rightEdge = body.map(\.xMax).max()!
        #expect(headers[0].xMin < page.width * 0.2 && headers[11].xMax > page.width * 0.75,
                "the table runs from \(headers[0].xMin) to \(headers[11].xMax) on a page \(page.width) wide")
        #expect(headers[0].xMin - leftEdge < 8, "the table starts at the text's left edge")
        #expect(rightEdge - headers[11].xMin < (rightEdge - leftEdge) / 12 + 4, "the table ends at the text's right edge")

        // Every cell's words in its own column, between its header's left edge and the next one's.
        let tableTop = headers[0].yMin - 1
        let after = try #require(body.first { $0.text == "calendar" && $0.yMin > tableTop })
        let cells = body.filter { $0.yMin >= tableTop && $0.yMax < after.yMin }
        for column in 0..<12 {
            let low = headers[column].xMin - 0.5
            let high = column < 11 ? headers[column + 1].xMin : page.width
            let inColumn = cells.filter { $0.xMin >= low && $0.xMin < high }
            #expect(inColumn.allSatisfy { $0.xMax < high }, "a word of column \(column + 1) runs into the next")
            let texts = inColumn.map(\.text)
            for expected in [Self.months[column], Self.seasons[column]] + Self.pair(column) {
                #expect(texts.contains(expected), "column \(column + 1) lacks '\(expected)': \(texts)")
            }
        }
        for (index, word) in cells.enumerated() {
            for other in cells[(index + 1)...] {
                let overlaps = word.xMin < other.xMax - 0.1 && other.xMin < word.xMax - 0.1
                    && word.yMin < other.yMax - 0.1 && other.yMin < word.yMax - 0.1
                #expect(!overlaps, "'\(word.text)' overlaps '\(other.text)'")
            }
        }
        // The text goes on below the table, in columns again, and the paragraph above it ends above.
        let below = body.filter { $0.yMin > after.yMin - 1 }
        #expect(below.contains { $0.xMin > page.width / 2 }, "the text below the table has a second column")
        let above = try #require(body.first { $0.text == "twelve" })
        #expect(above.yMax < tableTop)
    }

    /// The two Gregorian months of a Hindu month's cell ("March to April").
    private static func pair(_ column: Int) -> [String] {
        [gregorian[column], gregorian[(column + 1) % 12]]
    }

    @Test func aTableTooWideForTheTextWidthIsSetSmallerBeforeWordsAreBroken() throws {
        let folder = try temporaryFolder() + "/m"
        #expect(try run(gazette(), ["new", folder]).status == 0)
        try FileManager.default.removeItem(atPath: folder + "/articles/welcome-to-your-digest.md")
        let header = (1...20).map { "Heading\($0)Longword" }
        try """
            ---
            title: Twenty Columns
            date: 2024-07-02
            section: National
            ---

            | \(header.joined(separator: " | ")) |
            | \(Array(repeating: "---", count: 20).joined(separator: " | ")) |
            | \((1...20).map(String.init).joined(separator: " | ")) |

            """.write(toFile: folder + "/articles/wide.md", atomically: true, encoding: .utf8)
        let build = try run(gazette(), ["build", folder, "--output", folder + "/m.pdf"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains(
            "wide.md:7:1: warning: table is too wide for the text width even in 6 pt type; long words in its cells are broken"),
            "\(build.stderr)")
        // The narrower table of the month above needs neither.
        let month = try Self.built.get()
        #expect(!month.stderr.contains("too wide"), "\(month.stderr)")
    }
}

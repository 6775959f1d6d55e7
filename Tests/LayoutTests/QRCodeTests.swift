import QRCode
import Testing

@Suite struct QRCodeTests {
    @Test func aShortURLIsTheSmallestSymbolThatHoldsIt() throws {
        // 23 bytes: version 2 (25 × 25 modules) holds up to 26 bytes at level M.
        let code = try #require(QRCode(encoding: "https://unfccc.int/sb60"))
        #expect(code.size == 25)
        #expect(code.modules.count == 25 * 25)
        // The three finder patterns: a dark 7 × 7 ring in three corners.
        for (row, column) in [(0, 0), (0, 18), (18, 0)] {
            #expect(code.isDark(row: row, column: column) && code.isDark(row: row + 6, column: column + 6))
            #expect(!code.isDark(row: row + 1, column: column + 1))
        }
    }

    @Test func theRectanglesCoverExactlyTheDarkModulesOnce() throws {
        let code = try #require(QRCode(encoding: "https://www.nasdaq.com/market-activity/stocks/nvda"))
        var covered = Array(repeating: 0, count: code.size * code.size)
        for rectangle in code.darkRectangles {
            for row in rectangle.row..<rectangle.row + rectangle.height {
                for column in rectangle.column..<rectangle.column + rectangle.width { covered[row * code.size + column] += 1 }
            }
        }
        #expect(covered == code.modules.map { $0 ? 1 : 0 })
        #expect(code.darkRectangles.count < code.modules.filter { $0 }.count / 2)
    }

    @Test func textTooLongForAnySymbolHasNoCode() {
        #expect(QRCode(encoding: String(repeating: "x", count: 4000)) == nil)
        #expect(QRCode(encoding: "") == nil)
    }
}

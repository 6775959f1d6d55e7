import Geometry
import Testing
@testable import Layout

/// Sharing a table's width among its columns, on widths worked out by hand.
@Suite struct ColumnContentWidthsTests {
    func widths(minimum: [Double], preferred: [Double]) -> ColumnContentWidths {
        ColumnContentWidths(minimum: minimum.map { .pt($0) }, preferred: preferred.map { .pt($0) })
    }

    @Test func columnsThatFitGetTheirPreferredWidthAndTheRestInProportion() {
        let shared = widths(minimum: [20, 30], preferred: [40, 60]).shared(.pt(200)).map(\.points)
        #expect(shared == [80, 120])
    }

    /// "Resource" beside a long address: the short column keeps its word whole, and the
    /// address column, which would like far more, takes nearly all that is left.
    @Test func aShortColumnKeepsItsMinimumBesideOneThatWantsMore() {
        let shared = widths(minimum: [40, 60], preferred: [40, 460]).shared(.pt(150)).map(\.points)
        #expect(shared == [40, 110])
    }

    @Test func whatIsLeftAboveTheMinimumsGoesByHowMuchMoreEachWants() {
        let shared = widths(minimum: [10, 10, 10], preferred: [20, 40, 70]).shared(.pt(70)).map(\.points)
        // 40 left over, wanted 10 : 30 : 60.
        let expected: [Double] = [14, 22, 34]
        #expect(zip(shared, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(shared)")
    }

    @Test func minimumsThatDoNotFitShareTheWidthInProportion() {
        let shared = widths(minimum: [30, 90], preferred: [30, 90]).shared(.pt(60)).map(\.points)
        #expect(shared == [15, 45])
    }

    @Test func theSharesAlwaysFillTheWidth() {
        for width in [50.0, 75, 120, 400] {
            let shared = widths(minimum: [12, 40, 8], preferred: [30, 200, 8]).shared(.pt(width))
            #expect(abs(shared.reduce(.zero, +).points - width) < 1e-9)
        }
    }
}

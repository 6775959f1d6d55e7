import Foundation
import Testing
import TextShaping

/// The total-fit algorithm alone, on boxes, glue and penalties whose answers can be worked out.
@Suite struct TotalFitTests {
    private typealias Item = TotalFit.Item

    /// Words of the given widths with a space of 4 (stretch 2, shrink 4/3) between them, ending
    /// a paragraph as text does.
    private func paragraph(_ words: [Double]) -> [Item] {
        var items: [Item] = []
        for (index, word) in words.enumerated() {
            if index > 0 { items.append(.glue(width: 4, stretch: 2, shrink: 4.0 / 3)) }
            items.append(.box(width: word))
        }
        return items + [.glue(width: 0, stretch: TotalFit.fill, shrink: 0),
                        .penalty(width: 0, cost: TotalFit.forced, flagged: false)]
    }

    /// The least total demerits over every way of breaking `words`, found by trying them all.
    private func bruteForceDemerits(_ words: [Double], width: Double, parameters: TotalFit.Parameters) -> Double? {
        var best: Double?
        let gaps = words.count - 1
        for mask in 0..<(1 << gaps) {
            var lines: [[Double]] = [[words[0]]]
            for gap in 0..<gaps {
                if mask & (1 << gap) != 0 { lines.append([]) }
                lines[lines.count - 1].append(words[gap + 1])
            }
            var total = 0.0
            var feasible = true
            for (index, line) in lines.enumerated() {
                let natural = line.reduce(0, +) + 4 * Double(line.count - 1)
                let isLast = index == lines.count - 1
                let stretch = isLast ? TotalFit.fill : 2 * Double(line.count - 1)
                let shrink = 4.0 / 3 * Double(line.count - 1)
                let ratio = natural <= width ? (stretch > 0 ? (width - natural) / stretch : .infinity)
                                             : (shrink > 0 ? (width - natural) / shrink : -.infinity)
                guard ratio >= -1, ratio <= parameters.tolerance else { feasible = false; break }
                let badness = 100 * pow(abs(ratio), 3)
                total += (parameters.lineDemerits + badness) * (parameters.lineDemerits + badness)
            }
            if feasible, best.map({ total < $0 }) ?? true { best = total }
        }
        return best
    }

    private func demerits(of solution: TotalFit.Solution, parameters: TotalFit.Parameters) -> Double {
        solution.ratios.reduce(0) { total, ratio in
            let badness = 100 * pow(abs(ratio), 3)
            return total + (parameters.lineDemerits + badness) * (parameters.lineDemerits + badness)
        }
    }

    @Test(arguments: 1...40)
    func findsTheLeastDemeritsThatTryingEveryBreakingFinds(seed: Int) throws {
        // 4 to 11 words of 8 to 40 points, a different mix for each seed.
        let words = (0..<(4 + seed % 8)).map { Double(8 + (seed * 37 + $0 * 53 + $0 * $0 * 11) % 33) }
        var parameters = TotalFit.Parameters()
        parameters.fitnessDemerits = 0  // the brute force does not know fitness classes
        parameters.tolerance = 3
        let width = 90.0
        let expected = bruteForceDemerits(words, width: width, parameters: parameters)
        let solution = TotalFit.breakLines(paragraph(words), width: width, parameters: parameters)
        if let expected {
            let found = try #require(solution)
            let total = demerits(of: found, parameters: parameters)
            #expect(abs(total - expected) <= 1e-6 * max(1, expected), "words \(words)")
        }
    }

    @Test func neverPutsAHyphenAtTheEndOfThreeLinesInARow() throws {
        // Words that fit only when every line ends in a hyphen: at most two in a row.
        var items: [Item] = []
        for index in 0..<12 {
            if index > 0 { items.append(.glue(width: 4, stretch: 2, shrink: 4.0 / 3)) }
            items += [.box(width: 30), .penalty(width: 4, cost: 50, flagged: true), .box(width: 30)]
        }
        items += [.glue(width: 0, stretch: TotalFit.fill, shrink: 0), .penalty(width: 0, cost: TotalFit.forced, flagged: false)]
        let solution = try #require(TotalFit.breakLines(items, width: 68))
        var run = 0
        for position in solution.breaks {
            if case .penalty(_, _, true) = items[position] { run += 1 } else { run = 0 }
            #expect(run <= 2)
        }
    }

    @Test func aWordWiderThanTheLineIsSetOverfullRatherThanLeftUnbroken() throws {
        let solution = try #require(TotalFit.breakLines(paragraph([20, 150, 20, 20]), width: 100))
        #expect(solution.ratios.contains { $0 < -1 })
        #expect(solution.breaks.last == paragraph([20, 150, 20, 20]).count - 1)
    }

    @Test func aForcedBreakEndsALineWhereItStands() throws {
        var items = paragraph([20, 20])
        items.insert(contentsOf: [.glue(width: 0, stretch: TotalFit.fill, shrink: 0),
                                  .penalty(width: 0, cost: TotalFit.forced, flagged: false)], at: 1)
        let solution = try #require(TotalFit.breakLines(items, width: 100))
        #expect(solution.breaks == [2, items.count - 1])
    }
}

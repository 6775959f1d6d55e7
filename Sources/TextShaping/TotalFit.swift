/// Knuth and Plass's total-fit line breaking over boxes, glue and penalties.
///
/// First-fit breaking fills each line as far as it can and leaves the next line to cope, which
/// in a narrow justified column gives loose lines with rivers of white between the words.
/// Total fit weighs every feasible way of breaking the whole paragraph and keeps the one with
/// the least demerits: loose and tight lines cost by the cube of how far their spaces are
/// stretched or shrunk, a hyphen costs, two hyphens in a row cost more, a very loose line
/// beside a tight one costs more, and a hyphen may not end the last line but one without a
/// price. Every line of a paragraph has the same width, so breaks are told apart only by
/// position, fitness and how many hyphenated lines lead up to them.
package enum TotalFit {
    package enum Item: Equatable, Sendable {
        /// Something that cannot stretch, shrink or break: a word or part of one.
        case box(width: Double)
        /// A space: may break the line, vanishes at a break, stretches and shrinks when justified.
        case glue(width: Double, stretch: Double, shrink: Double)
        /// A place to break that costs `cost` (≤ `forced` always breaks, ≥ `never` never does),
        /// adding `width` to the line when taken (a hyphen). `flagged` marks hyphen breaks.
        case penalty(width: Double, cost: Double, flagged: Bool)
    }

    package static let forced = -10_000.0
    package static let never = 10_000.0
    /// Stretch of the glue that ends a paragraph: so large that its last line is never loose.
    package static let fill = 1e9

    package struct Parameters: Sendable {
        /// Largest stretch ratio allowed before the emergency pass (1 = all the glue's stretch).
        package var tolerance = 1.5
        /// Added to each line's badness before squaring: fewer lines are better.
        package var lineDemerits = 10.0
        /// Two hyphen breaks in a row.
        package var consecutiveHyphenDemerits = 3000.0
        /// A hyphen ending the last line but one.
        package var finalHyphenDemerits = 5000.0
        /// A line whose looseness is two or more classes from the line before it.
        package var fitnessDemerits = 3000.0
        /// Hyphenated lines allowed in a row.
        package var maxConsecutiveHyphens = 2
        package init() {}
    }

    /// The chosen breaks: indices of the glue or penalty items where lines end, the last being
    /// the paragraph's final penalty, or nil for an empty list. Each line's stretch ratio is
    /// `ratios[i]`: negative for shrinking, below -1 when a line could not be made to fit.
    package struct Solution: Equatable, Sendable {
        package var breaks: [Int]
        package var ratios: [Double]
    }

    /// Breaks `items` into lines of `width`. The list must end with a forced penalty.
    ///
    /// A first pass allows stretch ratios up to `parameters.tolerance`. When no such breaking
    /// exists (a long word in a narrow column, say), an emergency pass allows any ratio and,
    /// where even that cannot fit a line, breaks it overfull, so a paragraph always breaks.
    package static func breakLines(_ items: [Item], width: Double, parameters: Parameters = .init()) -> Solution? {
        guard !items.isEmpty else { return nil }
        var breaker = Breaker(items: items, width: width, parameters: parameters)
        return breaker.run(tolerance: parameters.tolerance, emergency: false)
            ?? breaker.run(tolerance: .infinity, emergency: true)
    }

    /// Breaks `items` into lines of `width` one line at a time, each ending at the last break
    /// that fits, for ragged text; nil when a box is wider than the line, so that the caller
    /// can break inside it. Every ratio is 0: ragged lines keep their natural spaces.
    package static func firstFit(_ items: [Item], width: Double) -> Solution? {
        guard !items.isEmpty else { return nil }
        var breaks: [Int] = []
        var lineWidth = 0.0, lastFit: Int?, lineStart = 0
        var index = 0
        while index < items.count {
            switch items[index] {
            case .box(let boxWidth):
                if lineWidth + boxWidth > width {
                    if boxWidth > width { return nil }
                    guard let last = lastFit else { return nil }
                    // The line ends at the last break that fitted; the next starts after it.
                    breaks.append(last)
                    lineWidth = 0; lastFit = nil
                    index = nextLineStart(items, after: last)
                    lineStart = index
                    continue
                }
                lineWidth += boxWidth
            case .glue(let glueWidth, _, _):
                if index > lineStart, case .box = items[index - 1] { lastFit = index }
                lineWidth += glueWidth
            case .penalty(let penaltyWidth, let cost, _):
                if cost <= forced {
                    breaks.append(index)
                    lineWidth = 0; lastFit = nil
                    index = nextLineStart(items, after: index)
                    lineStart = index
                    continue
                }
                if cost < never, lineWidth + penaltyWidth <= width { lastFit = index }
            }
            index += 1
        }
        return Solution(breaks: breaks, ratios: Array(repeating: 0, count: breaks.count))
    }

    /// Where the line after a break at `index` starts: past the spaces the break swallows.
    private static func nextLineStart(_ items: [Item], after index: Int) -> Int {
        var start = index + 1
        while start < items.count {
            if case .box = items[start] { break }
            if case .penalty(_, let cost, _) = items[start], cost <= forced { break }
            start += 1
        }
        return start
    }

    /// One pass's bookkeeping: prefix sums of widths, stretch and shrink, and the nodes found.
    private struct Breaker {
        let items: [Item]
        let width: Double
        let parameters: Parameters
        /// `widths[i]`: sum of box and glue widths of items `0..<i`; likewise stretch and shrink.
        private var widths: [Double] = [0], stretches: [Double] = [0], shrinks: [Double] = [0]

        init(items: [Item], width: Double, parameters: Parameters) {
            self.items = items; self.width = width; self.parameters = parameters
            widths.reserveCapacity(items.count + 1)
            var w = 0.0, y = 0.0, z = 0.0
            for item in items {
                switch item {
                case .box(let width): w += width
                case .glue(let width, let stretch, let shrink): w += width; y += stretch; z += shrink
                case .penalty: break
                }
                widths.append(w); stretches.append(y); shrinks.append(z)
            }
        }

        /// A feasible break: where the line ends, and how the paragraph got there.
        struct Node {
            var position: Int
            /// First item of the next line: the break's glue and penalties are discarded.
            var start: Int
            var line: Int
            var fitness: Int
            var hyphens: Int
            var demerits: Double
            var ratio: Double
            var previous: Int?
        }

        mutating func run(tolerance: Double, emergency: Bool) -> Solution? {
            var nodes = [Node(position: -1, start: 0, line: 0, fitness: 1, hyphens: 0, demerits: 0, ratio: 0,
                              previous: nil)]
            var active = [0]
            for position in items.indices {
                guard let (penaltyWidth, cost, flagged) = breakpoint(at: position) else { continue }
                // Best new node for each fitness class and count of hyphens in a row.
                var best: [Int: Node] = [:]
                var remaining: [Int] = []
                var lastDeactivated: (index: Int, ratio: Double)?
                for index in active {
                    let node = nodes[index]
                    var ratio = self.ratio(from: node.start, to: position, penaltyWidth: penaltyWidth)
                    // Sums of shrink in floating point can miss a line that shrinks exactly to fit.
                    if ratio < -1, ratio > -1 - 1e-9 { ratio = -1 }
                    if ratio < -1 || cost <= TotalFit.forced {
                        if ratio < -1 { lastDeactivated = (index, ratio) }
                    } else {
                        remaining.append(index)
                    }
                    guard ratio >= -1, ratio <= tolerance else { continue }
                    let hyphens = flagged ? node.hyphens + 1 : 0
                    guard hyphens <= parameters.maxConsecutiveHyphens else { continue }
                    let candidate = make(after: node, index: index, at: position, ratio: ratio, cost: cost,
                                         flagged: flagged, hyphens: hyphens, nodes: nodes)
                    let key = candidate.fitness * 8 + hyphens
                    if best[key].map({ candidate.demerits < $0.demerits }) ?? true { best[key] = candidate }
                }
                if emergency, best.isEmpty, remaining.isEmpty, let (index, ratio) = lastDeactivated {
                    // Nothing fits: take the line overfull rather than leave the paragraph unbroken.
                    let node = nodes[index]
                    var candidate = make(after: node, index: index, at: position, ratio: ratio, cost: cost,
                                         flagged: flagged, hyphens: 0, nodes: nodes)
                    candidate.demerits = node.demerits + 1e12
                    best[0] = candidate
                }
                active = remaining
                for key in best.keys.sorted() {
                    nodes.append(best[key]!)
                    active.append(nodes.count - 1)
                }
                if active.isEmpty { return nil }
            }
            // The final penalty is forced, so every active node now ends the paragraph.
            guard let last = active.min(by: { nodes[$0].demerits < nodes[$1].demerits }),
                  nodes[last].position == items.count - 1 else { return nil }
            var breaks: [Int] = [], ratios: [Double] = []
            var cursor: Int? = last
            while let index = cursor, nodes[index].position >= 0 {
                breaks.append(nodes[index].position); ratios.append(nodes[index].ratio)
                cursor = nodes[index].previous
            }
            return Solution(breaks: breaks.reversed(), ratios: ratios.reversed())
        }

        /// The width, cost and flag of a break at `position`, or nil where no line may end.
        private func breakpoint(at position: Int) -> (Double, Double, Bool)? {
            switch items[position] {
            case .box: return nil
            case .glue:
                guard position > 0, case .box = items[position - 1] else { return nil }
                return (0, 0, false)
            case .penalty(let width, let cost, let flagged):
                return cost >= TotalFit.never ? nil : (width, cost, flagged)
            }
        }

        /// How far a line from item `start` to a break at `end` must stretch (positive) or
        /// shrink (negative) to fill the width, as a share of what its glue allows.
        private func ratio(from start: Int, to end: Int, penaltyWidth: Double) -> Double {
            let natural = widths[end] - widths[min(start, end)] + penaltyWidth
            if natural < width {
                let stretch = stretches[end] - stretches[min(start, end)]
                return stretch > 0 ? (width - natural) / stretch : .infinity
            }
            if natural > width {
                let shrink = shrinks[end] - shrinks[min(start, end)]
                return shrink > 0 ? (width - natural) / shrink : -.infinity
            }
            return 0
        }

        private func make(after node: Node, index: Int, at position: Int, ratio: Double, cost: Double,
                          flagged: Bool, hyphens: Int, nodes: [Node]) -> Node {
            let badness = ratio.isFinite ? 100 * pow3(abs(ratio)) : 1e10
            var demerits = pow2(parameters.lineDemerits + min(badness, 1e10))
            if cost >= 0 { demerits += cost * cost } else if cost > TotalFit.forced { demerits -= cost * cost }
            let fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
            if flagged, node.hyphens > 0 { demerits += parameters.consecutiveHyphenDemerits }
            if abs(fitness - node.fitness) > 1 { demerits += parameters.fitnessDemerits }
            if cost <= TotalFit.forced, node.hyphens > 0 { demerits += parameters.finalHyphenDemerits }
            var start = position + 1
            while start < items.count {
                if case .box = items[start] { break }
                if case .penalty(_, let cost, _) = items[start], cost <= TotalFit.forced { break }
                start += 1
            }
            return Node(position: position, start: start, line: node.line + 1, fitness: fitness, hyphens: hyphens,
                        demerits: node.demerits + demerits, ratio: ratio, previous: index)
        }
    }
}

private func pow2(_ x: Double) -> Double { x * x }
private func pow3(_ x: Double) -> Double { x * x * x }

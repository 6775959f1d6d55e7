import Geometry
import PageModel
import Testing
@testable import Layout

/// The column filler on synthetic flows, where the right answer can be worked out by hand.
@Suite struct ColumnFillerTests {
    func line(_ block: Int = 1, height: Double = 10, kind: Piece.Kind = .text) -> FlowItem {
        .piece(Piece(height: .pt(height), items: [], kind: kind, block: block))
    }

    func paragraph(lines: Int, block: Int) -> [FlowItem] {
        let setter = (0..<lines).map { _ in Piece(height: .pt(10), items: [], kind: .text, block: block) }
        return LineSetter.paragraphFlow(setter)
    }

    @Test func fillsAsManyLinesAsFitAndBreaksBetweenThem() {
        let flow = paragraph(lines: 10, block: 1)
        let fill = ColumnFiller(flow: flow).fill(from: 0, height: .pt(45))
        let pieces = flow[fill.range].filter { if case .piece = $0 { true } else { false } }
        #expect(pieces.count == 4)
        #expect(!fill.forced)
    }

    @Test func keepsTwoLinesTogetherAtTheEndOfAParagraph() {
        // Five lines, room for four: a single last line may not stand alone, so three go here.
        let flow = paragraph(lines: 5, block: 1)
        let fill = ColumnFiller(flow: flow).fill(from: 0, height: .pt(41))
        let pieces = flow[fill.range].filter { if case .piece = $0 { true } else { false } }
        #expect(pieces.count == 3)
    }

    @Test func aHeadingMovesWithItsParagraphInsteadOfEndingTheColumn() {
        var flow = paragraph(lines: 3, block: 1)
        flow.append(.space(.pt(5)))
        flow.append(line(2, kind: .heading))
        flow.append(.breakpoint(penalty: Penalty.never))
        flow.append(.space(.pt(2)))
        flow.append(.breakpoint(penalty: Penalty.never))
        flow += paragraph(lines: 4, block: 3)
        // Room for the paragraph, the heading and one line: the heading must go to the next column.
        let fill = ColumnFiller(flow: flow).fill(from: 0, height: .pt(58))
        let blocks = flow[fill.range].compactMap { item -> Int? in if case .piece(let p) = item { p.block } else { nil } }
        #expect(blocks == [1, 1, 1])
    }

    @Test func balancedColumnsEndLevel() {
        let flow = paragraph(lines: 20, block: 1)
        let filler = ColumnFiller(flow: flow)
        let height = filler.balancedHeight(from: 0, columns: 2, maximum: .pt(500))
        #expect(height == .pt(100) || abs((height - .pt(100)).points) < 0.6)
        let fills = filler.fill(from: 0, columns: 2, height: height)
        #expect(fills.last?.range.upperBound == flow.count)
    }

    @Test func aTableRowStartingAColumnBringsTheHeaderAlong() {
        let header = Piece(height: .pt(12), items: [], kind: .graphic)
        var flow: [FlowItem] = [.piece(header)]
        for row in 0..<10 {
            var piece = Piece(height: .pt(10), items: [], kind: .text, block: 2)
            piece.repeatedHeader = [header]
            flow.append(.breakpoint(penalty: row == 0 ? Penalty.never : 0))
            flow.append(.piece(piece))
        }
        let filler = ColumnFiller(flow: flow)
        let first = filler.fill(from: 0, height: .pt(55))
        #expect(first.header.isEmpty)
        let second = filler.fill(from: first.range.upperBound, height: .pt(55))
        #expect(second.header.count == 1)
        #expect(filler.height(of: second) <= .pt(55))
    }

    @Test func aUnitTallerThanTheColumnIsSplitAndReported() {
        let flow = (0..<10).map { _ in line(7) }.interspersed(with: .breakpoint(penalty: Penalty.never))
        let fill = ColumnFiller(flow: Array(flow)).fill(from: 0, height: .pt(35))
        #expect(fill.forced)
        #expect(!fill.oversized)
        #expect(ColumnFiller(flow: Array(flow)).height(of: fill) <= .pt(35))
    }
}

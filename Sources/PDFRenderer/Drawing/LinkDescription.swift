import Geometry
import PageModel

extension Link {
    /// What the link is, in words, for its annotation's `/Contents`: PDF/UA-1 (7.18.5) asks
    /// every link for this alternate description, and cairo 1.16 cannot write it.
    ///
    /// The words are the text of the structure drawn inside the link's frame on its page, in
    /// drawing order: a contents line reads as its title and page number, without its
    /// leader dots, which are artifacts. A web link adds its address when the text does not
    /// show it already; a link with no text under it (a QR code) is its address or
    /// destination alone.
    func description(among items: [PageItem]) -> String {
        let frames = lines(among: items)
        var text = ""
        var tagged = false
        var last: (baseline: Length, end: Length)?
        for item in items {
            switch item {
            case .structure(let element): tagged = element != nil
            case .text(let run) where tagged:
                for frame in frames where run.origin.y >= frame.minY && run.origin.y <= frame.maxY {
                    let inside = run.text(from: frame.minX, to: frame.maxX)
                    guard !inside.isEmpty else { continue }
                    // A new line, or a gap on the same line (a contents line's page number).
                    if let last, last.baseline != run.origin.y || run.origin.x > last.end + run.size * 0.1 { text += " " }
                    text += inside
                    last = (run.origin.y, run.origin.x + run.width)
                }
            default: continue
            }
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch target {
        case .uri(let address):
            if words.isEmpty { return address }
            var shown = address.drop { $0 != ":" }.drop { $0 == ":" || $0 == "/" }
            if shown.hasSuffix("/") { shown = shown.dropLast() }
            return words.contains(shown) ? words : "\(words) (\(address))"
        case .destination(let name):
            return words.isEmpty ? name : words
        }
    }
}

extension Link {
    /// The frames of this link and of the links to the same place on the lines just above and
    /// below it, top to bottom: a title that wraps is one link in words, though cairo writes
    /// an annotation for each line.
    private func lines(among items: [PageItem]) -> [Rect] {
        let frames = items.compactMap { item -> Rect? in
            if case .link(let link) = item, link.target == target { link.frame } else { nil }
        }.sorted { $0.minY < $1.minY }
        guard var first = frames.firstIndex(of: frame) else { return [frame] }
        var last = first
        let touching = Length.pt(2)
        while first > 0, frames[first].minY - frames[first - 1].maxY <= touching { first -= 1 }
        while last + 1 < frames.count, frames[last + 1].minY - frames[last].maxY <= touching { last += 1 }
        return Array(frames[first...last])
    }
}

extension GlyphRun {
    /// The characters whose first glyph starts between `left` and `right` on the page.
    func text(from left: Length, to right: Length) -> String {
        let bytes = Array(text.utf8)
        let tolerance = Length.pt(0.5)
        var result: [UInt8] = []
        forEachCluster { range, shownBy in
            guard shownBy.lowerBound < glyphs.count else { return }
            let x = origin.x + glyphs[shownBy.lowerBound].x
            guard x >= left - tolerance, x < right - tolerance else { return }
            if isBackward { result.insert(contentsOf: bytes[range], at: 0) } else { result += bytes[range] }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

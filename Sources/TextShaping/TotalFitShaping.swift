internal import CPango
import Geometry
import PageModel

/// Justified paragraphs broken by total fit: Pango shapes the paragraph once, on one long
/// line; its break opportunities and the widths of its clusters become boxes, glue and
/// penalties; `TotalFit` picks the breaks; and each line is cut from the shaped glyphs, so the
/// renderer draws exactly what was measured.
extension TextShaper {
    /// Stretch and shrink of a space, as shares of its width. TeX lets a space shrink by a
    /// third; narrow newspaper columns read better with a little more shrink than with the
    /// loose lines too little of it forces (`make typo-report`: 4.5 % loose lines on the shared
    /// month at a third, 2.7 % at 0.45).
    private static let spaceStretch = 0.5, spaceShrink = 0.45
    /// Cost of breaking at a hyphen, one the patterns found or one in the text.
    private static let hyphenCost = 50.0
    /// Cost of breaking inside a web or mail address, after `/` or before `-`: no hyphen is
    /// shown (one would change what the reader types), so a little dearer than a space.
    private static let addressBreakCost = 30.0

    /// Lines of `width` Pango units, or nil when a line cannot be fitted without running past
    /// the edge (a word longer than the line): first-fit then breaks inside the word.
    ///
    /// `ragged`: lines are filled first fit, at the same break opportunities, and left at
    /// their natural width.
    func totalFitLines(_ spans: [TextSpan], text: String, width: Int32, style: ParagraphStyle,
                       ragged: Bool = false) -> [ShapedLine]? {
        oneLine(spans, text: text, language: style.language) { lines(of: $0, spans: spans, width: width, ragged: ragged) }
    }

    /// `text` (the spans' text joined) shaped by Pango on one unbroken line, handed to `body`
    /// while the layout that owns it lives; nil when Pango makes no layout or `body` gives nil.
    private func oneLine<Result>(_ spans: [TextSpan], text: String, language: String,
                                 _ body: (ShapedParagraph) -> Result?) -> Result? {
        guard let layout = pango_layout_new(fonts.context) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        configure(layout, spans: spans, text: text, width: nil, style: ParagraphStyle(alignment: .left, language: language))
        guard let textPointer = pango_layout_get_text(layout) else { return nil }
        return body(ShapedParagraph(layout: layout, text: textPointer))
    }

    /// The lines of `totalFitLines`, cut from the paragraph Pango shaped on one line.
    private func lines(of paragraph: ShapedParagraph, spans: [TextSpan], width: Int32, ragged: Bool) -> [ShapedLine]? {
        let pieces = breakItems(of: paragraph)
        let items = pieces.map(\.item)
        guard let solution = ragged ? TotalFit.firstFit(items, width: Double(width))
                                    : TotalFit.breakLines(items, width: Double(width)),
              solution.ratios.allSatisfy({ $0 >= -1 }) else { return nil }

        let spanStarts = byteOffsets(of: spans)
        var lines: [ShapedLine] = []
        var start = 0
        for (index, end) in solution.breaks.enumerated() {
            defer { start = end + 1 }
            let content = pieces[start..<end].filter { !$0.bytes.isEmpty }
            guard let first = content.first?.bytes.lowerBound,
                  let last = content.last(where: { if case .box = $0.item { true } else { false } })?.bytes.upperBound
            else { continue }
            var hyphenated = false
            if case .penalty(let penaltyWidth, _, true) = pieces[end].item, penaltyWidth > 0 { hyphenated = true }
            let isLast = index == solution.breaks.count - 1
                || { if case .penalty(_, let cost, _) = pieces[end].item { cost <= TotalFit.forced } else { false } }()
            let spaces = content.filter { if case .glue = $0.item { $0.bytes.upperBound <= last } else { false } }
            // A line the breaker could only make by stretching past its tolerance because of a
            // long run that cannot break (an address, a long word beside it) is set ragged
            // rather than with gaps of an em; other loose lines stay justified.
            let ragged = ragged || isLast || solution.ratios[index] > TotalFit.Parameters().tolerance
                && nearLongRun(pieces, line: start..<end, width: Double(width))
            lines.append(cutLine(paragraph, bytes: first..<last, hyphenated: hyphenated,
                                 justifyTo: ragged ? nil : width, columnWidth: width, spaces: spaces,
                                 spans: spans, spanStarts: spanStarts))
        }
        return lines
    }

    /// Whether the line `range` of `pieces` holds, ends at, or is followed by a run that
    /// cannot break well: a box wider than half the line, or a break inside an address.
    private func nearLongRun(_ pieces: [BreakPiece], line range: Range<Int>, width: Double) -> Bool {
        func isLong(_ piece: BreakPiece) -> Bool {
            switch piece.item {
            case .box(let boxWidth): return boxWidth > width / 2
            case .penalty(_, let cost, _): return cost == Self.addressBreakCost
            default: return false
            }
        }
        if pieces[range].contains(where: isLong) { return true }
        if range.upperBound < pieces.count, isLong(pieces[range.upperBound]) { return true }
        if range.lowerBound > 0, isLong(pieces[range.lowerBound - 1]) { return true }
        let next = pieces[min(range.upperBound + 1, pieces.count)...].first { if case .box = $0.item { true } else { false } }
        return next.map(isLong) ?? false
    }

    /// An item for `TotalFit` and the bytes of the paragraph it stands for.
    private struct BreakPiece {
        var item: TotalFit.Item
        var bytes: Range<Int>
    }

    /// The widest run of `spans` that no break opportunity splits, and the widest line of
    /// `spans` set unbroken: a table cell's minimum and preferred widths, as browsers measure
    /// them for automatic table layout. The break opportunities are the line breaker's own,
    /// so a web address counts only by its widest part between `/`, `.` and the like.
    public func contentWidths(of spans: [TextSpan], language: String) -> (minimum: Length, preferred: Length) {
        let spans = spans.map(\.withBreakChances)
        let text = spans.map(\.text).joined()
        guard !text.isEmpty, let items = oneLine(spans, text: text, language: language, { breakItems(of: $0) }) else {
            return (.zero, .zero)
        }
        var widestRun = 0.0, widestLine = 0.0, line = 0.0, lastBox = 0.0
        for piece in items {
            switch piece.item {
            case .box(let width):
                lastBox = width
                line += width
                widestRun = max(widestRun, width)
            case .glue(let width, _, _):
                line += width
            case .penalty(let width, let cost, _):
                // A hyphen shown at a break belongs to the run before it.
                widestRun = max(widestRun, lastBox + width)
                if cost <= TotalFit.forced {
                    widestLine = max(widestLine, line)
                    line = 0
                }
            }
        }
        return (points(Int32(widestRun.rounded(.up))), points(Int32(max(widestLine, line).rounded(.up))))
    }

    /// A text that may hold a web or mail address, by a look at its bytes: `://`, `www.`, `@`.
    static func mayHoldAddress(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { return true }
            if byte == UInt8(ascii: "/"), previous == (UInt8(ascii: ":"), UInt8(ascii: "/")) { return true }
            if byte == UInt8(ascii: "."), previous == (UInt8(ascii: "w"), UInt8(ascii: "w")) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Boxes for the words, glue for the spaces between them, penalties where a line may
    /// break without a space (after a soft hyphen, a hyphen or a break chance), and a forced
    /// break at the end and at every line separator.
    private func breakItems(of paragraph: ShapedParagraph) -> [BreakPiece] {
        let attributes = paragraph.logAttributes
        let characters = paragraph.characterBytes.count - 1
        var pieces: [BreakPiece] = []
        func width(_ range: Range<Int>) -> Double {
            Double(paragraph.advanceBefore[range.upperBound] - paragraph.advanceBefore[range.lowerBound])
        }
        func endParagraphLine(at byte: Int) {
            pieces.append(BreakPiece(item: .glue(width: 0, stretch: TotalFit.fill, shrink: 0), bytes: byte..<byte))
            pieces.append(BreakPiece(item: .penalty(width: 0, cost: TotalFit.forced, flagged: false), bytes: byte..<byte))
        }
        let address = paragraph.addressBreaks()
        var segmentStart = 0
        for position in 1...max(characters, 1) where position == characters || address.extra.contains(position)
            || (attributes[position].is_line_break != 0 && paragraph.isClusterStart[paragraph.characterBytes[position]]
                && !address.suppressed.contains(position)) {
            // Characters segmentStart..<position: a word, then the spaces after it.
            var wordEnd = position
            while wordEnd > segmentStart, attributes[wordEnd - 1].is_white != 0 { wordEnd -= 1 }
            let wordBytes = paragraph.characterBytes[segmentStart]..<paragraph.characterBytes[wordEnd]
            let spaceBytes = paragraph.characterBytes[wordEnd]..<paragraph.characterBytes[position]
            segmentStart = position
            if !wordBytes.isEmpty { pieces.append(BreakPiece(item: .box(width: width(wordBytes)), bytes: wordBytes)) }
            if position == characters || attributes[position].is_mandatory_break != 0 {
                endParagraphLine(at: wordBytes.upperBound)
            } else if !spaceBytes.isEmpty {
                let space = width(spaceBytes)
                pieces.append(BreakPiece(item: .glue(width: space, stretch: space * Self.spaceStretch,
                                                     shrink: space * Self.spaceShrink), bytes: spaceBytes))
            } else {
                let last = paragraph.scalar(endingAt: wordBytes.upperBound)
                let item: TotalFit.Item
                switch address.extra.contains(position) ? nil : last {
                case nil:
                    item = .penalty(width: 0, cost: Self.addressBreakCost, flagged: false)
                case "\u{00AD}":
                    item = .penalty(width: Double(hyphenWidth(at: wordBytes.upperBound - 1, in: paragraph)),
                                    cost: Self.hyphenCost, flagged: true)
                case "-", "\u{2010}", "\u{2013}":
                    item = .penalty(width: 0, cost: Self.hyphenCost, flagged: true)
                default:
                    item = .penalty(width: 0, cost: 0, flagged: false)
                }
                pieces.append(BreakPiece(item: item, bytes: wordBytes.upperBound..<wordBytes.upperBound))
            }
        }
        return pieces
    }

    /// Width of the hyphen Pango shows when a line breaks at the soft hyphen at `byte`.
    private func hyphenWidth(at byte: Int, in paragraph: ShapedParagraph) -> Int32 {
        guard let item = paragraph.item(containing: byte),
              let font = item.pointee.item.pointee.analysis.font else { return 0 }
        let key = UnsafeMutableRawPointer(font)
        if let known = hyphenWidths[key] { return known }
        var analysis = item.pointee.item.pointee.analysis
        analysis.flags |= UInt8(PANGO_ANALYSIS_FLAG_NEED_HYPHEN)
        let glyphs = pango_glyph_string_new()
        defer { pango_glyph_string_free(glyphs) }
        let softHyphen = "\u{00AD}"
        softHyphen.withCString { pango_shape_with_flags($0, 2, $0, 2, &analysis, glyphs, PANGO_SHAPE_NONE) }
        let width = pango_glyph_string_get_width(glyphs)
        g_object_ref(key)
        hyphenWidths[key] = width
        return width
    }

    /// One line: the glyphs of `bytes` cut from the shaped paragraph, a hyphen added when
    /// `hyphenated`, the spaces widened (or narrowed) to fill `justifyTo`, in visual order.
    private func cutLine(_ paragraph: ShapedParagraph, bytes: Range<Int>, hyphenated: Bool, justifyTo width: Int32?,
                         columnWidth: Int32, spaces: [BreakPiece], spans: [TextSpan], spanStarts: [Int]) -> ShapedLine {
        let pieces = paragraph.glyphItems(in: bytes)
        defer { pieces.forEach { pango_glyph_item_free($0) } }
        if hyphenated, let last = pieces.last { reshapeWithHyphen(last, text: paragraph.text, length: paragraph.length) }

        let natural = pieces.reduce(Int32(0)) { $0 + pango_glyph_string_get_width($1.pointee.glyphs) }
        // A justified line fills its width; a last line is shrunk only when it would run over it.
        if !spaces.isEmpty, let target = width ?? (natural > columnWidth ? columnWidth : nil), natural != target {
            widen(spaces, by: target - natural, in: pieces)
        }
        var ascent: Int32 = 0, descent: Int32 = 0
        for piece in pieces {
            let metrics = lineMetrics(of: piece)
            ascent = max(ascent, metrics.ascent); descent = max(descent, metrics.descent)
        }
        let visual = visualOrder(pieces)
        let (runs, links) = runsAndLinks(visual, from: 0, text: paragraph.text, spans: spans, spanStarts: spanStarts)
        let lineWidth = visual.reduce(Int32(0)) { $0 + pango_glyph_string_get_width($1.pointee.glyphs) }
        return ShapedLine(runs: runs, ascent: points(ascent), descent: points(descent), x: .zero,
                          width: points(lineWidth), links: links)
    }

    /// Shapes the piece again as Pango does at a line break after a soft hyphen: with a hyphen.
    private func reshapeWithHyphen(_ piece: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>,
                                   length: Int32) {
        let item = piece.pointee.item!
        item.pointee.analysis.flags |= UInt8(PANGO_ANALYSIS_FLAG_NEED_HYPHEN)
        pango_shape_with_flags(text + Int(item.pointee.offset), item.pointee.length, text, length,
                               &item.pointee.analysis, piece.pointee.glyphs, PANGO_SHAPE_NONE)
    }

    /// Shares `extra` Pango units among the spaces in proportion to their stretch (or shrink),
    /// adding each share to the advance of the space's glyph.
    private func widen(_ spaces: [BreakPiece], by extra: Int32, in pieces: [UnsafeMutablePointer<PangoGlyphItem>]) {
        let shares: [Double] = spaces.map {
            guard case .glue(_, let stretch, let shrink) = $0.item else { return 0 }
            return extra > 0 ? stretch : shrink
        }
        let total = shares.reduce(0, +)
        guard total > 0 else { return }
        var given: Int32 = 0, accumulated = 0.0
        for (space, share) in zip(spaces, shares) {
            accumulated += share
            let upTo = Int32((Double(extra) * accumulated / total).rounded())
            let amount = upTo - given
            given = upTo
            addAdvance(amount, toClusterAt: space.bytes.upperBound - 1, in: pieces)
        }
    }

    /// Adds `amount` to the advance of the first glyph of the cluster holding byte `byte`.
    private func addAdvance(_ amount: Int32, toClusterAt byte: Int, in pieces: [UnsafeMutablePointer<PangoGlyphItem>]) {
        for piece in pieces {
            let item = piece.pointee.item.pointee
            let offset = Int(item.offset)
            guard byte >= offset, byte < offset + Int(item.length) else { continue }
            let glyphs = piece.pointee.glyphs.pointee
            var clusterStart = -1
            for index in 0..<Int(glyphs.num_glyphs) {
                let start = offset + Int(glyphs.log_clusters[index])
                if start <= byte, start > clusterStart { clusterStart = start }
            }
            for index in 0..<Int(glyphs.num_glyphs) where offset + Int(glyphs.log_clusters[index]) == clusterStart {
                glyphs.glyphs[index].geometry.width += amount
                return
            }
        }
    }

    /// The pieces in the order they appear on the line, right-to-left runs reordered by Pango.
    private func visualOrder(_ pieces: [UnsafeMutablePointer<PangoGlyphItem>]) -> [UnsafeMutablePointer<PangoGlyphItem>] {
        guard pieces.contains(where: { $0.pointee.item.pointee.analysis.level % 2 == 1 }) else { return pieces }
        var list: UnsafeMutablePointer<GList>? = nil
        for piece in pieces.reversed() { list = g_list_prepend(list, piece.pointee.item) }
        let ordered = pango_reorder_items(list)
        g_list_free(list)
        defer { g_list_free(ordered) }
        var result: [UnsafeMutablePointer<PangoGlyphItem>] = []
        var node = ordered
        while let current = node {
            let item = current.pointee.data?.assumingMemoryBound(to: PangoItem.self)
            if let piece = pieces.first(where: { $0.pointee.item == item }) { result.append(piece) }
            node = current.pointee.next
        }
        return result.count == pieces.count ? result : pieces
    }

    /// Height above and below the baseline of the piece's font, as Pango gives a line of it.
    private func lineMetrics(of piece: UnsafeMutablePointer<PangoGlyphItem>) -> (ascent: Int32, descent: Int32) {
        guard let font = piece.pointee.item.pointee.analysis.font else { return (0, 0) }
        let key = UnsafeMutableRawPointer(font)
        if let known = fontLineMetrics[key] { return known }
        var logical = PangoRectangle()
        pango_glyph_string_extents_range(piece.pointee.glyphs, 0, min(1, piece.pointee.glyphs.pointee.num_glyphs),
                                         font, nil, &logical)
        let metrics = (ascent: -logical.y, descent: logical.height + logical.y)
        g_object_ref(key)
        fontLineMetrics[key] = metrics
        return metrics
    }
}

/// A paragraph shaped on one line by Pango, read for line breaking: its glyph items in text
/// order, the advance of the text before each byte, and Pango's break rules per character.
private struct ShapedParagraph {
    let text: UnsafePointer<CChar>
    let length: Int32
    /// Glyph items of the layout, which owns them, in text order.
    let items: [UnsafeMutablePointer<PangoGlyphItem>]
    /// `advanceBefore[b]`: the width of the clusters that start before byte `b`.
    let advanceBefore: [Int32]
    let isClusterStart: [Bool]
    /// Byte offset of each character, and of the end of the text.
    let characterBytes: [Int]
    let logAttributes: UnsafePointer<PangoLogAttr>

    init(layout: OpaquePointer, text: UnsafePointer<CChar>) {
        self.text = text
        length = Int32(strlen(text))
        var items: [UnsafeMutablePointer<PangoGlyphItem>] = []
        var lineNode = pango_layout_get_lines_readonly(layout)
        while let line = lineNode {
            var runNode = line.pointee.data?.assumingMemoryBound(to: PangoLayoutLine.self).pointee.runs
            while let run = runNode {
                if let item = run.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self) { items.append(item) }
                runNode = run.pointee.next
            }
            lineNode = line.pointee.next
        }
        items.sort { $0.pointee.item.pointee.offset < $1.pointee.item.pointee.offset }
        self.items = items

        let count = Int(length)
        var advance = [Int32](repeating: 0, count: count + 1)
        var isClusterStart = [Bool](repeating: false, count: count + 1)
        isClusterStart[count] = true
        for item in items {
            let infos = item.pointee.glyphs.pointee.glyphs!
            var iterator = PangoGlyphItemIter()
            var more = pango_glyph_item_iter_init_start(&iterator, item, text)
            while more != 0 {
                var width: Int32 = 0
                for index in iterator.clusterGlyphs { width += infos[index].geometry.width }
                advance[Int(iterator.start_index)] += width
                isClusterStart[Int(iterator.start_index)] = true
                more = pango_glyph_item_iter_next_cluster(&iterator)
            }
        }
        var total: Int32 = 0
        var before = [Int32](repeating: 0, count: count + 1)
        for byte in 0..<count { before[byte] = total; total += advance[byte] }
        before[count] = total
        advanceBefore = before
        self.isClusterStart = isClusterStart

        var characterBytes: [Int] = []
        characterBytes.reserveCapacity(count + 1)
        let bytes = UnsafeRawBufferPointer(start: text, count: count)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { characterBytes.append(offset) }
        characterBytes.append(count)
        self.characterBytes = characterBytes
        var attributeCount: Int32 = 0
        logAttributes = pango_layout_get_log_attrs_readonly(layout, &attributeCount)
    }

    /// Where a web or mail address may break, as character positions (a break at `p` falls
    /// between characters `p - 1` and `p`): after `/ ? & = # .` and before `-`, never at
    /// either end of the address; and Pango's breaks after a `-` inside one, which would read
    /// as a hyphenated word, suppressed.
    func addressBreaks() -> (extra: Set<Int>, suppressed: Set<Int>) {
        var extra: Set<Int> = [], suppressed: Set<Int> = []
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
        var start = 0
        while start < bytes.count {
            while start < bytes.count, Self.isSpace(bytes[start]) { start += 1 }
            var end = start
            while end < bytes.count, !Self.isSpace(bytes[end]) { end += 1 }
            let token = bytes[start..<end]
            if Self.isAddress(token) {
                // Not inside `https://`: the first break comes after the host's first letter.
                let word = String(decoding: token, as: UTF8.self)
                let scheme = word.range(of: "://").map { start + word.utf8.distance(from: word.startIndex, to: $0.upperBound) } ?? start
                var character = characterIndex(ofByte: start)
                for offset in start..<end {
                    let byte = bytes[offset]
                    guard byte & 0xC0 != 0x80 else { continue }  // inside a multi-byte character
                    defer { character += 1 }
                    guard offset > scheme, offset < end - 1 else { continue }
                    if "/?&=#.".utf8.contains(byte) { extra.insert(character + 1) }
                    if byte == UInt8(ascii: "-") { extra.insert(character); suppressed.insert(character + 1) }
                }
                extra.remove(characterIndex(ofByte: end))
            }
            start = end
        }
        return (extra.subtracting(suppressed), suppressed)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A token that is a web or mail address: `https://…`, `www.…`, `name@host`. Every
    /// word of every paragraph passes here, so the bytes are read as they are.
    private static func isAddress(_ token: Slice<UnsafeRawBufferPointer>) -> Bool {
        if token.starts(with: "www.".utf8) { return true }
        let at = UInt8(ascii: "@"), dot = UInt8(ascii: "."), colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")
        if token.contains(at) && token.contains(dot) { return true }
        guard var index = token.firstIndex(of: colon) else { return false }
        while index + 2 < token.endIndex {
            if token[index] == colon, token[index + 1] == slash, token[index + 2] == slash { return true }
            index += 1
        }
        return false
    }

    private func characterIndex(ofByte byte: Int) -> Int {
        var low = 0, high = characterBytes.count - 1
        while low < high {
            let middle = (low + high) / 2
            if characterBytes[middle] < byte { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The character that ends at byte `end`.
    func scalar(endingAt end: Int) -> Unicode.Scalar? {
        var start = end - 1
        while start > 0, UInt8(bitPattern: text[start]) & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(start: text + start, count: end - start)
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first
    }

    func item(containing byte: Int) -> UnsafeMutablePointer<PangoGlyphItem>? {
        items.first { byte >= Int($0.pointee.item.pointee.offset)
            && byte < Int($0.pointee.item.pointee.offset + $0.pointee.item.pointee.length) }
    }

    /// Copies of the glyph items covering `bytes`, in text order, cut at its ends; the caller
    /// frees them.
    func glyphItems(in bytes: Range<Int>) -> [UnsafeMutablePointer<PangoGlyphItem>] {
        var result: [UnsafeMutablePointer<PangoGlyphItem>] = []
        for item in items {
            let start = Int(item.pointee.item.pointee.offset)
            let end = start + Int(item.pointee.item.pointee.length)
            guard end > bytes.lowerBound, start < bytes.upperBound, var copy = pango_glyph_item_copy(item) else { continue }
            if start < bytes.lowerBound, let before = pango_glyph_item_split(copy, text, Int32(bytes.lowerBound - start)) {
                pango_glyph_item_free(before)
            }
            let copyStart = Int(copy.pointee.item.pointee.offset)
            if end > bytes.upperBound, let kept = pango_glyph_item_split(copy, text, Int32(bytes.upperBound - copyStart)) {
                pango_glyph_item_free(copy)
                copy = kept
            }
            result.append(copy)
        }
        return result
    }
}

internal import CPango
import Foundation
import Geometry
import PageModel

/// Shapes and breaks paragraphs with Pango (HarfBuzz underneath) and hands back lines of
/// glyph runs as plain values.
///
/// Not thread-safe: Pango gave different output from two threads in some runs (see
/// PITFALLS.md), so one shaper serves one build, on one thread.
public final class TextShaper {
    let fonts: FontLibrary
    private var descriptions: [FontStyle: OpaquePointer] = [:]
    /// The font file, face index and size of each Pango font met so far. Each key holds a
    /// reference to its font, so the address cannot be reused by another font while cached.
    private var faces: [UnsafeMutableRawPointer: (face: FontFace, size: Length)] = [:]
    /// Results for short texts (labels, list markers, dates, table cells), which a layout asks
    /// for again and again; see `ShapeRequest.isMemoized`.
    private var memo: [ShapeRequest: [ShapedLine]] = [:]
    /// `oneToOne[n]`: n clusters of one byte and one glyph each, shared by every run of n
    /// ASCII characters without ligatures (most runs of Latin text), to keep the page model small.
    private var oneToOne: [[Cluster]] = []
    /// Per Pango font (each key holds a reference): the width of its hyphen, and the height
    /// above and below the baseline of a line in it, for total-fit line breaking.
    var hyphenWidths: [UnsafeMutableRawPointer: Int32] = [:]
    var fontLineMetrics: [UnsafeMutableRawPointer: (ascent: Int32, descent: Int32)] = [:]

    /// - Parameter fontDirectory: the folder whose fonts, and only those, may be used.
    public init(fontDirectory: String) throws {
        fonts = try FontLibrary(fontDirectory: fontDirectory)
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        for font in faces.keys { g_object_unref(font) }
        for font in hyphenWidths.keys { g_object_unref(font) }
        for font in fontLineMetrics.keys { g_object_unref(font) }
    }

    /// Breaks `spans` into lines no wider than `width` (one line per hard break when nil).
    public func lines(_ spans: [TextSpan], width: Length?, style: ParagraphStyle) -> [ShapedLine] {
        let request = ShapeRequest(spans: spans, width: width.map(pangoUnits), style: style)
        guard request.isMemoized else { return shape(spans, width: width, style: style) }
        if let known = memo[request] { return known }
        let lines = shape(spans, width: width, style: style)
        if memo.count >= ShapeRequest.memoCapacity { memo.removeAll(keepingCapacity: true) }
        memo[request] = lines
        return lines
    }

    private func shape(_ spans: [TextSpan], width: Length?, style: ParagraphStyle) -> [ShapedLine] {
        let spans = spans.map(\.withBreakChances)
        let text = spans.map(\.text).joined()
        guard !text.isEmpty else { return [] }
        // Justified text is broken by total fit; ragged text only when it holds an address,
        // which Pango alone would break between any two letters rather than after a `/`.
        if let width, style.alignment == .justify ? style.lineBreaking == .optimal
                                                  : style.alignment == .left && Self.mayHoldAddress(text),
           let lines = totalFitLines(spans, text: text, width: pangoUnits(width), style: style,
                                     ragged: style.alignment != .justify) {
            return lines
        }
        guard let layout = pango_layout_new(fonts.context) else { return [] }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }

        configure(layout, spans: spans, text: text, width: width, style: style)
        return text.withCString { textPointer in
            readLines(of: layout, text: textPointer, spans: spans)
        }
    }

    /// The width of `spans` set on one line.
    public func width(of spans: [TextSpan], language: String) -> Length {
        lines(spans, width: nil, style: ParagraphStyle(alignment: .left, language: language))
            .map(\.width).max() ?? .zero
    }

    /// The family names of the fonts in the font folder.
    public func families() -> Set<String> {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fonts.fontMap, &list, &count)
        defer { g_free(list) }
        var names: Set<String> = []
        for index in 0..<Int(count) {
            if let family = list?[index], let name = pango_font_family_get_name(family) { names.insert(String(cString: name)) }
        }
        return names
    }

    /// Characters in `spans` that no font in the font folder can show.
    public func missingGlyphCount(_ spans: [TextSpan], language: String) -> Int {
        let text = spans.map(\.text).joined()
        guard !text.isEmpty, let layout = pango_layout_new(fonts.context) else { return 0 }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        configure(layout, spans: spans, text: text, width: nil,
                  style: ParagraphStyle(alignment: .left, language: language))
        return Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    // MARK: - Pango

    func configure(_ layout: OpaquePointer, spans: [TextSpan], text: String, width: Length?,
                           style: ParagraphStyle) {
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        if let width {
            pango_layout_set_width(layout, pangoUnits(width))
            // Words longer than the line break between characters rather than overflow.
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        pango_layout_set_justify(layout, style.alignment == .justify ? 1 : 0)
        switch style.alignment {
        case .left, .justify: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }

        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        let language = pango_language_from_string(style.language)
        insert(pango_attr_language_new(language), into: attributes, from: 0, to: text.utf8.count)
        var offset = 0
        for span in spans {
            let end = offset + span.text.utf8.count
            insert(pango_attr_font_desc_new(description(for: span.font)), into: attributes, from: offset, to: end)
            // A word broken between characters gets no hyphen (such words are URLs and codes);
            // text marked with soft hyphens shows one where it breaks.
            if !span.text.unicodeScalars.contains("\u{00AD}") {
                insert(pango_attr_insert_hyphens_new(0), into: attributes, from: offset, to: end)
            }
            insert(pango_attr_foreground_new(channel(span.color.red), channel(span.color.green),
                                             channel(span.color.blue)),
                   into: attributes, from: offset, to: end)
            offset = end
        }
        pango_layout_set_attributes(layout, attributes)
    }

    private func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, into list: OpaquePointer?,
                        from start: Int, to end: Int) {
        guard let attribute else { return }
        attribute.pointee.start_index = UInt32(start)
        attribute.pointee.end_index = UInt32(end)
        pango_attr_list_insert(list, attribute)  // the list owns it now
    }

    private func description(for font: FontStyle) -> OpaquePointer? {
        if let cached = descriptions[font] { return cached }
        guard let description = pango_font_description_new() else { return nil }
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, Double(pangoUnits(font.size)))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        descriptions[font] = description
        return description
    }

    private func readLines(of layout: OpaquePointer, text: UnsafePointer<CChar>, spans: [TextSpan]) -> [ShapedLine] {
        let spanStarts = byteOffsets(of: spans)

        guard let iterator = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        var lines: [ShapedLine] = []
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iterator)
            var items: [UnsafeMutablePointer<PangoGlyphItem>] = []
            var node = line.pointee.runs
            while let current = node {
                defer { node = current.pointee.next }
                if let item = current.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self) { items.append(item) }
            }
            let (runs, links) = runsAndLinks(items, from: logical.x, text: text, spans: spans, spanStarts: spanStarts)
            let ascent = points(baseline - logical.y)
            lines.append(ShapedLine(runs: runs, ascent: ascent, descent: points(logical.height) - ascent,
                                    x: points(logical.x), width: points(logical.width), links: links))
        } while pango_layout_iter_next_line(iterator) != 0
        return lines
    }

    /// Glyph runs of `items`, in visual order, set one after another from `x`, and the
    /// clickable stretches among them.
    func runsAndLinks(_ items: [UnsafeMutablePointer<PangoGlyphItem>], from x: Int32, text: UnsafePointer<CChar>,
                      spans: [TextSpan], spanStarts: [Int]) -> (runs: [GlyphRun], links: [LinkSpan]) {
        var x = x
        var runs: [GlyphRun] = []
        var links: [LinkSpan] = []
        for item in items {
            let runWidth = pango_glyph_string_get_width(item.pointee.glyphs)
            let span = spanIndex(forByte: Int(item.pointee.item.pointee.offset), starts: spanStarts)
            if let run = glyphRun(item, at: x, text: text, color: spans[span].color) {
                runs.append(run)
            }
            if let target = spans[span].link {
                let start = points(x), width = points(runWidth)
                if let last = links.last, last.target == target, abs((last.x + last.width - start).points) < 0.01 {
                    links[links.count - 1].width = last.width + width
                } else {
                    links.append(LinkSpan(x: start, width: width, target: target))
                }
            }
            x += runWidth
        }
        return (runs, links)
    }

    /// The font file, face index and pixel size of a Pango font, looked up once per font.
    private func face(of font: UnsafeMutablePointer<PangoFont>) -> (face: FontFace, size: Length)? {
        let key = UnsafeMutableRawPointer(font)
        if let known = faces[key] { return known }
        guard gazette_is_fc_font(font) != 0,
              let pattern = pango_fc_font_get_pattern(gazette_fc_font(font)) else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        var pixelSize: Double = 0
        guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { return nil }
        _ = FcPatternGetInteger(pattern, "index", 0, &index)
        _ = FcPatternGetDouble(pattern, "pixelsize", 0, &pixelSize)
        let known = (face: FontFace(file: String(cString: file), index: Int(index)),
                     size: pixelSize > 0 ? Length.pt(pixelSize) : .pt(10))
        g_object_ref(key)
        faces[key] = known
        return known
    }

    func glyphRun(_ item: UnsafeMutablePointer<PangoGlyphItem>, at x: Int32,
                          text: UnsafePointer<CChar>, color: Color) -> GlyphRun? {
        guard let font = item.pointee.item.pointee.analysis.font, let (face, size) = face(of: font) else { return nil }

        let glyphString = item.pointee.glyphs!
        let count = Int(glyphString.pointee.num_glyphs)
        let infos = glyphString.pointee.glyphs!
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(count)
        // Pango's "empty" glyph (for a newline, say) is not a glyph of the font and is not drawn.
        let empty: PangoGlyph = 0x0FFF_FFFF
        var emptyCount = 0
        var advance: Int32 = 0
        for i in 0..<count {
            let info = infos[i]
            if info.glyph == empty {
                emptyCount += 1
            } else {
                // Unknown characters (flag 0x10000000) are drawn as the font's .notdef box.
                let glyphID = info.glyph & 0x1000_0000 != 0 ? 0 : info.glyph
                glyphs.append(Glyph(id: glyphID, x: points(advance + info.geometry.x_offset),
                                    y: points(info.geometry.y_offset)))
            }
            advance += info.geometry.width
        }
        /// Glyphs drawn among glyph indices `lower..<upper`.
        func drawnGlyphs(_ lower: Int, _ upper: Int) -> Int {
            let (from, to) = (max(lower, 0), min(upper, count))
            guard from < to else { return 0 }
            guard emptyCount > 0 else { return to - from }
            var drawn = 0
            for i in from..<to where infos[i].glyph != empty { drawn += 1 }
            return drawn
        }

        let pangoItem = item.pointee.item!
        let start = Int(pangoItem.pointee.offset), length = Int(pangoItem.pointee.length)
        let bytes = UnsafeRawBufferPointer(start: text + start, count: length)
        var runText = String(decoding: bytes, as: UTF8.self)

        var clusters: [Cluster] = []
        clusters.reserveCapacity(count)
        var isOneToOne = true
        var iterator = PangoGlyphItemIter()
        var more = pango_glyph_item_iter_init_start(&iterator, item, text)
        while more != 0 {
            let glyphRange = iterator.clusterGlyphs
            let glyphCount = drawnGlyphs(glyphRange.lowerBound, glyphRange.upperBound)
            let byteCount = Int(iterator.end_index - iterator.start_index)
            if byteCount > 0 || glyphCount > 0 {
                clusters.append(Cluster(byteCount: byteCount, glyphCount: glyphCount))
                if byteCount != 1 || glyphCount != 1 { isOneToOne = false }
            }
            more = pango_glyph_item_iter_next_cluster(&iterator)
        }

        if !isOneToOne, bytes.contains(0xAD) {
            (runText, clusters) = withoutUnusedSoftHyphens(clusters, text: runText)
            isOneToOne = clusters.allSatisfy { $0.byteCount == 1 && $0.glyphCount == 1 }
        }
        let isBackward = pangoItem.pointee.analysis.level % 2 == 1
        if mayHoldCombiningMarks(bytes), runText.unicodeScalars.contains(where: \.isCombiningMark) {
            isOneToOne = false
            if isBackward {
                clusters = wordClusters(clusters, text: runText)
            } else {
                let advances = (0..<count).filter { infos[$0].glyph != empty }.map { infos[$0].geometry.width }
                let narrow = Int32(Self.narrowestSpaceBetweenSpans * Double(pangoUnits(size)))
                clusters = wordClusters(clusters, text: runText, advances: advances, narrowSpace: narrow)
                glyphs = endingOnAnAdvance(glyphs, advances: advances, clusters: clusters)
            }
        }
        // Pango walks clusters in text order; the page model lists them in glyph order.
        if isBackward { clusters.reverse() }
        if isOneToOne { clusters = sharedOneToOne(clusters.count) }
        return GlyphRun(
            font: face, size: size, color: color, origin: Point(x: points(x), y: .zero),
            glyphs: glyphs, text: runText, clusters: clusters,
            isBackward: isBackward,
            width: points(advance))
    }

    /// `count` one-byte, one-glyph clusters, from storage shared by all runs of that length.
    private func sharedOneToOne(_ count: Int) -> [Cluster] {
        while oneToOne.count <= count {
            oneToOne.append(Array(repeating: Cluster(byteCount: 1, glyphCount: 1), count: oneToOne.count))
        }
        return oneToOne[count]
    }

    /// The text and clusters without the soft hyphens that drew nothing (every one but a line's
    /// last): they are only where a word might have broken, and each would otherwise be a
    /// cluster without glyphs, which cairo writes as marked content of its own and which cuts
    /// a paragraph's text short in some readers' structure views.
    private func withoutUnusedSoftHyphens(_ clusters: [Cluster], text: String) -> (String, [Cluster]) {
        let bytes = Array(text.utf8)
        var keptBytes: [UInt8] = []
        keptBytes.reserveCapacity(bytes.count)
        var kept: [Cluster] = []
        var offset = 0
        for cluster in clusters {
            let end = min(offset + cluster.byteCount, bytes.count)
            defer { offset = end }
            if cluster.glyphCount == 0, bytes[offset..<end].elementsEqual([0xC2, 0xAD]) { continue }
            keptBytes += bytes[offset..<end]
            kept.append(cluster)
        }
        return (String(decoding: keptBytes, as: UTF8.self), kept)
    }

    /// Joins the clusters of each word into one.
    ///
    /// Cairo writes a cluster of several glyphs as one marked-content span with its text
    /// (`/ActualText`), and PDF readers spread that text evenly over the span. A span per
    /// word keeps words with vowel signs and other marks whole when copied or searched;
    /// per glyph cluster, poppler splits Devanagari words at marks that carry an advance.
    ///
    /// A space narrower than `narrowSpace` (Pango units; `advances` are the drawn glyphs'
    /// advances) between two words of the run gives its text to the word before it and its
    /// glyph to the word after it: see `narrowestSpaceBetweenSpans`. Its glyph stays out of
    /// the span before it, where poppler would measure the span to the space's natural width,
    /// past the squeezed gap, onto the next word; its text stays out of the span after it,
    /// where poppler would put it at the start of the word.
    private func wordClusters(_ clusters: [Cluster], text: String, advances: [Int32] = [],
                              narrowSpace: Int32 = 0) -> [Cluster] {
        let bytes = Array(text.utf8)
        var merged: [Cluster] = []
        var offset = 0
        var glyph = 0
        var joining = false
        // Glyphs of a narrow space whose text went to the word before it.
        var carried = 0
        for var cluster in clusters {
            let end = min(offset + cluster.byteCount, bytes.count)
            let piece = bytes[offset..<end]
            offset = end
            let glyphs = min(glyph, advances.count)..<min(glyph + cluster.glyphCount, advances.count)
            glyph += cluster.glyphCount
            let isSpace: Bool
            if piece.allSatisfy({ $0 < 0x80 }) {
                // ASCII White_Space: tab, line feed, vertical tab, form feed, carriage return, space.
                isSpace = !piece.isEmpty && piece.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) }
            } else {
                isSpace = String(decoding: piece, as: UTF8.self).unicodeScalars.allSatisfy(\.isWhitespace)
            }
            let isNarrow = isSpace && !glyphs.isEmpty && glyphs.map { advances[$0] }.reduce(0, +) < narrowSpace
            // Only before a word of this run, which can take the space's glyph.
            if joining && isNarrow && glyph < advances.count, var last = merged.popLast() {
                last.byteCount += cluster.byteCount
                merged.append(last)
                carried += cluster.glyphCount
                joining = false
                continue
            }
            if carried > 0 {
                if isSpace { merged.append(Cluster(byteCount: 0, glyphCount: carried)) } else { cluster.glyphCount += carried }
                carried = 0
            }
            if joining && !isSpace, var last = merged.popLast() {
                last.byteCount += cluster.byteCount
                last.glyphCount += cluster.glyphCount
                merged.append(last)
            } else {
                merged.append(cluster)
            }
            joining = !isSpace
        }
        if carried > 0 { merged.append(Cluster(byteCount: 0, glyphCount: carried)) }
        return merged
    }

    /// The narrowest space, in ems, from which PDFium can tell that two words' text spans are
    /// two words.
    ///
    /// Cairo writes a space beside Devanagari in a font subset of its own, so between two
    /// words' spans it is a text object of its own, with no ink and so no width, which PDFium
    /// (Chrome's and Android's reader) drops. PDFium then puts a space back only where the gap
    /// from one span's last glyph to the next span's first is wider than about a quarter of
    /// the wider glyph (a sixth for glyphs of an em and more): a space a justified line has
    /// squeezed below a fifth of an em is too narrow, and the two words ran together. Such a
    /// space goes into the text of the word before it, where PDFium reads it as a character.
    /// Not every space: poppler reads a span's text as one word, so a span of two words is one
    /// box in its word list.
    static let narrowestSpaceBetweenSpans = 0.2

    /// The glyphs with each cluster's last glyph that advances the pen moved to the cluster's
    /// end, behind the marks drawn over it. Positions are untouched: only the order in which
    /// the PDF lists them changes, inside the cluster, whose text cairo writes for it.
    ///
    /// PDFium (Chrome's and Android's reader) drops the space between two words' text spans,
    /// a text object of no width, and puts a space back only where it measures a gap from the
    /// end of the last glyph of one span to the first of the next. A word that ends in a mark
    /// (ने, में, दसवाँ) ends on a glyph of no advance that PDFium measures by its box instead,
    /// which reaches past the gap, so the two words ran together ("मेंडल").
    private func endingOnAnAdvance(_ glyphs: [Glyph], advances: [Int32], clusters: [Cluster]) -> [Glyph] {
        guard advances.count == glyphs.count else { return glyphs }
        var ordered = glyphs
        var start = 0
        for cluster in clusters {
            let end = min(start + cluster.glyphCount, glyphs.count)
            defer { start = end }
            guard let last = (start..<end).last(where: { advances[$0] != 0 }), last < end - 1 else { continue }
            ordered[last..<end] = ordered[(last + 1)..<end] + [glyphs[last]]
        }
        return ordered
    }

    /// Where each span starts in the paragraph's UTF-8 text.
    func byteOffsets(of spans: [TextSpan]) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(spans.count)
        var offset = 0
        for span in spans { starts.append(offset); offset += span.text.utf8.count }
        return starts
    }

    func spanIndex(forByte byte: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= byte { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

extension TextSpan {
    /// Longest stretch without a space that Pango is given whole.
    package static let longestUnbrokenStretch = 256

    /// The span with an invisible break chance (U+200B) after every 256 characters that have
    /// no space between them. Pango's time to break a stretch it can only break between
    /// characters grows with the square of its length (a 40,000-letter "word" took 2 s); no
    /// real word or URL is that long, so ordinary text is never touched.
    var withBreakChances: TextSpan {
        // A stretch longer than that takes more bytes than that.
        guard text.utf8.count > Self.longestUnbrokenStretch else { return self }
        var run = 0
        guard text.unicodeScalars.contains(where: { scalar in
            run = scalar.isWhitespace ? 0 : run + 1
            return run > Self.longestUnbrokenStretch
        }) else { return self }
        var copy = self
        copy.text = ""
        run = 0
        for scalar in text.unicodeScalars {
            run = scalar.isWhitespace ? 0 : run + 1
            if run > Self.longestUnbrokenStretch { copy.text.unicodeScalars.append("\u{200B}"); run = 1 }
            copy.text.unicodeScalars.append(scalar)
        }
        return copy
    }
}

extension PangoGlyphItemIter {
    /// The glyphs of the iterator's cluster: left to right glyphs [start, end); right to
    /// left, (end, start].
    var clusterGlyphs: Range<Int> {
        start_glyph <= end_glyph ? Int(start_glyph)..<Int(end_glyph) : Int(end_glyph + 1)..<Int(start_glyph + 1)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property (as `Character.isWhitespace` reads it), looked up in
    /// Unicode's tables only outside ASCII, where text rarely is.
    var isWhitespace: Bool {
        isASCII ? self == " " || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// Vowel signs, viramas, nuktas and other marks that attach to a base letter.
    var isCombiningMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

func pangoUnits(_ length: Length) -> Int32 { Int32((length.points * Double(PANGO_SCALE)).rounded()) }
func points(_ units: Int32) -> Length { .pt(Double(units) / Double(PANGO_SCALE)) }
private func channel(_ value: Double) -> UInt16 { UInt16((min(max(value, 0), 1) * 65535).rounded()) }

/// False when `bytes` (UTF-8) cannot hold a combining mark: every mark is at U+0300 or above,
/// and the lead byte of every such character is 0xCC or above.
private func mayHoldCombiningMarks(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.contains { $0 >= 0xCC }
}

/// One call to `TextShaper.lines`, as the key of its memoized result.
///
/// Only short texts are memoized: labels, list markers, dates, table cells and other strings a
/// layout measures and sets many times over. Paragraphs are always shaped afresh, so a digest
/// whose articles repeat each other (the scaled benchmark digests do) is not made faster than
/// a real one by the cache. Pango's result depends only on what the key holds (the text, its
/// styles, the width in Pango units, alignment and language), so a memoized result is the
/// result a new layout would give.
private struct ShapeRequest: Hashable {
    /// Longest text memoized, in UTF-8 bytes.
    static let memoizedLength = 64
    /// Entries kept before the memo is emptied and starts again: a few megabytes at most.
    /// The 400-article benchmark digest needs a few thousand.
    static let memoCapacity = 10_000

    var spans: [TextSpan]
    var width: Int32?
    var style: ParagraphStyle

    var isMemoized: Bool {
        var length = 0
        for span in spans {
            length += span.text.utf8.count
            if length > Self.memoizedLength { return false }
        }
        return true
    }

    static func == (a: ShapeRequest, b: ShapeRequest) -> Bool {
        a.width == b.width && a.style == b.style && a.spans == b.spans
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(style.language)
        hasher.combine(style.lineBreaking)
        for span in spans {
            hasher.combine(span.text)
            hasher.combine(span.font)
            hasher.combine(span.color)
        }
    }
}

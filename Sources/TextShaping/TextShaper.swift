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
    private let fonts: FontLibrary
    private var descriptions: [FontStyle: OpaquePointer] = [:]

    /// - Parameter fontDirectory: the folder whose fonts, and only those, may be used.
    public init(fontDirectory: String) throws {
        fonts = try FontLibrary(fontDirectory: fontDirectory)
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
    }

    /// Breaks `spans` into lines no wider than `width` (one line per hard break when nil).
    public func lines(_ spans: [TextSpan], width: Length?, style: ParagraphStyle) -> [ShapedLine] {
        let text = spans.map(\.text).joined()
        guard !text.isEmpty else { return [] }
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

    private func configure(_ layout: OpaquePointer, spans: [TextSpan], text: String, width: Length?,
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
        // A word broken between characters gets no hyphen: such words are URLs and codes.
        insert(pango_attr_insert_hyphens_new(0), into: attributes, from: 0, to: text.utf8.count)
        var offset = 0
        for span in spans {
            let end = offset + span.text.utf8.count
            insert(pango_attr_font_desc_new(description(for: span.font)), into: attributes, from: offset, to: end)
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
        var spanStarts: [Int] = []
        var offset = 0
        for span in spans { spanStarts.append(offset); offset += span.text.utf8.count }

        guard let iterator = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        var lines: [ShapedLine] = []
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iterator)
            var x = logical.x
            var runs: [GlyphRun] = []
            var links: [LinkSpan] = []
            var node = line.pointee.runs
            while let current = node {
                defer { node = current.pointee.next }
                guard let item = current.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self) else { continue }
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
            let ascent = points(baseline - logical.y)
            lines.append(ShapedLine(runs: runs, ascent: ascent, descent: points(logical.height) - ascent,
                                    x: points(logical.x), width: points(logical.width), links: links))
        } while pango_layout_iter_next_line(iterator) != 0
        return lines
    }

    private func glyphRun(_ item: UnsafeMutablePointer<PangoGlyphItem>, at x: Int32,
                          text: UnsafePointer<CChar>, color: Color) -> GlyphRun? {
        guard let font = item.pointee.item.pointee.analysis.font,
              gazette_is_fc_font(font) != 0,
              let pattern = pango_fc_font_get_pattern(gazette_fc_font(font)) else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        var pixelSize: Double = 0
        guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { return nil }
        _ = FcPatternGetInteger(pattern, "index", 0, &index)
        _ = FcPatternGetDouble(pattern, "pixelsize", 0, &pixelSize)

        let glyphString = item.pointee.glyphs!
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(glyphString.pointee.num_glyphs))
        // Which glyphs are drawn: Pango's "empty" glyph (for a newline, say) is not a glyph of the font.
        var drawn: [Bool] = []
        var advance: Int32 = 0
        for i in 0..<Int(glyphString.pointee.num_glyphs) {
            let info = glyphString.pointee.glyphs[i]
            let id = info.glyph
            let isEmpty = id == 0x0FFF_FFFF
            drawn.append(!isEmpty)
            if !isEmpty {
                // Unknown characters (flag 0x10000000) are drawn as the font's .notdef box.
                let glyphID = id & 0x1000_0000 != 0 ? 0 : id
                glyphs.append(Glyph(id: glyphID, x: points(advance + info.geometry.x_offset),
                                    y: points(info.geometry.y_offset)))
            }
            advance += info.geometry.width
        }

        let pangoItem = item.pointee.item!
        let start = Int(pangoItem.pointee.offset), length = Int(pangoItem.pointee.length)
        let runText = String(decoding: UnsafeRawBufferPointer(start: text + start, count: length), as: UTF8.self)

        var clusters: [Cluster] = []
        var iterator = PangoGlyphItemIter()
        var more = pango_glyph_item_iter_init_start(&iterator, item, text)
        while more != 0 {
            // Left to right a cluster is glyphs [start, end); right to left, (end, start].
            let forward = iterator.start_glyph <= iterator.end_glyph
            let lower = Int(forward ? iterator.start_glyph : iterator.end_glyph + 1)
            let upper = Int(forward ? iterator.end_glyph : iterator.start_glyph + 1)
            let glyphCount = (lower..<upper).filter { drawn.indices.contains($0) && drawn[$0] }.count
            let bytes = Int(iterator.end_index - iterator.start_index)
            if bytes > 0 || glyphCount > 0 {
                clusters.append(Cluster(byteCount: bytes, glyphCount: glyphCount))
            }
            more = pango_glyph_item_iter_next_cluster(&iterator)
        }

        // Pango walks clusters in text order; the page model lists them in glyph order.
        if runText.unicodeScalars.contains(where: \.isCombiningMark) {
            clusters = wordClusters(clusters, text: runText)
        }
        let isBackward = pangoItem.pointee.analysis.level % 2 == 1
        if isBackward { clusters.reverse() }
        let size = pixelSize > 0 ? Length.pt(pixelSize) : .pt(10)
        return GlyphRun(
            font: FontFace(file: String(cString: file), index: Int(index)),
            size: size, color: color, origin: Point(x: points(x), y: .zero),
            glyphs: glyphs, text: runText, clusters: clusters,
            isBackward: isBackward,
            width: points(advance))
    }

    /// Joins the clusters of each word into one.
    ///
    /// Cairo writes a cluster of several glyphs as one marked-content span with its text
    /// (`/ActualText`), and PDF readers spread that text evenly over the span. A span per
    /// word keeps words with vowel signs and other marks whole when copied or searched;
    /// per glyph cluster, poppler splits Devanagari words at marks that carry an advance.
    private func wordClusters(_ clusters: [Cluster], text: String) -> [Cluster] {
        let bytes = Array(text.utf8)
        var merged: [Cluster] = []
        var offset = 0
        var joining = false
        for cluster in clusters {
            let end = min(offset + cluster.byteCount, bytes.count)
            let piece = String(decoding: bytes[offset..<end], as: UTF8.self)
            offset = end
            let isSpace = !piece.isEmpty && piece.unicodeScalars.allSatisfy(\.properties.isWhitespace)
            if joining && !isSpace, var last = merged.popLast() {
                last.byteCount += cluster.byteCount
                last.glyphCount += cluster.glyphCount
                merged.append(last)
            } else {
                merged.append(cluster)
            }
            joining = !isSpace
        }
        return merged
    }

    private func spanIndex(forByte byte: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= byte { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

extension Unicode.Scalar {
    /// Vowel signs, viramas, nuktas and other marks that attach to a base letter.
    var isCombiningMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

private func pangoUnits(_ length: Length) -> Int32 { Int32((length.points * Double(PANGO_SCALE)).rounded()) }
private func points(_ units: Int32) -> Length { .pt(Double(units) / Double(PANGO_SCALE)) }
private func channel(_ value: Double) -> UInt16 { UInt16((min(max(value, 0), 1) * 65535).rounded()) }

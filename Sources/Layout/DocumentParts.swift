import DigestModel
import Geometry
import LayoutSpec
import PageModel
import QRCode
import TextShaping

/// The parts of the document around the articles' text: section banners, article headers,
/// the practice questions and answer key, the contents and the cover.
struct DocumentParts {
    let spec: LayoutSpec
    let composer: BlockComposer
    let digest: Digest

    var setter: LineSetter { composer.setter }
    private var styler: InlineStyler { composer.styler }
    private var bodyWidth: Length { spec.page.body.width }

    func sans(_ size: Length, bold: Bool = false, color: Color, leading: Length? = nil) -> TextLook {
        TextLook(font: FontStyle(family: spec.fonts.heading, size: size, bold: bold), color: color,
                 leading: leading ?? size * 1.25)
    }

    func lines(_ text: String, look: TextLook, width: Length, alignment: ParagraphStyle.Alignment = .left,
                       language: String? = nil, link: Link.Target? = nil) -> [Piece] {
        setter.pieces([TextSpan(text, font: look.font, color: look.color, link: link)], width: width, look: look,
                      alignment: alignment, language: language ?? digest.language, kind: .heading, block: nil)
    }

    // MARK: - Section banner

    /// A band across the page that opens a section, or its title between two rules.
    func sectionBanner(label: String, title: String, anchor: String) -> Piece {
        let filled = spec.section.filledBanner
        let pad = filled ? Length.pt(10) : .pt(6)
        let labelColor = filled ? spec.colors.onBrandMuted : spec.colors.accent
        let titleColor = filled ? spec.colors.onBrand : spec.colors.brand
        let labelPieces = lines(label.uppercased(), look: sans(.pt(8), bold: true, color: labelColor),
                                width: bodyWidth - pad * 2).marked(composer.element(.paragraph))
        let titlePieces = Array(lines(title, look: sans(spec.section.titleSize, bold: true, color: titleColor),
                                      width: bodyWidth - pad * 2).prefix(3)).marked(composer.element(.heading1))
        let content = stack(labelPieces + titlePieces, gaps: [.pt(2)]).shifted(by: filled ? pad : .zero)
        let height = content.height + pad * 2
        var items: [PageItem] = [.anchor(name: anchor, at: .zero)]
        if filled {
            items.append(.box(Box(frame: Rect(x: .zero, y: .zero, width: bodyWidth, height: height), fill: spec.colors.brand)))
            items.append(.box(Box(frame: Rect(x: .zero, y: height - .pt(3), width: bodyWidth, height: .pt(3)),
                                  fill: spec.colors.accent)))
        } else {
            items.append(.rule(Rule(from: .zero, to: Point(x: bodyWidth, y: .zero), width: .pt(2), color: spec.colors.brand)))
            items.append(.rule(Rule(from: Point(x: .zero, y: height), to: Point(x: bodyWidth, y: height),
                                    width: .pt(0.75), color: spec.colors.brand)))
        }
        items += content.items.map { $0.translated(by: Point(x: .zero, y: pad)) }
        return Piece(height: height, items: items, kind: .graphic)
    }

    // MARK: - Article header

    /// Date and tags, the title, the summary and the source, across all columns; with a
    /// source and the layout's `qr-code`, a QR code of it at the right, beside the text.
    func articleHeader(_ article: Article, anchor: String) -> Piece {
        let qrCode = sourceCode(of: article)
        let qrSide = spec.article.qrSize
        let textWidth = qrCode == nil ? bodyWidth : bodyWidth - qrSide - .pt(12)
        let language = article.language
        let strings = spec.strings(for: language)
        let date = strings.format(year: article.date.year, month: article.date.month, day: article.date.day)
        let meta = ([date] + article.tags).joined(separator: "  ·  ")
        var pieces: [Piece] = []
        var gaps: [Length] = []
        let style = spec.article
        pieces += capped(lines(meta.uppercased(), look: sans(style.metaSize, bold: true, color: spec.colors.accent),
                               width: textWidth, language: language), to: 3, what: "tags", of: article)
            .marked(composer.element(.paragraph))
        let title = capped(lines(article.title, look: sans(style.titleSize, bold: true, color: spec.colors.brand,
                                                           leading: style.titleLeading),
                                 width: textWidth, language: language), to: 6, what: "title", of: article)
            .marked(composer.element(.heading(level: composer.articleTitleLevel)))
        gaps += Array(repeating: .zero, count: max(pieces.count - 1, 0)) + [.pt(2)]
        pieces += title
        gaps += Array(repeating: .zero, count: max(title.count - 1, 0))
        if let summary = article.summary {
            let look = composer.bodyLook.with(size: style.summarySize, leading: style.summarySize * 1.33, italic: true,
                                              color: spec.colors.muted)
            let summaryPieces = capped(lines(summary, look: look, width: textWidth, language: language), to: 8,
                                       what: "summary", of: article).marked(composer.element(.paragraph))
            gaps.append(.pt(4))
            gaps += Array(repeating: .zero, count: max(summaryPieces.count - 1, 0))
            pieces += summaryPieces
        }
        if let source = article.source {
            let look = sans(style.metaSize, color: spec.colors.link)
            let sourcePieces = capped(lines("\(strings.source): \(source)", look: look, width: textWidth, language: language,
                                            link: .uri(source)), to: 3, what: "source", of: article)
                .marked(composer.element(.paragraph))
            gaps.append(.pt(3))
            gaps += Array(repeating: .zero, count: max(sourcePieces.count - 1, 0))
            pieces += sourcePieces
        }
        var header = stack(pieces, gaps: gaps, kind: .heading)
        if let qrCode, let source = article.source {
            header.items += qrCode.items(side: qrSide, color: spec.colors.text, target: .uri(source))
                .map { $0.translated(by: Point(x: bodyWidth - qrSide, y: .zero)) }
            header.height = max(header.height, qrSide)
        }
        header.height += .pt(6)
        header.items.insert(.anchor(name: anchor, at: .zero), at: 0)
        if style.rule > .zero {
            header.items.append(.rule(Rule(from: Point(x: .zero, y: header.height),
                                           to: Point(x: bodyWidth, y: header.height), width: style.rule,
                                           color: spec.colors.brand)))
        }
        header.height += .pt(2)
        return header
    }

    /// The QR code of the article's source when the layout shows one; a source too long for
    /// any QR code is warned about and printed as text only.
    private func sourceCode(of article: Article) -> QRCode? {
        guard spec.article.qrCode, let source = article.source, !source.isEmpty else { return nil }
        guard let code = QRCode(encoding: source) else {
            composer.warn("the article's source is too long for a QR code; it is printed as text only",
                          at: article.location)
            return nil
        }
        return code
    }

    /// At most `limit` lines of a header part, so a header always fits on a page; a warning
    /// says what was shortened.
    private func capped(_ pieces: [Piece], to limit: Int, what: String, of article: Article) -> [Piece] {
        guard pieces.count > limit else { return pieces }
        composer.warn("the article's \(what) takes \(pieces.count) lines; only the first \(limit) are printed",
                      at: article.location)
        return Array(pieces.prefix(limit))
    }

    // MARK: - Practice questions and answers

    /// Every article's questions under its title, numbered through; or their answers.
    func quizFlow(_ part: QuizPart) -> [FlowItem] {
        var flow: [FlowItem] = []
        var number = 1
        let width = spec.page.columnWidth
        for article in digest.articles where !article.quiz.isEmpty {
            if !flow.isEmpty { flow.append(.space(spec.text.blockSpacing)) }
            let heading = spec.heading(level: 4)
            let look = sans(heading.size, bold: true, color: spec.colors.brand, leading: heading.leading)
            let title = setter.pieces([TextSpan(article.title, font: look.font, color: look.color,
                                                link: .destination("article-\(article.slug)"))],
                                      width: width, look: look, alignment: .left, language: article.language,
                                      kind: .heading, block: composer.newBlockID(at: article.location))
                .marked(composer.element(.heading2))
            flow += title.map { FlowItem.piece($0) }.interspersed(with: .breakpoint(penalty: Penalty.never))
            flow += [.breakpoint(penalty: Penalty.never), .space(.pt(3)), .breakpoint(penalty: Penalty.never)]
            switch part {
            case .questions:
                flow += composer.quiz(article.quiz, firstNumber: number, width: width, language: article.language,
                                      showAnswers: false, block: composer.newBlockID(at: article.quiz.first?.location))
            case .answers:
                flow += answers(article.quiz, firstNumber: number, width: width, language: article.language)
            }
            number += article.quiz.count
        }
        return flow
    }

    private func answers(_ questions: [QuizQuestion], firstNumber: Int, width: Length, language: String) -> [FlowItem] {
        let body = composer.bodyLook
        let numberWidth = spec.quiz.numberWidth
        var flow: [FlowItem] = []
        let list = composer.listElement(.decimal)
        for (index, question) in questions.enumerated() {
            let block = composer.newBlockID(at: question.location)
            let (label, answer) = composer.listItem(in: list)
            let number = setter.pieces([TextSpan("\(firstNumber + index).", font: body.font.bold(), color: spec.quiz.numberColor)],
                                       width: numberWidth, look: body, alignment: .left, language: language, block: block)
                .marked(label)
            var spans = [TextSpan("(\(alphabetic(question.answer + 1))) ", font: body.font.bold(), color: spec.colors.accent)]
            if question.answer < question.options.count {
                spans += styler.spans(question.options[question.answer], look: body.with(bold: true))
            }
            if let explanation = question.explanation {
                spans.append(TextSpan(" — ", font: body.font, color: body.color))
                spans += styler.spans(explanation, look: body)
            }
            let text = setter.pieces(spans, width: width - numberWidth, look: body, alignment: .left,
                                     language: language, block: block).marked(answer)
            if index > 0 { flow.append(.space(spec.text.paragraphSpacing)) }
            flow += LineSetter.paragraphFlow(Bands.rows([(x: .zero, pieces: number), (x: numberWidth, pieces: text)]))
        }
        return flow
    }

    // MARK: - Contents

    /// The contents pages: sections in bold, articles under them with dot leaders and page
    /// numbers, every line a link.
    func contentsPages(_ entries: [ContentsEntry], pageNumbers: (String) -> Int?) -> [PageDraft] {
        let body = spec.page.body
        let numberWidth = Length.pt(28)
        var pages: [PageDraft] = [PageDraft(section: spec.strings.contents)]
        var y = body.minY
        let heading = stack(lines(spec.strings.contents, look: sans(.pt(24), bold: true, color: spec.colors.brand), width: body.width)
            .marked(composer.element(.heading1)))
        let toc = composer.element(.contents)
        pages[0].items.append(.anchor(name: "contents", at: Point(x: body.minX, y: y)))
        pages[0].items += heading.items.map { $0.translated(by: Point(x: body.minX, y: y)) }
        y += heading.height + .pt(4)
        pages[0].items.append(.rule(Rule(from: Point(x: body.minX, y: y), to: Point(x: body.maxX, y: y),
                                         width: .pt(1.2), color: spec.colors.brand)))
        y += .pt(10)

        // Sections are items of the contents; each holds a contents of its articles.
        var sectionItem: Int?
        var articleContents: Int?
        for entry in entries {
            let item: Int
            if entry.level > 0, let sectionItem {
                let nested = articleContents ?? composer.within(sectionItem) { composer.element(.contents) }
                articleContents = nested
                item = composer.within(nested) { composer.element(.contentsItem) }
            } else {
                item = composer.within(toc) { composer.element(.contentsItem) }
                sectionItem = item
                articleContents = nil
            }
            let indent = entry.level == 0 ? Length.zero : .pt(14)
            let look = entry.level == 0
                ? sans(.pt(11), bold: true, color: spec.colors.brand, leading: .pt(15))
                : composer.bodyLook.with(size: .pt(10), leading: .pt(13.5))
            let textWidth = body.width - indent - numberWidth - .pt(12)
            // A title of many lines is cut in the contents; the article header warns about it.
            let titleLines = Array(setter.pieces([TextSpan(entry.title, font: look.font, color: look.color)],
                                                 width: textWidth, look: look, alignment: .left,
                                                 language: digest.language, kind: .text, block: nil).prefix(6)).marked(item)
            let number = pageNumbers(entry.destination).map(String.init) ?? ""
            let numberLines = setter.pieces([TextSpan(number, font: look.font.bold(), color: look.color)],
                                            width: numberWidth, look: look, alignment: .right, language: "en",
                                            kind: .text, block: nil).marked(item)
            let spaceBefore: Length = entry.level == 0 ? .pt(9) : .pt(2)
            let height = titleLines.reduce(.zero) { $0 + $1.height }
            if y + spaceBefore + height > body.maxY {
                pages.append(PageDraft(section: spec.strings.contents))
                y = body.minY
            } else {
                y += spaceBefore
            }
            var lineY = y
            var items: [PageItem] = []
            for (index, line) in titleLines.enumerated() {
                items += line.items.map { $0.translated(by: Point(x: body.minX + indent, y: lineY)) }
                if index == titleLines.count - 1 {
                    let textEnd = body.minX + indent + lineWidth(line)
                    items.append(.structure(nil))
                    items += leaderDots(from: textEnd + .pt(4), to: body.maxX - numberWidth - .pt(4),
                                        baseline: lineY + (line.baseline ?? line.height * 0.75), look: look)
                    if let numberLine = numberLines.first {
                        items += numberLine.items.map { $0.translated(by: Point(x: body.maxX - numberWidth, y: lineY)) }
                    }
                }
                lineY += line.height
            }
            items.append(.link(Link(frame: Rect(x: body.minX + indent, y: y, width: body.width - indent, height: height),
                                    target: .destination(entry.destination))))
            pages[pages.count - 1].items += items
            y += height
        }
        return pages
    }

    private func lineWidth(_ piece: Piece) -> Length {
        piece.items.compactMap { item -> Length? in
            if case .text(let run) = item { return run.origin.x + run.width }
            return nil
        }.max() ?? .zero
    }

    /// Dots on a fixed grid from the page's left edge, so leaders line up from entry to entry.
    private func leaderDots(from start: Length, to end: Length, baseline: Length, look: TextLook) -> [PageItem] {
        let dotLook = look.with(bold: false, color: spec.colors.muted)
        guard let dot = composer.shaper.lines([TextSpan(".", font: dotLook.font, color: dotLook.color)], width: nil,
                                              style: ParagraphStyle(alignment: .left, language: "en")).first?.runs.first,
              let glyph = dot.glyphs.first else { return [] }
        let pitch = Length.pt(5)
        var x = Length.pt((start.points / pitch.points).rounded(.up) * pitch.points)
        var glyphs: [Glyph] = []
        let originX = x
        while x + dot.width <= end {
            glyphs.append(Glyph(id: glyph.id, x: x - originX, y: .zero))
            x += pitch
        }
        guard !glyphs.isEmpty else { return [] }
        let run = GlyphRun(font: dot.font, size: dot.size, color: dotLook.color, origin: Point(x: originX, y: baseline),
                           glyphs: glyphs, text: String(repeating: ".", count: glyphs.count),
                           clusters: Array(repeating: Cluster(byteCount: 1, glyphCount: 1), count: glyphs.count),
                           isBackward: false, width: x - originX)
        return [.text(run)]
    }

    // MARK: - Cover

    /// The cover: a brand band with the logo, publisher, title and edition, then the sections
    /// with their articles and page numbers; the layout picks which of these it shows.
    func cover(pageNumbers: (String) -> Int?) -> PageDraft {
        let size = spec.page.size
        let body = spec.page.body
        let style = spec.cover
        let shows = Set(style.show)
        var draft = PageDraft(section: nil)
        let bandHeight = style.band ? size.height * style.bandHeight : .zero
        let onBand = style.band ? spec.colors.onBrand : spec.colors.brand
        if style.band {
            draft.items.append(.box(Box(frame: Rect(x: .zero, y: .zero, width: size.width, height: bandHeight),
                                        fill: spec.colors.brand)))
            draft.items.append(.box(Box(frame: Rect(x: .zero, y: bandHeight, width: size.width, height: .pt(5)),
                                        fill: spec.colors.accent)))
        }
        var y = body.minY + .pt(10)
        func put(_ pieces: [Piece], as role: StructureElement.Role = .paragraph, x: Length = body.minX, gap: Length = .zero) {
            let element = composer.element(role)
            for piece in pieces.marked(element) {
                draft.items += piece.items.map { $0.translated(by: Point(x: x, y: y)) }
                y += piece.height
            }
            y += gap
        }
        if shows.contains(.logo), let logo = style.logo {
            let height = Length.pt(48)
            draft.items.append(logo.placed(at: Point(x: body.minX, y: y), height: height, maxWidth: body.width))
            y += height + .pt(14)
        }
        if shows.contains(.publisher), let publisher = digest.publisher {
            put(lines(publisher.uppercased(), look: sans(.pt(11), bold: true,
                                                         color: style.band ? spec.colors.onBrandMuted : spec.colors.accent),
                      width: body.width), gap: .pt(28))
        } else {
            y += .pt(40)
        }
        if shows.contains(.title) {
            put(Array(lines(digest.title, look: sans(style.titleSize, bold: true, color: onBand, leading: style.titleSize * 1.17),
                            width: body.width).prefix(4)), as: .heading1, gap: .pt(8))
        }
        if shows.contains(.edition) {
            put(lines(digest.edition, look: sans(style.editionSize, color: style.band ? spec.colors.highlight : spec.colors.accent,
                                                 leading: style.editionSize * 1.27),
                      width: body.width))
        }
        if !style.band {
            y += .pt(12)
            draft.items.append(.rule(Rule(from: Point(x: body.minX, y: y), to: Point(x: body.maxX, y: y),
                                          width: .pt(2), color: spec.colors.brand)))
        }

        y = max(y, bandHeight) + .pt(34)
        if shows.contains(.highlights) {
            y = coverHighlights(into: &draft, top: y, pageNumbers: pageNumbers)
        }
        if shows.contains(.sections) {
            put(lines(spec.strings.inThisIssue.uppercased(), look: sans(.pt(9), bold: true, color: spec.colors.accent),
                      width: body.width), gap: .pt(6))
            let numberWidth = Length.pt(30)
            let sectionLook = sans(.pt(13), bold: true, color: spec.colors.brand, leading: .pt(17))
            let titleLook = composer.bodyLook.with(size: .pt(9.5), leading: .pt(12.5), color: spec.colors.muted)
            let listed = digest.sections.enumerated().filter { !$0.element.articles.isEmpty }.map { index, section in
                (anchor: "section-\(index + 1)",
                 name: Array(lines(section.name, look: sectionLook, width: body.width - numberWidth).prefix(2)),
                 titles: lines(section.articles.map(\.title).joined(separator: "  ·  "), look: titleLook,
                               width: body.width - numberWidth))
            }
            // Every section is listed: its articles' titles take up to three lines, fewer (down
            // to none) when that is what it takes to fit them all above the cover's foot.
            let room = body.maxY - .pt(40) - y
            let titleLines = [3, 2, 1, 0].first { limit in
                listed.reduce(Length.zero) { height, entry in
                    height + (entry.name + entry.titles.prefix(limit)).reduce(.zero) { $0 + $1.height } + .pt(9)
                } <= room
            } ?? 0
            for entry in listed {
                let top = y
                put(entry.name)
                if let page = pageNumbers(entry.anchor) {
                    let number = lines(String(page), look: sectionLook, width: numberWidth, alignment: .right)
                    draft.items += number.flatMap { $0.items }.map { $0.translated(by: Point(x: body.maxX - numberWidth, y: top)) }
                }
                draft.items.append(.link(Link(frame: Rect(x: body.minX, y: top, width: body.width, height: y - top),
                                              target: .destination(entry.anchor))))
                put(Array(entry.titles.prefix(titleLines)), gap: .pt(9))
                if y > body.maxY - .pt(60) { break }
            }
        }
        if shows.contains(.facts) {
            let questionCount = digest.articles.map(\.quiz.count).reduce(0, +)
            var facts = [spec.strings.articleCount(digest.articles.count),
                         spec.strings.sectionCount(digest.sections.filter { !$0.articles.isEmpty }.count)]
            if questionCount > 0 { facts.append(spec.strings.questionCount(questionCount)) }
            y = body.maxY - .pt(14)
            draft.items.append(.rule(Rule(from: Point(x: body.minX, y: y - .pt(6)), to: Point(x: body.maxX, y: y - .pt(6)),
                                          width: .pt(0.6), color: spec.colors.rule)))
            put(lines(facts.joined(separator: "  ·  "), look: sans(.pt(9), color: spec.colors.muted), width: body.width))
        }
        return draft
    }
}

extension Array {
    /// The elements with `separator` between each pair.
    func interspersed(with separator: Element) -> [Element] {
        var result: [Element] = []
        for (index, element) in enumerated() {
            if index > 0 { result.append(separator) }
            result.append(element)
        }
        return result
    }
}

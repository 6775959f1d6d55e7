import Diagnostics
import DigestModel
import Geometry
import LayoutSpec
import PageModel
import TextShaping

extension BlockComposer {
    // MARK: - Tables

    /// A table at the width of its column; or, when the longest words of its columns do not
    /// fit one, across all the columns at `spanWidth` (the text width), as a block of its own.
    func table(_ table: Table, width columnWidth: Length, spanWidth: Length?, language: String, block: Int,
               location: SourceLocation) -> [FlowItem] {
        let style = spec.table
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return [] }
        func cell(_ row: [[Inline]], _ column: Int) -> [Inline] { column < row.count ? row[column] : [] }

        // In the column if its words fit there; else across the columns; else in smaller type,
        // down to the layout's floor; only then are words broken.
        let base = TextLook(font: FontStyle(family: spec.fonts.body, size: style.fontSize), color: spec.colors.text,
                            leading: style.leading)
        var attempts: [(width: Length, scale: Double)] = [(columnWidth, 1)]
        let room = spanWidth.map { max($0, columnWidth) } ?? columnWidth
        if room > columnWidth { attempts.append((room, 1)) }
        let floor = min(1, style.smallestSize / style.fontSize)
        for step in [0.9, 0.8, 0.7, 0.6, 0.5] where step > floor { attempts.append((room, step)) }
        if floor < 1 { attempts.append((room, floor)) }

        var look = base, headerLook = base, widths: [Length] = [], width = columnWidth
        var measured: (scale: Double, widths: ColumnContentWidths)?
        for (index, attempt) in attempts.enumerated() {
            // The column and the text width are tried at the same size: measured once.
            if measured?.scale != attempt.scale {
                look = base.with(size: style.fontSize * attempt.scale, leading: style.leading * attempt.scale)
                headerLook = look.with(bold: true, color: spec.colors.brand, family: spec.fonts.heading)
                measured = (attempt.scale, columnContentWidths(table, columns: columnCount, look: look,
                                                               headerLook: headerLook, language: language))
            }
            let content = measured!.widths
            width = attempt.width
            widths = content.shared(width)
            if content.minimum.reduce(.zero, +) <= width { break }
            if index == attempts.count - 1 {
                warn("table is too wide for the text width even in \(look.font.size) pt type; "
                     + "long words in its cells are broken", at: location)
            }
        }
        let pad = style.cellPadding
        let tableElement = element(.table)
        func row(_ cells: [[Inline]], look: TextLook, fill: Color?, isHeader: Bool) -> [Piece] {
            let rowElement = within(tableElement) { element(.tableRow) }
            var x = Length.zero
            var columns: [(x: Length, pieces: [Piece])] = []
            for column in 0..<columnCount {
                let alignment: ParagraphStyle.Alignment
                switch column < table.alignments.count ? table.alignments[column] : .none {
                case .right: alignment = .right
                case .center: alignment = .center
                default: alignment = .left
                }
                let cellElement = within(rowElement) { element(isHeader ? .tableHeader : .tableCell) }
                var pieces = setter.pieces(styler.spans(cell(cells, column), look: look), width: widths[column] - pad * 2,
                                           look: look, alignment: alignment, language: language, block: block)
                    .marked(cellElement)
                // An empty cell is still a cell of the row for a screen reader: a mark alone.
                if pieces.isEmpty { pieces = [Piece(height: .zero, items: [.structure(cellElement)], kind: .text, block: block)] }
                columns.append((x: x + pad, pieces: pieces))
                x += widths[column]
            }
            var bands = [Piece(height: pad, items: [], kind: .space, block: block)]
            bands += Bands.rows(columns)
            bands.append(Piece(height: pad, items: [], kind: .space, block: block))
            for i in bands.indices {
                if let fill {
                    bands[i].items.insert(.box(Box(frame: Rect(x: .zero, y: .zero, width: width, height: bands[i].height),
                                                   fill: fill)), at: 0)
                }
            }
            let last = bands.count - 1
            let ruleColor = isHeader ? spec.colors.brand : spec.colors.rule
            bands[last].items.append(.rule(Rule(from: Point(x: .zero, y: bands[last].height),
                                                to: Point(x: width, y: bands[last].height),
                                                width: isHeader ? style.ruleWidth * 1.5 : style.ruleWidth, color: ruleColor)))
            if isHeader {
                bands[0].items.append(.rule(Rule(from: .zero, to: Point(x: width, y: .zero),
                                                 width: style.ruleWidth * 1.5, color: ruleColor)))
            }
            return bands
        }

        let header = row(table.header, look: headerLook, fill: style.headerFill, isHeader: true)
        var flow: [FlowItem] = header.enumerated().flatMap { index, piece in
            (index > 0 ? [FlowItem.breakpoint(penalty: Penalty.never)] : []) + [.piece(piece)]
        }
        for (index, cells) in table.rows.enumerated() {
            var bands = row(cells, look: look, fill: index % 2 == 1 ? style.zebraFill : nil, isHeader: false)
            var repeated = header
            for i in repeated.indices { repeated[i] = repeated[i].unmarked(); repeated[i].kind = .graphic; repeated[i].block = nil }
            bands[0].repeatedHeader = repeated
            // The header stays with the first row; later rows may start a new column.
            flow.append(.breakpoint(penalty: index == 0 ? Penalty.never : 0))
            for (bandIndex, band) in bands.enumerated() {
                if bandIndex > 0 { flow.append(.breakpoint(penalty: Penalty.never)) }
                flow.append(.piece(band))
            }
        }
        return width > columnWidth ? [.spanning(flow)] : flow
    }

    /// Each column's minimum width (its widest run that cannot break) and preferred width
    /// (its widest cell set on one line), padding included, as browsers measure them.
    private func columnContentWidths(_ table: Table, columns: Int, look: TextLook, headerLook: TextLook,
                                     language: String) -> ColumnContentWidths {
        let pad = spec.table.cellPadding * 2
        var widths = ColumnContentWidths(minimum: Array(repeating: pad, count: columns),
                                         preferred: Array(repeating: pad, count: columns))
        let rows = [(table.header, headerLook)] + table.rows.map { ($0, look) }
        for (cells, rowLook) in rows {
            for (column, inlines) in cells.enumerated() where column < columns {
                let content = shaper.contentWidths(of: styler.spans(inlines, look: rowLook), language: language)
                widths.minimum[column] = max(widths.minimum[column], content.minimum + pad)
                widths.preferred[column] = max(widths.preferred[column], content.preferred + pad)
            }
        }
        return widths
    }

    // MARK: - Callouts

    func callout(_ callout: Callout, width: Length, language: String, block: Int,
                 headings: inout [(level: Int, title: String, anchor: String)]) -> [FlowItem] {
        let style = spec.callout
        let kind = callout.kind.rawValue
        let accent = style.accents[kind] ?? spec.colors.brand
        let inset = style.barWidth + style.padding
        let innerWidth = width - inset - style.padding

        let labelLook = TextLook(font: FontStyle(family: spec.fonts.heading, size: spec.text.smallSize, bold: true),
                                 color: accent, leading: spec.text.leading)
        var titleSpans = [TextSpan(spec.calloutLabel(kind, language: language).uppercased(), font: labelLook.font,
                                   color: accent)]
        if !callout.title.isEmpty {
            titleSpans.append(TextSpan("  ", font: labelLook.font, color: accent))
            titleSpans += styler.spans(callout.title, look: bodyLook.with(bold: true, family: spec.fonts.heading))
        }
        let division = element(.division)
        let title = setter.pieces(titleSpans, width: innerWidth, look: labelLook, alignment: .left,
                                  language: language, kind: .heading, block: block)
            .marked(within(division) { element(.paragraph) })
        var inner: [FlowItem] = title.map { .piece($0) }
        inner.append(.space(.pt(3)))
        inner += within(division) { flow(callout.blocks, width: innerWidth, language: language, headings: &headings) }

        // Every piece draws its slice of the box and the bar, so a callout split across
        // columns (only when taller than one) still reads as one box. Untinted, the box is
        // outlined instead, for printers without grey.
        let hairline = Length.pt(0.6)
        func slice(_ height: Length, top: Bool = false, bottom: Bool = false) -> [PageItem] {
            var items: [PageItem] = []
            if style.tinted, let tint = style.tints[kind] {
                items.append(.box(Box(frame: Rect(x: .zero, y: .zero, width: width, height: height), fill: tint)))
            } else {
                items.append(.rule(Rule(from: Point(x: width, y: .zero), to: Point(x: width, y: height),
                                        width: hairline, color: accent)))
                if top { items.append(.rule(Rule(from: .zero, to: Point(x: width, y: .zero), width: hairline, color: accent))) }
                if bottom {
                    items.append(.rule(Rule(from: Point(x: .zero, y: height), to: Point(x: width, y: height),
                                            width: hairline, color: accent)))
                }
            }
            items.append(.box(Box(frame: Rect(x: .zero, y: .zero, width: style.barWidth, height: height), fill: accent)))
            return items
        }
        var pieces: [Piece] = [Piece(height: style.padding, items: slice(style.padding, top: true), kind: .space, block: block)]
        var pendingSpace = Length.zero
        for item in inner {
            switch item {
            case .piece(let piece):
                if pendingSpace > .zero {
                    pieces.append(Piece(height: pendingSpace, items: slice(pendingSpace), kind: .space, block: block))
                    pendingSpace = .zero
                }
                pieces.append(piece.shifted(by: inset, under: slice(piece.height)))
            case .space(let space): pendingSpace += space
            case .breakpoint: break
            case .spanning: break  // only an article's own tables span, never one in a box
            }
        }
        pieces.append(Piece(height: style.padding, items: slice(style.padding, bottom: true), kind: .space, block: block))
        return keptTogether(pieces)
    }

    /// Pieces with no break allowed between them.
    func keptTogether(_ pieces: [Piece]) -> [FlowItem] {
        pieces.enumerated().flatMap { index, piece in
            (index > 0 ? [FlowItem.breakpoint(penalty: Penalty.never)] : []) + [.piece(piece)]
        }
    }

    // MARK: - Figures

    func figure(_ figure: Figure, width: Length, language: String, block: Int, location: SourceLocation) -> [FlowItem] {
        let captionLook = smallLook.with(size: spec.caption.size, italic: spec.caption.italic, color: spec.caption.color)
        // The image's text in the Markdown is its caption and its alternative text.
        let figureElement = element(.figure, alternativeText: figure.caption.plainText)
        let caption = setter.pieces(styler.spans(figure.caption, look: captionLook), width: width, look: captionLook,
                                    alignment: .left, language: language, block: block).marked(element(.caption))
        let captionHeight = caption.reduce(.zero) { $0 + $1.height }
        // 150 pixels to the inch at most, never wider than the column.
        let natural = Length.pt(Double(figure.pixelWidth) * 72 / 150)
        var imageWidth = min(width, natural)
        var imageHeight = imageWidth * (Double(figure.pixelHeight) / Double(max(figure.pixelWidth, 1)))
        let maximumHeight = columnHeight * 0.9 - captionHeight - .pt(4)
        if imageHeight > maximumHeight {
            warn("image '\(figure.path)' is taller than a column; scaled down to fit", at: location)
            imageWidth = imageWidth * (maximumHeight / imageHeight)
            imageHeight = maximumHeight
        }
        let frame = Rect(x: (width - imageWidth) / 2, y: .zero, width: imageWidth, height: imageHeight)
        let image = PlacedImage(path: figure.path, format: figure.format == .png ? .png : .jpeg, frame: frame,
                                pixelWidth: figure.pixelWidth, pixelHeight: figure.pixelHeight)
        var pieces = [Piece(height: imageHeight + .pt(4), items: [.structure(figureElement), .image(image)], kind: .graphic,
                            block: block)]
        pieces += caption
        return keptTogether(pieces)
    }

    // MARK: - Quizzes

    /// Numbered questions with lettered options; each question stays in one column.
    func quiz(_ questions: [QuizQuestion], firstNumber: Int, width: Length, language: String, showAnswers: Bool,
              block: Int) -> [FlowItem] {
        let numberWidth = spec.quiz.numberWidth
        let optionIndent = numberWidth + spec.quiz.optionIndent
        let numberLook = bodyLook.with(bold: true, color: spec.quiz.numberColor, family: spec.fonts.heading)
        var flow: [FlowItem] = []
        // A list of questions, each numbered, holding its prompt, a list of options and the answer.
        let list = listElement(.decimal)
        for (index, question) in questions.enumerated() {
            // Each question is its own unit, so a warning about it names its own line.
            let block = index == 0 ? block : newBlockID(at: question.location)
            let (label, body) = listItem(in: list)
            let number = setter.pieces([TextSpan("\(firstNumber + index).", font: numberLook.font, color: numberLook.color)],
                                       width: numberWidth, look: numberLook, alignment: .left, language: language, block: block)
                .marked(label)
            let prompt = setter.pieces(styler.spans(question.prompt, look: bodyLook.with(bold: true)),
                                       width: width - numberWidth, look: bodyLook, alignment: .left, language: language,
                                       block: block).marked(within(body) { element(.paragraph) })
            let options = within(body) { listElement(.lowerAlpha) }
            var pieces = Bands.rows([(x: .zero, pieces: number), (x: numberWidth, pieces: prompt)])
            for (optionIndex, option) in question.options.enumerated() {
                let (optionLabel, optionBody) = listItem(in: options)
                let letter = setter.pieces([TextSpan("(\(alphabetic(optionIndex + 1)))", font: bodyLook.font,
                                                     color: spec.colors.muted)],
                                           width: optionIndent - numberWidth, look: bodyLook, alignment: .left,
                                           language: language, block: block).marked(optionLabel)
                let text = setter.pieces(styler.spans(option, look: bodyLook), width: width - optionIndent, look: bodyLook,
                                         alignment: .left, language: language, block: block).marked(optionBody)
                pieces += Bands.rows([(x: numberWidth, pieces: letter), (x: optionIndent, pieces: text)])
            }
            if showAnswers {
                let answerLook = smallLook.with(italic: true, color: spec.colors.muted)
                var spans = [TextSpan("\(spec.strings.answer): (\(alphabetic(question.answer + 1))) ", font: answerLook.font.bold(),
                                      color: spec.colors.muted)]
                if let explanation = question.explanation { spans += styler.spans(explanation, look: answerLook) }
                pieces += setter.pieces(spans, width: width - numberWidth, look: answerLook, alignment: .left,
                                        language: language, x: numberWidth, block: block)
                    .marked(within(body) { element(.paragraph) })
            }
            if index > 0 { flow.append(.space(spec.text.paragraphSpacing + .pt(2))) }
            flow += keptTogether(pieces)
        }
        return flow
    }
}

extension FontStyle {
    func bold() -> FontStyle { var font = self; font.bold = true; return font }
}

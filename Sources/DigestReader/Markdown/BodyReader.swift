import DigestModel
import Diagnostics

/// Turns an article's Markdown body into `Block`s: CommonMark and GitHub tables as cmark
/// reads them, plus Gazette's conventions (timelines, callouts, quizzes, one-liners, figures).
///
/// Reading never stops at a problem: each is recorded in `diagnostics` and the rest of the
/// body is still read, so one run reports everything.
struct BodyReader {
    var positions: PositionMap
    let images: ImageResolver
    private(set) var diagnostics: [Diagnostic] = []
    /// Every question of the body's quiz blocks, in order.
    var quiz: [QuizQuestion] = []
    /// Figures found inside text, placed after the block being read.
    private var pendingFigures: [Block] = []

    init(positions: PositionMap, images: ImageResolver) {
        self.positions = positions; self.images = images
    }

    /// Reads a whole body.
    ///
    /// - Parameters:
    ///   - lines: the body's lines, without line ends.
    ///   - lineOffset: lines of the file before the body (the front matter).
    static func read(lines: [String], file: String, lineOffset: Int, images: ImageResolver)
        -> (blocks: [Block], quiz: [QuizQuestion], diagnostics: [Diagnostic])
    {
        var reader = BodyReader(
            positions: PositionMap(file: file, lines: lines, lineOffset: lineOffset), images: images)
        let document = CommonMarkConverter.parse(lines.joined(separator: "\n"))
        reader.checkDepth(document)
        let blocks = reader.blocks(document.root.children)
        return (blocks, reader.quiz, reader.diagnostics)
    }

    // MARK: Blocks

    /// Reads sibling blocks; figures lifted out of a block's text follow that block.
    mutating func blocks(_ nodes: some Sequence<MarkdownNode>) -> [Block] {
        var result: [Block] = []
        for node in nodes {
            result += block(node)
            result += pendingFigures
            pendingFigures = []
        }
        return result
    }

    private mutating func block(_ node: MarkdownNode) -> [Block] {
        let place = location(of: node)
        switch node.kind {
        case .heading(let level):
            let text = inlines(node.children, at: place)
            // A heading with nothing to print (`##` alone, or only a picture or a comment)
            // would be a bookmark to nowhere.
            guard !text.plainText.allSatisfy(\.isWhitespace) else {
                diagnostics.append(.warning("empty heading left out", at: place,
                                            hint: "write its text after the '#' marks, or remove the line"))
                return []
            }
            return [Block(.heading(level: min(6, max(2, level)), text: text), at: place)]
        case .paragraph:
            return paragraph(node.children, at: place)
        case .list(let start):
            return [list(node, start: start, at: place)]
        case .blockQuote:
            return [quoteOrCallout(node, at: place)]
        case .codeBlock(let info, let literal):
            return fencedBlock(node, info: info, literal: literal, at: place)
        case .htmlBlock(let html):
            // Comments are notes between editors, never meant for print.
            if isComment(html) { return [] }
            let text = html.hasSuffix("\n") ? String(html.dropLast()) : html
            warnRawHTML(text, at: place)
            var content: [Inline] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if !content.isEmpty { content.append(.softBreak) }
                content.append(.text(String(line)))
            }
            return [Block(.paragraph(content), at: place)]
        case .thematicBreak:
            return [Block(.rule, at: place)]
        case .table(let alignments):
            return [table(node, alignments: alignments, at: place)]
        case .document, .item, .tableRow, .tableCell, .other:
            return blocks(node.children)
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image:
            return paragraph([node], at: place)
        }
    }

    /// A paragraph, or figures when it holds nothing but images.
    mutating func paragraph(_ children: [MarkdownNode], at place: SourceLocation) -> [Block] {
        let visible = children.filter { !$0.isBlank }
        if !visible.isEmpty, visible.allSatisfy(\.isImage) {
            return visible.compactMap { image in
                figure(image).map { Block(.image($0), at: location(of: image, or: place)) }
            }
        }
        let content = inlines(children, at: place)
        guard content.contains(where: { !$0.isBlank }) else { return [] }
        return [Block(.paragraph(content), at: place)]
    }

    private mutating func list(_ node: MarkdownNode, start: Int?, at place: SourceLocation) -> Block {
        if start == nil, let events = boldLabelTimeline(node) {
            return Block(.timeline(events), at: place)
        }
        let items = node.children.map { blocks($0.children) }
        return Block(.list(ListBlock(start: start, items: items)), at: place)
    }

    private mutating func table(_ node: MarkdownNode, alignments: [Table.Alignment],
                                at place: SourceLocation) -> Block {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            let rowPlace = location(of: row, or: place)
            var cells = row.children.map { inlines($0.children, at: location(of: $0, or: rowPlace)) }
            if cells.count < alignments.count {
                cells += Array(repeating: [], count: alignments.count - cells.count)
            }
            if isHeader && header.isEmpty { header = cells } else { rows.append(cells) }
        }
        return Block(.table(Table(alignments: alignments, header: header, rows: rows)), at: place)
    }

    private mutating func fencedBlock(_ node: MarkdownNode, info: String, literal: String,
                                      at place: SourceLocation) -> [Block] {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.lowercased() }
        switch word {
        case "timeline":
            return timelineBlock(node, literal: literal, at: place)
        case "quiz":
            return quizBlock(node, literal: literal, at: place)
        case "oneliners":
            return oneLinersBlock(node, literal: literal, at: place)
        default:
            let code = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
            return [Block(.code(code), at: place)]
        }
    }

    // MARK: Inlines

    /// Reads inline nodes; images are lifted out into `pendingFigures`.
    mutating func inlines(_ nodes: [MarkdownNode], at place: SourceLocation) -> [Inline] {
        var result: [Inline] = []
        var liftedImage = false
        for node in nodes {
            let items = inline(node, at: location(of: node, or: place))
            if node.isImage { liftedImage = true; continue }
            for item in items {
                if case .text(var next) = item, case .text(let previous)? = result.last {
                    // "see ![x](y) here" leaves "see  here": keep one space.
                    if liftedImage, previous.hasSuffix(" "), next.hasPrefix(" ") { next.removeFirst() }
                    result[result.count - 1] = .text(previous + next)
                } else {
                    result.append(item)
                }
                liftedImage = false
            }
        }
        return result
    }

    private mutating func inline(_ node: MarkdownNode, at place: SourceLocation) -> [Inline] {
        switch node.kind {
        case .text(let text):
            checkCharacters(text, of: node, at: place)
            return [.text(text)]
        case .softBreak: return [.softBreak]
        case .lineBreak: return [.lineBreak]
        case .code(let code): return [.code(code)]
        case .emphasis: return [.emphasis(inlines(node.children, at: place))]
        case .strong: return [.strong(inlines(node.children, at: place))]
        case .link(let destination):
            checkCharacters(destination, of: node, at: place)
            return [.link(destination: destination, content: inlines(node.children, at: place))]
        case .htmlInline(let html):
            if isComment(html) { return [] }
            warnRawHTML(html, at: place)
            return [.text(html)]
        case .image(let source):
            if let figure = figure(node) {
                diagnostics.append(.warning(
                    "image '\(source)' is inside text; it is placed after the block", at: place,
                    hint: "put the image in a paragraph of its own"))
                pendingFigures.append(Block(.image(figure), at: place))
            }
            return []
        default:
            return inlines(node.children, at: place)
        }
    }

    /// Parses one line of inline Markdown cut from a fenced block (a timeline event, a quiz
    /// prompt), with positions in the real file.
    ///
    /// - Parameters:
    ///   - line: the line of the body the text is on.
    ///   - character: the text's offset in that line, in characters.
    mutating func inlineMarkdown(_ text: String, line: Int, character: Int) -> [Inline] {
        let outer = positions
        let place = outer.location(line: line, character: character)
        positions = PositionMap(file: outer.file, lines: [text], lineOffset: place.line - 1,
                                columnOffset: place.column - 1)
        defer { positions = outer }
        let document = CommonMarkConverter.parse(text)
        checkDepth(document)
        guard document.root.children.count == 1, let only = document.root.children.first,
              case .paragraph = only.kind
        else {
            // Text that Markdown reads as a block of its own ("- x", "# x"): keep it as typed.
            return text.isEmpty ? [] : [.text(text)]
        }
        return inlines(only.children, at: place)
    }

    // MARK: Figures

    /// The figure for an image node, or nil after reporting why it cannot be used.
    mutating func figure(_ node: MarkdownNode) -> Figure? {
        guard case .image(let source) = node.kind else { return nil }
        let place = location(of: node)
        let caption = inlines(node.children, at: place)
        switch images.resolve(source, at: place) {
        case .found(let image):
            return Figure(caption: caption, path: image.path, format: image.format,
                          pixelWidth: image.width, pixelHeight: image.height)
        case .failed(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    // MARK: Positions and reports

    func location(of node: MarkdownNode) -> SourceLocation {
        location(of: node, or: SourceLocation(file: positions.file, line: positions.lineOffset + 1,
                                              column: positions.columnOffset + 1))
    }

    func location(of node: MarkdownNode, or fallback: SourceLocation) -> SourceLocation {
        positions.location(line: node.line, column: node.column) ?? fallback
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The figures lifted out of text so far, for a caller that places them itself.
    mutating func takePendingFigures() -> [Block] {
        defer { pendingFigures = [] }
        return pendingFigures
    }

    /// Reports a character no text may hold in text cmark decoded: the file's bytes were
    /// checked already, so it was written as a character reference (`&#7;`, `&#xFFFF;`).
    mutating func checkCharacters(_ text: String, of node: MarkdownNode, at place: SourceLocation) {
        guard let bad = ForbiddenCharacter.first(in: text) else { return }
        let hint = "remove it; it cannot be printed"
        if let reference = characterReference(to: bad.scalar, line: node.line, fromColumn: node.column) {
            report(.error("character reference '\(reference.text)' writes \(bad.problem)",
                          at: reference.place, hint: hint))
        } else {
            report(.error("\(bad.problem) in text", at: place, hint: hint))
        }
    }

    /// Checks every text inside `node` (for text read without `inlines`, such as a
    /// timeline's bold date label).
    mutating func checkCharacters(in node: MarkdownNode, at place: SourceLocation) {
        if case .text(let text) = node.kind { checkCharacters(text, of: node, at: location(of: node, or: place)) }
        for child in node.children { checkCharacters(in: child, at: place) }
    }

    /// The first numeric character reference to `scalar` on a line of the parsed text at or
    /// after a column (cmark's: 1-based, in bytes), with its place in the real file.
    private func characterReference(to scalar: Unicode.Scalar, line: Int, fromColumn column: Int)
        -> (text: String, place: SourceLocation)?
    {
        guard line > 0, line <= positions.lines.count else { return nil }
        let bytes = positions.lines[line - 1]
        var index = max(0, column - 1)
        while index + 3 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "&"), bytes[index + 1] == UInt8(ascii: "#") else { continue }
            var end = index + 2
            let hex = bytes[end] == UInt8(ascii: "x") || bytes[end] == UInt8(ascii: "X")
            if hex { end += 1 }
            let digitsStart = end
            while end < bytes.count, end - digitsStart < 8,
                  let digit = Character(Unicode.Scalar(bytes[end])).hexDigitValue, hex || digit < 10 {
                end += 1
            }
            guard end > digitsStart, end < bytes.count, bytes[end] == UInt8(ascii: ";"),
                  let value = UInt32(String(decoding: bytes[digitsStart..<end], as: UTF8.self), radix: hex ? 16 : 10),
                  value == scalar.value
            else { continue }
            let text = String(decoding: bytes[index...end], as: UTF8.self)
            let place = positions.location(line: line, column: index + 1) ?? positions.location(line: line, character: 0)
            return (text, place)
        }
        return nil
    }

    private func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }

    private mutating func warnRawHTML(_ html: String, at place: SourceLocation) {
        let line = html.split(separator: "\n").first.map(String.init) ?? html
        let shown = line.count > 40 || line.count < html.count ? String(line.prefix(40)) + "…" : line
        diagnostics.append(.warning(
            "raw HTML '\(shown)' is shown as text", at: place,
            hint: "use Markdown instead (**bold**, *italic*, [link](url))"))
    }

    private mutating func checkDepth(_ document: MarkdownDocument) {
        guard let deep = document.tooDeep else { return }
        diagnostics.append(.error(
            "text nested more than \(CommonMarkConverter.maximumDepth) levels deep",
            at: positions.location(line: deep.line, column: deep.column),
            hint: "flatten the nested lists or quotes"))
    }
}

extension MarkdownNode {
    var isImage: Bool {
        if case .image = kind { true } else { false }
    }

    /// Soft breaks, line breaks and whitespace-only text.
    var isBlank: Bool {
        switch kind {
        case .softBreak, .lineBreak: true
        case .text(let text): text.allSatisfy { $0 == " " || $0 == "\t" }
        default: false
        }
    }

    /// The text without formatting, soft breaks as spaces.
    var plainText: String {
        switch kind {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        default: children.map(\.plainText).joined()
        }
    }
}

extension Inline {
    /// Soft breaks, line breaks and whitespace-only text.
    var isBlank: Bool {
        switch self {
        case .softBreak, .lineBreak: true
        case .text(let text): text.allSatisfy { $0 == " " || $0 == "\t" }
        default: false
        }
    }
}

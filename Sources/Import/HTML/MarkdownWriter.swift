import Foundation

/// Turns an article body parsed by libxml2 into Gazette Markdown.
///
/// What the source means is kept, how it was styled is not: paragraphs with bold, italic,
/// links and code; headings demoted so that the title stays the only level 1; nested lists;
/// tables with a header row; quotes; figures with captions. Where the source has the shape of
/// one of Gazette's conventions it becomes that convention: a list whose every item opens
/// with a bold label holding a digit is a timeline, a box titled "Why in news" or "Key
/// facts" a callout. Scripts, forms, navigation, share buttons and ads are left out and
/// counted in `notes`, as are boilerplate paragraphs the rules name.
struct MarkdownWriter {
    /// Where a picture's `src` leads: the path the Markdown should use (`images/…`), or nil
    /// when it cannot be found (the resolver has said why).
    typealias ImageResolver = (_ source: String, _ line: Int) -> String?

    let rules: ImportRules
    /// The article's title: a heading that repeats it is dropped.
    let title: String?
    let resolveImage: ImageResolver
    /// Classic-editor text: blank lines part paragraphs and single newlines break lines, as
    /// WordPress's `wpautop` makes them when it shows the post.
    var autoParagraphs = false
    private(set) var notes = ImportNotes()
    /// Heading level in the source → level in the output.
    private var levels: [Int: Int] = [:]

    init(rules: ImportRules, title: String?, resolveImage: @escaping ImageResolver) {
        self.rules = rules; self.title = title; self.resolveImage = resolveImage
    }

    /// The Markdown of everything inside `body`.
    mutating func convert(_ body: MarkupElement) -> String {
        planHeadingLevels(body)
        let blocks = blocks(of: body.children)
        return blocks.joined(separator: "\n\n")
    }

    // MARK: - Blocks

    private static let blockNames: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "dl", "table", "blockquote", "figure", "pre", "hr", "form", "center", "details", "summary", "address",
        "figcaption", "li", "dt", "dd", "body", "html", "hgroup", "fieldset", "noscript", "script", "style", "iframe",
        "object", "video", "audio", "canvas", "svg", "template", "picture", "head", "title", "meta", "link",
    ]

    private mutating func blocks(of nodes: [MarkupNode]) -> [String] {
        var out: [String] = []
        var inline: [MarkupNode] = []
        func flush(_ writer: inout MarkdownWriter) {
            if let paragraph = writer.paragraph(inline) { out.append(paragraph) }
            inline = []
        }
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            if autoParagraphs, case .text(let raw) = node {
                for (number, piece) in Self.paragraphPieces(raw).enumerated() {
                    if number > 0 { flush(&self) }
                    inline.append(.text(piece))
                }
                continue
            }
            guard case .element(let element) = node, Self.blockNames.contains(element.name) || element.name == "img" else {
                inline.append(node)
                continue
            }
            if element.name == "img" {
                // A picture on its own (or inside a paragraph's text): a block of its own.
                flush(&self)
                if let image = figure(element) { out.append(image) }
                continue
            }
            flush(&self)
            if let kind = Self.calloutKind(ofHeading: element) {
                // A heading such as "Why in news?" and the blocks up to the next heading.
                var body: [MarkupNode] = []
                while index < nodes.count {
                    if case .element(let next) = nodes[index], Self.isHeading(next) || next.name == "hr" { break }
                    body.append(nodes[index])
                    index += 1
                }
                let title = inlineText(element.children)
                out.append(callout(kind: kind, title: title, content: blocks(of: body)))
                continue
            }
            out.append(contentsOf: block(element))
        }
        flush(&self)
        return out.filter { !$0.isEmpty }
    }

    private mutating func block(_ element: MarkupElement) -> [String] {
        if let reason = Self.dropReason(element) {
            notes.drop(reason)
            return []
        }
        switch element.name {
        case "p", "address", "summary", "dt", "dd", "figcaption":
            return blocks(of: element.children)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return heading(element).map { [$0] } ?? []
        case "ul", "ol":
            return list(element).map { [$0] } ?? []
        case "dl":
            return definitions(element)
        case "table":
            return table(element)
        case "blockquote":
            if let box = box(element) { return [box] }
            let inner = blocks(of: element.children)
            guard !inner.isEmpty else { return [] }
            return [Self.quoted(inner.joined(separator: "\n\n"))]
        case "figure":
            return figureBlock(element)
        case "pre":
            let code = element.text.trimmingCharacters(in: .newlines)
            guard !code.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
            let fence = code.contains("```") ? "~~~" : "```"
            return [fence + "\n" + code + "\n" + fence]
        case "hr", "head", "title", "meta", "link":
            return []
        case "picture":
            guard let image = element.first(where: { $0.name == "img" }) else { return [] }
            return figure(image).map { [$0] } ?? []
        default:
            if let box = box(element) { return [box] }
            return blocks(of: element.children)
        }
    }

    /// A paragraph from a run of inline nodes; nil when it holds no text or is boilerplate.
    private mutating func paragraph(_ nodes: [MarkupNode]) -> String? {
        guard nodes.contains(where: Self.hasContent) else { return nil }
        var images: [String] = []
        let text = inline(nodes, images: &images)
        var out: [String] = []
        let plain = Self.plainText(nodes)
        if rules.drops(plain) {
            notes.drop("boilerplate line")
        } else if !text.isEmpty {
            out.append(Self.escapedLineStarts(text))
        }
        out.append(contentsOf: images)
        return out.isEmpty ? nil : out.joined(separator: "\n\n")
    }

    private mutating func heading(_ element: MarkupElement) -> String? {
        let text = inlineText(element.children)
        guard !text.isEmpty else { return nil }
        let plain = Self.plainText(element.children)
        if let title, Self.squeezed(plain) == Self.squeezed(title) {
            notes.drop("repeated title")
            return nil
        }
        if rules.drops(plain) {
            notes.drop("boilerplate line")
            return nil
        }
        let level = levels[Int(element.name.dropFirst()) ?? 2] ?? 2
        return String(repeating: "#", count: level) + " " + text
    }

    /// The smallest heading level used becomes `##`, the next `###` and so on: a body that
    /// starts at `<h3>` still gets sections, and an `<h1>` in the body is not a second title.
    private mutating func planHeadingLevels(_ body: MarkupElement) {
        let title = title.map(Self.squeezed)
        let headings = body.descendants { Self.isHeading($0) && Self.squeezed(Self.plainText($0.children)) != title }
        let used = Set(headings.map { Int($0.name.dropFirst()) ?? 2 }).sorted()
        for (rank, level) in used.enumerated() { levels[level] = min(2 + rank, 6) }
    }

    // MARK: - Lists

    private mutating func list(_ element: MarkupElement) -> String? {
        let ordered = element.name == "ol"
        var number = Int(element[attribute: "start"] ?? "") ?? 1
        var items: [String] = []
        for node in element.children {
            guard case .element(let item) = node else {
                if Self.hasContent(node) {
                    var images: [String] = []
                    let text = inline([node], images: &images)
                    if !text.isEmpty { items.append(text) }
                }
                continue
            }
            if item.name == "ul" || item.name == "ol" {
                // A list nested directly in a list (invalid HTML that editors produce): it
                // belongs to the item before it.
                if let nested = list(item), !items.isEmpty { items[items.count - 1] += "\n" + nested }
                continue
            }
            if let reason = Self.dropReason(item) { notes.drop(reason); continue }
            let parts = blocks(of: item.children)
            guard !parts.isEmpty else { continue }
            items.append(Self.joinItemParts(parts))
        }
        guard !items.isEmpty else { return nil }
        items = items.map(Self.labelOutsideBold)
        let timeline = items.count >= 2 && items.allSatisfy(Self.hasDigitLabel)
        if !timeline, items.count >= 2, ordered == false {
            // "1961: text" without bold: every item so → a timeline too.
            let bolded = items.map { TimelineLabel.bolded($0) }
            if bolded.allSatisfy({ $0 != nil }) {
                items = bolded.map { $0! }
                notes.guess("timeline")
            }
        } else if timeline {
            notes.guess("timeline")
        }
        var lines: [String] = []
        for item in items {
            let marker = ordered ? "\(number). " : "- "
            number += 1
            let indent = String(repeating: " ", count: marker.count)
            let itemLines = item.components(separatedBy: "\n")
            lines.append(marker + itemLines[0])
            for line in itemLines.dropFirst() { lines.append(line.isEmpty ? "" : indent + line) }
        }
        return lines.joined(separator: "\n")
    }

    /// An item's blocks: a nested list follows its text directly, other blocks after a blank line.
    private static func joinItemParts(_ parts: [String]) -> String {
        var text = parts[0]
        for part in parts.dropFirst() {
            let isList = part.hasPrefix("- ") || part.first?.isNumber == true && part.contains(". ")
            text += (isList ? "\n" : "\n\n") + part
        }
        return text
    }

    /// `**1961:** text` → `**1961**: text`, the shape Gazette reads as a labelled item.
    static func labelOutsideBold(_ item: String) -> String {
        guard item.hasPrefix("**"), let close = item.dropFirst(2).range(of: "**") else { return item }
        let label = item[item.index(item.startIndex, offsetBy: 2)..<close.lowerBound]
        guard label.hasSuffix(":"), label.count > 1 else { return item }
        let rest = item[close.upperBound...]
        return "**" + Self.trimmed(label.dropLast()) + "**:" + (rest.hasPrefix(" ") ? "" : " ") + rest
    }

    /// Whether an item opens with a bold label holding a digit and a colon: `**1961**: …`.
    static func hasDigitLabel(_ item: String) -> Bool {
        guard item.hasPrefix("**"), let close = item.dropFirst(2).range(of: "**") else { return false }
        let label = item[item.index(item.startIndex, offsetBy: 2)..<close.lowerBound]
        return label.contains(where: \.isNumber) && item[close.upperBound...].hasPrefix(":")
    }

    private mutating func definitions(_ element: MarkupElement) -> [String] {
        var out: [String] = []
        for item in element.elements {
            let text = inlineText(item.children)
            guard !text.isEmpty else { continue }
            out.append(item.name == "dt" ? "**\(text)**" : text)
        }
        return out
    }

    // MARK: - Tables

    private mutating func table(_ element: MarkupElement) -> [String] {
        // A table used for page layout (one holding another table) is read as its content.
        if element.first(where: { $0.name == "table" }) != nil {
            return element.descendants { $0.name == "td" || $0.name == "th" }.flatMap { blocks(of: $0.children) }
        }
        // Rows in document order, through thead, tbody and tfoot: Markdown has one header
        // row, the first; any others are set as body rows.
        var rows: [[String]] = []
        func collect(_ container: MarkupElement) {
            for child in container.elements {
                switch child.name {
                case "thead", "tbody", "tfoot": collect(child)
                case "tr":
                    var cells: [String] = []
                    for cell in child.elements where cell.name == "td" || cell.name == "th" {
                        cells.append(tableCell(cell))
                        let span = min(Int(cell[attribute: "colspan"] ?? "") ?? 1, 20)
                        if span > 1 { cells.append(contentsOf: Array(repeating: "", count: span - 1)) }
                    }
                    if !cells.isEmpty { rows.append(cells) }
                default: continue
                }
            }
        }
        collect(element)
        guard !rows.isEmpty else { return [] }
        let columns = rows.map(\.count).max() ?? 1
        rows = rows.map { $0 + Array(repeating: "", count: columns - $0.count) }
        var lines = [Self.row(rows[0]), "|" + Array(repeating: " --- |", count: columns).joined()]
        for row in rows.dropFirst() { lines.append(Self.row(row)) }
        var out = [lines.joined(separator: "\n")]
        if let caption = element.child("caption") {
            let text = inlineText(caption.children)
            if !text.isEmpty { out.append("*\(text)*") }
        }
        return out
    }

    private mutating func tableCell(_ cell: MarkupElement) -> String {
        let parts = blocks(of: cell.children).map { part in
            part.replacingOccurrences(of: "\\\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        return parts.joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }

    // MARK: - Figures

    private mutating func figureBlock(_ element: MarkupElement) -> [String] {
        if element.classes.contains(where: { $0.hasPrefix("wp-block-embed") }) {
            // An embedded video or post: a link to it is what print can keep.
            let address = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            notes.drop("embed")
            guard address.hasPrefix("http") else { return [] }
            return ["[\(Self.escaped(address))](\(address))"]
        }
        if element.first(where: { $0.name == "table" }) != nil || element.first(where: { $0.name == "blockquote" }) != nil {
            return blocks(of: element.children)
        }
        guard let image = element.first(where: { $0.name == "img" }) else { return blocks(of: element.children) }
        var caption = element.first(where: { $0.name == "figcaption" }).map { inlineText($0.children) } ?? ""
        if caption.isEmpty, let written = element[attribute: "data-caption"] { caption = Self.escaped(Self.collapsed(written)) }
        if caption.isEmpty {
            // A [caption] shortcode leaves its text beside the picture, not in a figcaption.
            let loose = element.children.filter {
                if case .element(let child) = $0 { return child.name != "img" && child.name != "a" } else { return true }
            }
            caption = inlineText(loose)
        }
        return figure(image, caption: caption).map { [$0] } ?? []
    }

    /// `![caption](images/…)`, or nil (with a warning from the resolver) when the picture is
    /// not to be had.
    private mutating func figure(_ image: MarkupElement, caption: String = "") -> String? {
        let source = image[attribute: "src"].flatMap { $0.hasPrefix("data:") ? nil : $0 }
            ?? image[attribute: "data-src"] ?? image[attribute: "data-lazy-src"] ?? ""
        guard !source.isEmpty, let path = resolveImage(source, image.line) else {
            notes.drop("missing image")
            return nil
        }
        var text = caption
        if text.isEmpty { text = Self.escaped(Self.collapsed(image[attribute: "alt"] ?? "")) }
        return "![\(text)](\(path))"
    }

    // MARK: - Callouts

    /// The callout kind for a box's title, or nil: "Why in news?" → summary.
    static func calloutKind(ofTitle title: String) -> String? {
        var key = Self.trimmed(title.lowercased())
        while let last = key.last, ":?!.".contains(last) { key.removeLast() }
        key = Self.trimmed(key)
        let kinds: [(String, [String])] = [
            ("summary", ["why in news", "why in the news", "in news", "summary", "in brief", "key points", "key takeaways",
                         "context", "the story so far"]),
            ("fact", ["key facts", "facts", "quick facts", "fact box", "did you know", "fast facts", "at a glance"]),
            ("exam", ["exam focus", "exam tip", "exam tips", "for prelims", "prelims focus", "mains focus", "for mains",
                      "prelims pointers", "exam corner", "for the exam"]),
            ("important", ["important", "remember", "keep in mind", "caution"]),
            ("note", ["note", "editor's note", "editor’s note", "background"]),
        ]
        return kinds.first { $0.1.contains(key) }?.0
    }

    private static func calloutKind(ofHeading element: MarkupElement) -> String? {
        guard isHeading(element) else { return nil }
        return calloutKind(ofTitle: plainText(element.children))
    }

    /// A `div`, `aside`, `section` or `blockquote` that opens with a callout title (a
    /// heading, or a paragraph that is all bold) becomes that callout.
    private mutating func box(_ element: MarkupElement) -> String? {
        guard let parts = Self.boxParts(element) else { return nil }
        var title = Self.escaped(Self.collapsed(parts.title))
        if title.hasSuffix(":") { title.removeLast() }
        return callout(kind: parts.kind, title: title, content: blocks(of: parts.rest))
    }

    static func calloutKind(ofBox element: MarkupElement) -> String? { boxParts(element)?.kind }

    private static func boxParts(_ element: MarkupElement) -> (kind: String, title: String, rest: [MarkupNode])? {
        guard ["div", "aside", "section", "blockquote"].contains(element.name) else { return nil }
        // Gutenberg wraps a group's content in an inner container.
        var content = element
        while content.children.filter(hasContent).count == 1, let only = content.elements.first,
              only.name == "div" { content = only }
        let meaningful = content.children.filter(hasContent)
        guard let first = meaningful.first, case .element(let opener) = first else { return nil }
        let title: String
        if isHeading(opener) {
            title = plainText(opener.children)
        } else if opener.name == "p", opener.children.filter(hasContent).count == 1,
                  let bold = opener.elements.first, ["strong", "b"].contains(bold.name) {
            title = plainText(bold.children)
        } else {
            return nil
        }
        guard let kind = calloutKind(ofTitle: title) else { return nil }
        return (kind, title, Array(meaningful.dropFirst()))
    }

    private mutating func callout(kind: String, title: String, content: [String]) -> String {
        notes.guess("callout")
        let head = "> [!\(kind)]" + (title.isEmpty ? "" : " " + title.trimmingCharacters(in: CharacterSet(charactersIn: ":")))
        guard !content.isEmpty else { return head }
        return head + "\n" + Self.quoted(content.joined(separator: "\n\n"))
    }

    private static func quoted(_ text: String) -> String {
        text.components(separatedBy: "\n").map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }

    // MARK: - Inline content

    private mutating func inlineText(_ nodes: [MarkupNode]) -> String {
        var images: [String] = []
        return inline(nodes, images: &images)
    }

    /// The Markdown of inline nodes on one logical line (`\` + newline for `<br>`); pictures
    /// met on the way are returned in `images`, to be placed after the paragraph.
    private mutating func inline(_ nodes: [MarkupNode], images: inout [String]) -> String {
        var text = ""
        appendInline(nodes, to: &text, images: &images)
        return Self.tidy(text)
    }

    private mutating func appendInline(_ nodes: [MarkupNode], to text: inout String, images: inout [String]) {
        for node in nodes {
            switch node {
            case .text(let raw) where autoParagraphs && raw.contains("\n"):
                let lines = raw.components(separatedBy: "\n").map { Self.escaped(Self.collapsed($0, keepEdges: true)) }
                text += lines.joined(separator: "\u{2028}")
            case .text(let raw):
                text += Self.escaped(Self.collapsed(raw, keepEdges: true))
            case .comment:
                continue
            case .element(let element):
                if let reason = Self.dropReason(element) { notes.drop(reason); continue }
                switch element.name {
                case "strong", "b":
                    text += Self.wrapped(inline(element.children, images: &images), with: "**")
                case "em", "i", "cite", "dfn":
                    text += Self.wrapped(inline(element.children, images: &images), with: "*")
                case "code", "kbd", "samp", "tt":
                    let code = Self.collapsed(element.text)
                    if !code.trimmingCharacters(in: .whitespaces).isEmpty {
                        let fence = code.contains("`") ? "``" : "`"
                        text += fence + code.trimmingCharacters(in: .whitespaces) + fence
                    }
                case "a":
                    let label = inline(element.children, images: &images)
                    let address = Self.trimmed(element[attribute: "href"] ?? "")
                    if !label.isEmpty, Self.isAbsoluteLink(address), !label.hasPrefix("![") {
                        text += "[\(label)](\(address.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: ")", with: "%29")))"
                    } else {
                        text += label
                    }
                case "br":
                    text += "\u{2028}"
                case "img":
                    if let image = figure(element) { images.append(image) }
                default:
                    appendInline(element.children, to: &text, images: &images)
                }
            }
        }
    }

    private static func isAbsoluteLink(_ address: String) -> Bool {
        let lower = address.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
    }

    /// `**text**`, with spaces that were inside the tags moved outside them.
    private static func wrapped(_ inner: String, with marker: String) -> String {
        let trimmed = Self.trimmed(inner)
        guard !trimmed.isEmpty else { return inner }
        if trimmed.hasPrefix(marker) && trimmed.hasSuffix(marker) { return inner }
        let lead = inner.hasPrefix(" ") ? " " : "", trail = inner.hasSuffix(" ") ? " " : ""
        return lead + marker + trimmed + marker + trail
    }

    /// One space for every run of white space, as HTML renders it; no-break spaces become
    /// ordinary ones (WordPress writes `&nbsp;` for spacing, not for meaning).
    ///
    /// These helpers walk Unicode scalars, not characters: they run over every word of a
    /// 50 MB export, and grapheme breaking would be most of the import's time.
    static func collapsed(_ raw: String, keepEdges: Bool = false) -> String {
        // Bytes, not characters: ASCII white space and U+00A0 (C2 A0) are all HTML collapses
        // in running text.
        let input = Array(raw.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var space = false
        var index = 0
        while index < input.count {
            let byte = input[index]
            let width = byte == 0xC2 && index + 1 < input.count && input[index + 1] == 0xA0 ? 2 : 1
            if width == 2 || byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                space = true
            } else {
                if space && (!out.isEmpty || keepEdges) { out.append(0x20) }
                space = false
                out.append(byte)
            }
            index += width
        }
        if space && keepEdges { out.append(0x20) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` without white space at either end.
    static func trimmed<Text: StringProtocol>(_ text: Text) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// White space, with the common ASCII answers first: Unicode property lookups are slow.
    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" }
        return scalar == "\u{A0}" || scalar.properties.isWhitespace
    }

    /// Text split at blank lines (lines of only white space count as blank).
    static func paragraphPieces(_ raw: String) -> [String] {
        guard raw.utf8.contains(UInt8(ascii: "\n")) || raw.utf8.contains(UInt8(ascii: "\r")) else { return [raw] }
        // "\r\n" is one Character to Swift: make every line end a plain "\n" first.
        let raw = raw.utf8.contains(UInt8(ascii: "\r"))
            ? raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : raw
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: false)
        var pieces: [String] = [], current: [Substring] = [], sawBlank = false
        for (number, line) in lines.enumerated() {
            // The first and last pieces are parts of lines that go on beside a tag.
            if number > 0, number < lines.count - 1, line.unicodeScalars.allSatisfy(isSpace) {
                sawBlank = true
                continue
            }
            if sawBlank {
                pieces.append(current.joined(separator: "\n"))
                current = []
                sawBlank = false
            }
            current.append(line)
        }
        pieces.append(current.joined(separator: "\n"))
        return pieces
    }

    /// Markdown's special characters in text, escaped.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { "\\`*_[]<".utf8.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if "\\`*_[]<".unicodeScalars.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// Single spaces, no spaces at the ends of lines, `<br>` (U+2028 here) as a Markdown hard break.
    private static func tidy(_ text: String) -> String {
        var lines: [String.UnicodeScalarView] = []
        var line = String.UnicodeScalarView()
        var pendingSpace = false
        func endLine() {
            if !line.isEmpty { lines.append(line) }
            line = String.UnicodeScalarView()
            pendingSpace = false
        }
        for scalar in text.unicodeScalars {
            if scalar == "\u{2028}" {
                endLine()
            } else if scalar == " " {
                pendingSpace = !line.isEmpty
            } else {
                if pendingSpace { line.append(" ") }
                pendingSpace = false
                line.append(scalar)
            }
        }
        endLine()
        return lines.map { String($0) }.joined(separator: "\\\n")
    }

    /// A paragraph that would start a list, heading or quote in Markdown gets its first
    /// character escaped: "1. " in running text, "# " in a hashtag line.
    private static func escapedLineStarts(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let first = line.first else { return String(line) }
            if "#>+-=".contains(first), line.dropFirst().first == " " || line.count == 1 || first == "#" { return "\\" + line }
            var digits = line.prefix(while: \.isNumber)
            if !digits.isEmpty, digits.count <= 9 {
                let after = line.dropFirst(digits.count)
                if after.hasPrefix(". ") || after.hasPrefix(") ") {
                    digits.append("\\")
                    return String(digits + after)
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }

    // MARK: - What is left out

    /// Why an element is left out, as counted in the report; nil to keep it.
    static func dropReason(_ element: MarkupElement) -> String? {
        switch element.name {
        case "script", "noscript": return "script"
        case "style", "link": return "style"
        case "form", "input", "button", "select", "textarea", "fieldset": return "form"
        case "nav", "menu": return "navigation"
        case "iframe", "object", "embed", "video", "audio", "canvas": return "iframe"
        case "svg", "template", "head", "meta": return "other"
        default: break
        }
        if element[attribute: "hidden"] != nil || element[attribute: "aria-hidden"] == "true" { return "hidden element" }
        let words = (element.classes + [element[attribute: "id"] ?? ""]).flatMap {
            $0.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        }
        if words.contains(where: { ["share", "sharing", "sharedaddy", "social", "addtoany", "sharethis"].contains($0) }) { return "share buttons" }
        if words.contains(where: { ["ad", "ads", "advert", "advertisement", "adsbygoogle", "sponsored", "promo"].contains($0) }) { return "ad" }
        if words.contains(where: { ["related", "relatedposts", "yarpp"].contains($0) }) { return "related posts" }
        if words.contains(where: { ["newsletter", "subscribe", "subscription", "signup"].contains($0) }) { return "form" }
        if words.contains(where: { ["cookie", "cookies", "consent", "gdpr"].contains($0) }) { return "cookie banner" }
        if words.contains(where: { ["comments", "respond", "breadcrumb", "breadcrumbs", "pagination"].contains($0) }) { return "navigation" }
        return nil
    }

    // MARK: - Small queries

    static func isHeading(_ element: MarkupElement) -> Bool {
        element.name.count == 2 && element.name.hasPrefix("h") && ("1"..."6").contains(element.name.suffix(1))
    }

    static func hasContent(_ node: MarkupNode) -> Bool {
        switch node {
        case .text(let text): return text.contains { !$0.isWhitespace && $0 != "\u{A0}" }
        case .comment: return false
        case .element(let element):
            if element.name == "img" || element.name == "br" { return element.name == "img" }
            return element.children.contains(where: hasContent) || ["table", "hr", "iframe"].contains(element.name)
        }
    }

    /// The text of nodes with white space collapsed, for matching titles and rules.
    static func plainText(_ nodes: [MarkupNode]) -> String {
        collapsed(MarkupElement(name: "span", children: nodes).text)
    }

    static func squeezed(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// A `WHEN: what` line or item made into Gazette's labelled shape, `**WHEN**: what`, when
/// its label is short and holds a digit (a year, a date, a decade).
enum TimelineLabel {
    static func bolded(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = MarkdownWriter.trimmed(text[..<colon])
        let rest = MarkdownWriter.trimmed(text[text.index(after: colon)...])
        let words = label.split(separator: " ")
        guard !label.isEmpty, !rest.isEmpty, words.count <= 4, label.contains(where: \.isNumber),
              !label.contains(","), !label.hasPrefix("**") else { return nil }
        return "**\(label)**: \(rest)"
    }
}

import Diagnostics
import Foundation
import Geometry

/// Reads a merged layout tree into a `LayoutSpec`, checking every value.
///
/// Every key the decoder asks for is remembered; afterwards any key in the tree that was
/// never asked for is reported as unknown, with the closest known key as a hint. So the
/// schema is the decoding code itself and cannot drift from it.
struct LayoutDecoder {
    let tree: LayoutTree
    /// Families the font folder has; nil skips the check.
    let knownFamilies: Set<String>?
    /// Folder of the file that named the logo, for resolving its path.
    let logoBase: (SourceLocation) -> String
    /// Format and pixel size of an image file; nil when it is not a PNG or JPEG.
    let imageProbe: ImageProbe
    private(set) var diagnostics: [Diagnostic] = []
    private var asked: Set<String> = []

    init(tree: LayoutTree, knownFamilies: Set<String>?, imageProbe: @escaping ImageProbe,
         logoBase: @escaping (SourceLocation) -> String) {
        self.tree = tree; self.knownFamilies = knownFamilies; self.imageProbe = imageProbe; self.logoBase = logoBase
    }

    mutating func decode(name: String) -> LayoutSpec? {
        let spec = build(name: name)
        reportUnknownKeys(tree, path: [])
        return diagnostics.contains { $0.severity == .error } ? nil : spec
    }

    // MARK: - The layout, key by key

    private mutating func build(name: String) -> LayoutSpec {
        var size = paperSize("page.size")
        switch choice("page.orientation", ["portrait", "landscape"]) {
        case "landscape" where size.width < size.height, "portrait" where size.width > size.height:
            size = Size(width: size.height, height: size.width)
        default: break
        }
        let margins = Insets(top: length("page.margins.top"), right: length("page.margins.right"),
                             bottom: length("page.margins.bottom"), left: length("page.margins.left"))
        let columns = integer("columns.count", in: 1...6)

        let fallback = families("fonts.fallback")
        func familyList(_ key: String) -> String { (families(key) + fallback).joined(separator: ", ") }
        let fonts = FontFamilies(body: familyList("fonts.body"), heading: familyList("fonts.heading"),
                                 mono: familyList("fonts.mono"))

        let palette = Palette(
            brand: color("colors.brand"), accent: color("colors.accent"), text: color("colors.text"),
            muted: color("colors.muted"), rule: color("colors.rule"), link: color("colors.link"),
            highlight: color("colors.highlight"), onBrand: color("colors.on-brand"),
            onBrandMuted: color("colors.on-brand-muted"))
        func paletteColor(_ key: String) -> Color {
            let names: [String: Color] = ["brand": palette.brand, "accent": palette.accent, "text": palette.text,
                                          "muted": palette.muted, "rule": palette.rule, "link": palette.link]
            if case .scalar(let value, _)? = value(at: key), let named = names[value] { return named }
            return color(key)
        }

        let headings = ["h2", "h3", "h4"].map { level in
            HeadingStyle(size: length("headings.\(level).size"), leading: length("headings.\(level).leading"),
                         spaceBefore: length("headings.\(level).space-before"),
                         spaceAfter: length("headings.\(level).space-after"),
                         color: paletteColor("headings.\(level).color"))
        }
        let kinds = ["note", "summary", "important", "exam", "fact"]
        return LayoutSpec(
            name: name,
            summary: string("description"),
            page: PageSpec(size: size, margins: margins, mirrored: bool("page.mirror"), columns: columns,
                           columnGap: length("columns.gap"), columnRule: bool("columns.rule"),
                           spanGap: length("text.block-spacing") + .pt(2)),
            fonts: fonts,
            colors: palette,
            text: TextSpec(size: length("text.size"), leading: length("text.leading"), justify: bool("text.justify"),
                           lineBreaking: LineBreaking(rawValue: choice("text.linebreaking",
                                                                       LineBreaking.allCases.map(\.rawValue)))!,
                           hyphenate: bool("text.hyphenate"),
                           hyphenation: HyphenationRules(
                               minimumWord: integer("text.hyphenation.min-word", in: 4...30),
                               minimumBefore: integer("text.hyphenation.min-before", in: 1...10),
                               minimumAfter: integer("text.hyphenation.min-after", in: 1...10)),
                           paragraphSpacing: length("text.paragraph-spacing"),
                           blockSpacing: length("text.block-spacing"), smallSize: length("text.small-size"),
                           smallLeading: length("text.small-leading")),
            headings: headings,
            article: ArticleHeaderStyle(titleSize: length("article.title-size"),
                                        titleLeading: length("article.title-leading"),
                                        summarySize: length("article.summary-size"),
                                        metaSize: length("article.meta-size"), rule: length("article.rule"),
                                        qrCode: bool("article.qr-code"), qrSize: qrSize("article.qr-size")),
            section: SectionStyle(filledBanner: choice("section.banner", ["band", "rule"]) == "band",
                                  titleSize: length("section.title-size")),
            lists: ListStyle(indent: length("lists.indent"), bullets: strings("lists.bullets"),
                             numbering: numbering("lists.numbering"), itemSpacing: length("lists.item-spacing"),
                             maxIndentLevels: integer("lists.max-indent-levels", in: 1...12)),
            table: TableStyle(fontSize: length("table.size"), leading: length("table.leading"),
                              smallestSize: length("table.smallest-size"),
                              cellPadding: length("table.padding"), ruleWidth: length("table.rule"),
                              headerFill: optionalColor("table.header-fill"),
                              zebraFill: optionalColor("table.zebra-fill")),
            callout: CalloutStyle(
                padding: length("callout.padding"), barWidth: length("callout.bar"),
                tinted: choice("callout.style", ["tint", "border"]) == "tint",
                labels: Dictionary(uniqueKeysWithValues: kinds.map { ($0, string("callout.labels.\($0)")) }),
                tints: Dictionary(uniqueKeysWithValues: kinds.map { ($0, color("callout.tint.\($0)")) }),
                accents: Dictionary(uniqueKeysWithValues: kinds.map { ($0, color("callout.accent.\($0)")) })),
            timeline: TimelineStyle(dateWidth: length("timeline.date-width"), dotDiameter: length("timeline.dot"),
                                    ruleWidth: length("timeline.rule")),
            caption: CaptionStyle(size: length("caption.size"), italic: bool("caption.italic"),
                                  color: paletteColor("caption.color")),
            quiz: QuizStyle(numberWidth: length("quiz.number-width"), optionIndent: length("quiz.option-indent"),
                            numberColor: paletteColor("quiz.number-color")),
            running: RunningStyle(
                fontSize: length("running.size"), headerBaseline: length("running.header-baseline"),
                footerBaseline: length("running.footer-baseline"), rule: bool("running.rule"), logo: bool("running.logo"),
                header: slots("running.header"), footer: slots("running.footer")),
            cover: CoverStyle(band: bool("cover.band"), bandHeight: fraction("cover.band-height"),
                              logo: logo("cover.logo"), show: coverElements("cover.show"),
                              titleSize: length("cover.title-size"), editionSize: length("cover.edition-size")),
            strings: Strings(contents: string("strings.contents"), section: string("strings.section"),
                             inThisIssue: string("strings.in-this-issue"), practice: string("strings.practice"),
                             practiceLabel: string("strings.practice-label"), answers: string("strings.answers"),
                             answersLabel: string("strings.answers-label"), answer: string("strings.answer"),
                             source: string("strings.source"), months: months("strings.months"),
                             date: string("strings.date"), name: string("strings.name"),
                             className: string("strings.class"), dateField: string("strings.date-field"),
                             notes: string("strings.notes"), articleCount: plural("strings.article-count"),
                             sectionCount: plural("strings.section-count"),
                             questionCount: plural("strings.question-count"),
                             about: string("strings.about"), contact: string("strings.contact"),
                             links: string("strings.links"), highlights: string("strings.highlights")),
            watermark: WatermarkStyle(text: optionalString("watermark.text"), size: length("watermark.size"),
                                      color: color("watermark.color"), opacity: fraction("watermark.opacity")),
            output: OutputSpec(imageResolution: resolution("output.image-resolution"),
                               jpegQuality: integer("output.jpeg-quality", in: 1...100),
                               sizeBudget: byteCount("output.size-budget")),
            editions: editionNames("editions"))
    }

    // MARK: - Typed values

    private mutating func value(at key: String) -> LayoutTree? {
        let path = key.split(separator: ".").map(String.init)
        for end in 1...path.count { asked.insert(path[..<end].joined(separator: ".")) }
        var node: LayoutTree? = tree
        for part in path { node = node?[part] }
        return node
    }

    private mutating func scalar(_ key: String, expected: String) -> (String, SourceLocation)? {
        switch value(at: key) {
        case .scalar(let text, let location)?: return (text, location)
        case let other?:
            diagnostics.append(.error("'\(key)' must be \(expected)", at: other.location))
        case nil:
            diagnostics.append(.error("missing key '\(key)'", at: tree.location,
                                      hint: "add it, or extend a layout that has it (extends: monthly)"))
        }
        return nil
    }

    private mutating func string(_ key: String) -> String {
        scalar(key, expected: "text")?.0 ?? ""
    }

    /// A text, or nil for `none` or an empty one.
    private mutating func optionalString(_ key: String) -> String? {
        let text = string(key).trimmingCharacters(in: .whitespaces)
        return text.isEmpty || text.lowercased() == "none" ? nil : text
    }

    private mutating func bool(_ key: String) -> Bool {
        guard let (text, location) = scalar(key, expected: "true or false") else { return false }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error("'\(key)' must be true or false, not '\(text)'", at: location))
            return false
        }
    }

    private mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int {
        guard let (text, location) = scalar(key, expected: "a whole number") else { return range.lowerBound }
        guard let number = Int(text), range.contains(number) else {
            diagnostics.append(.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                                      at: location))
            return range.lowerBound
        }
        return number
    }

    private mutating func length(_ key: String) -> Length {
        guard let (text, location) = scalar(key, expected: "a length such as 12pt or 20mm") else { return .zero }
        guard let length = Units.length(text), length >= .zero else {
            diagnostics.append(.error("'\(text)' is not a length", at: location,
                                      hint: "write a number with a unit: pt, mm, cm or in (12pt, 20mm, 0.5in)"))
            return .zero
        }
        return length
    }

    /// A QR code's side: below 36pt a phone camera struggles with the modules of a long URL.
    private mutating func qrSize(_ key: String) -> Length {
        let size = length(key)
        if size < .pt(36), case .scalar(let text, let location)? = value(at: key), Units.length(text) != nil {
            diagnostics.append(.error("'\(key)' must be at least 36pt, not '\(text)'", at: location,
                                      hint: "a smaller code cannot be scanned reliably"))
        }
        return size
    }

    /// The names under `editions:` (each a mapping of layout keys as `--set` writes them, which
    /// `LayoutLibrary` applies and checks per edition); empty for `none` or no key.
    private mutating func editionNames(_ key: String) -> [String] {
        asked.insert(key)
        guard let node = tree[key] else { return [] }
        let hint = "write each edition as a name with the keys it changes, e.g. print: {output.image-resolution: 300}"
        switch node {
        case .scalar(let text, _) where text.isEmpty || text.lowercased() == "none":
            return []
        case .mapping(let entries, _):
            var names: [String] = []
            for entry in entries {
                asked.insert("\(key).\(entry.key)")
                guard case .mapping(let settings, _) = entry.value else {
                    diagnostics.append(.error("edition '\(entry.key)' must be a mapping of layout keys", at: entry.value.location,
                                              hint: hint))
                    continue
                }
                for setting in settings { asked.insert("\(key).\(entry.key).\(setting.key)") }
                guard !entry.key.isEmpty, entry.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                    diagnostics.append(.error("edition name '\(entry.key)' may hold only letters, digits and '-'",
                                              at: entry.keyLocation, hint: "it becomes part of the PDF's file name"))
                    continue
                }
                names.append(entry.key)
            }
            return names
        default:
            diagnostics.append(.error("'\(key)' must be none or a mapping of editions", at: node.location, hint: hint))
            return []
        }
    }

    /// Pixels per inch, 36 to 2400, or nil for `none`.
    private mutating func resolution(_ key: String) -> Double? {
        guard let (text, location) = scalar(key, expected: "pixels per inch such as 150, or none") else { return nil }
        if text.lowercased() == "none" { return nil }
        let digits = text.lowercased().hasSuffix("ppi") ? String(text.dropLast(3)).trimmingCharacters(in: .whitespaces) : text
        guard let number = Double(digits), (36...2400).contains(number) else {
            diagnostics.append(.error("'\(key)' must be pixels per inch from 36 to 2400, or none, not '\(text)'",
                                      at: location, hint: "150 suits screens, 300 print"))
            return nil
        }
        return number
    }

    /// A file size such as `1.5MB`, `800KB` or `none`, in bytes (1 KB = 1024 bytes).
    private mutating func byteCount(_ key: String) -> Int? {
        guard let (text, location) = scalar(key, expected: "a size such as 1.5MB, or none") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if trimmed == "NONE" { return nil }
        for (suffix, unit) in [("MB", 1024.0 * 1024), ("KB", 1024.0)] where trimmed.hasSuffix(suffix) {
            if let number = Double(trimmed.dropLast(2).trimmingCharacters(in: .whitespaces)), number > 0 {
                return Int(number * unit)
            }
        }
        diagnostics.append(.error("'\(text)' is not a file size", at: location, hint: "write it as 1.5MB or 800KB, or none"))
        return nil
    }

    private mutating func fraction(_ key: String) -> Double {
        guard let (text, location) = scalar(key, expected: "a percentage") else { return 0 }
        guard text.hasSuffix("%"), let number = Double(text.dropLast()), (0...100).contains(number) else {
            diagnostics.append(.error("'\(text)' is not a percentage", at: location, hint: "write it as 36%"))
            return 0
        }
        return number / 100
    }

    private mutating func color(_ key: String) -> Color {
        guard let (text, location) = scalar(key, expected: "a colour such as \"#1B3A5C\"") else { return .black }
        guard let color = Color(hex: text) else {
            diagnostics.append(.error("'\(text)' is not a colour", at: location, hint: "write it as \"#RRGGBB\", in quotes"))
            return .black
        }
        return color
    }

    private mutating func optionalColor(_ key: String) -> Color? {
        if case .scalar(let text, _)? = value(at: key), text.lowercased() == "none" { return nil }
        return color(key)
    }

    private mutating func choice(_ key: String, _ options: [String]) -> String {
        guard let (text, location) = scalar(key, expected: Suggestion.list(options)) else { return options[0] }
        guard options.contains(text) else {
            diagnostics.append(.error("'\(key)' must be \(Suggestion.list(options)), not '\(text)'", at: location))
            return options[0]
        }
        return text
    }

    private mutating func plural(_ key: String) -> Plural {
        Plural(one: string(key + ".one"), other: string(key + ".other"))
    }

    /// Twelve month names, January first.
    private mutating func months(_ key: String) -> [String] {
        let names = strings(key)
        if names.count != 12, let location = value(at: key)?.location {
            diagnostics.append(.error("'\(key)' must name the twelve months, January first; it has \(names.count)",
                                      at: location))
            return (1...12).map(String.init)
        }
        return names
    }

    private mutating func strings(_ key: String) -> [String] {
        switch value(at: key) {
        case .sequence(let items, let location)?:
            let texts = items.compactMap { item -> String? in if case .scalar(let text, _) = item { text } else { nil } }
            if texts.count != items.count || texts.isEmpty {
                diagnostics.append(.error("'\(key)' must be a non-empty list of texts", at: location))
            }
            return texts.isEmpty ? [""] : texts
        case .scalar(let text, _)?: return [text]
        case let other?:
            diagnostics.append(.error("'\(key)' must be a list of texts", at: other.location))
        case nil:
            diagnostics.append(.error("missing key '\(key)'", at: tree.location))
        }
        return [""]
    }

    private mutating func families(_ key: String) -> [String] {
        let names = strings(key)
        if case .sequence(let items, _)? = value(at: key) {
            for (name, item) in zip(names, items) { check(family: name, at: item.location) }
        }
        return names
    }

    private mutating func check(family name: String, at location: SourceLocation) {
        guard let knownFamilies, !knownFamilies.contains(name) else { return }
        let known = knownFamilies.sorted()
        let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" }
            ?? "the fonts in Fonts/ are \(Suggestion.list(known, conjunction: "and"))"
        diagnostics.append(.error("unknown font family '\(name)'", at: location, hint: hint))
    }

    private mutating func numbering(_ key: String) -> [String] {
        let styles = ["decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman"]
        let names = strings(key)
        if let bad = names.first(where: { !styles.contains($0) }) {
            diagnostics.append(.error("unknown numbering '\(bad)'; expected \(Suggestion.list(styles))",
                                      at: value(at: key)?.location ?? tree.location))
        }
        return names
    }

    private mutating func slots(_ key: String) -> RunningSlots {
        func slot(_ name: String) -> String {
            if case .scalar(let text, _)? = value(at: "\(key).\(name)") { return text }
            return ""
        }
        _ = value(at: key)
        return RunningSlots(left: slot("left"), center: slot("center"), right: slot("right"))
    }

    private mutating func coverElements(_ key: String) -> [CoverStyle.Element] {
        strings(key).compactMap { name in
            if let element = CoverStyle.Element(rawValue: name) { return element }
            diagnostics.append(.error("unknown cover element '\(name)'; expected \(Suggestion.list(CoverStyle.Element.allCases.map(\.rawValue)))",
                                      at: value(at: key)?.location ?? tree.location))
            return nil
        }
    }

    private mutating func logo(_ key: String) -> Logo? {
        guard let (text, location) = scalar(key, expected: "an image path or none") else { return nil }
        guard text.lowercased() != "none", !text.isEmpty else { return nil }
        let path = text.hasPrefix("/") ? text : logoBase(location) + "/" + text
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(.error("logo '\(text)' not found", at: location,
                                      hint: "give a PNG, JPEG or SVG path relative to the layout file, or none"))
            return nil
        }
        guard let image = imageProbe(path) else {
            diagnostics.append(.error("logo '\(text)' is not a PNG, JPEG or SVG image", at: location))
            return nil
        }
        return Logo(path: path, isJPEG: image.isJPEG, isSVG: path.lowercased().hasSuffix(".svg"),
                    pixelWidth: image.width, pixelHeight: image.height)
    }

    // MARK: - Unknown keys

    private mutating func reportUnknownKeys(_ node: LayoutTree, path: [String]) {
        guard case .mapping(let entries, _) = node else { return }
        for entry in entries {
            let full = (path + [entry.key]).joined(separator: ".")
            if asked.contains(full) {
                reportUnknownKeys(entry.value, path: path + [entry.key])
                continue
            }
            let prefix = path.isEmpty ? "" : path.joined(separator: ".") + "."
            let siblings = asked.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains(".") }
                .map { String($0.dropFirst(prefix.count)) }.sorted()
            let hint = Suggestion.closest(to: entry.key, in: siblings).map { "did you mean '\($0)'?" }
                ?? "known keys here: \(Suggestion.list(siblings, conjunction: "and"))"
            diagnostics.append(.error("unknown layout key '\(full)'", at: entry.keyLocation, hint: hint))
        }
    }
}

/// Reads an image file's format and pixel size from its header.
public typealias ImageProbe = @Sendable (String) -> (isJPEG: Bool, width: Int, height: Int)?

/// Lengths and paper sizes as layout files write them.
public enum Units {
    /// `12pt`, `20mm`, `2.5cm`, `0.5in`, or a bare number of points.
    public static func length(_ text: String) -> Length? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, (Double) -> Length)] = [("pt", { .pt($0) }), ("mm", { .mm($0) }),
                                                     ("cm", { .mm($0 * 10) }), ("in", { .inch($0) })]
        for (suffix, make) in units where trimmed.hasSuffix(suffix) {
            guard let number = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) else { return nil }
            return make(number)
        }
        return Double(trimmed).map { .pt($0) }
    }
}

extension LayoutDecoder {
    private mutating func paperSize(_ key: String) -> Size {
        guard let (text, location) = scalar(key, expected: "a paper size") else { return PaperSize.a4 }
        if let named = PaperSize.named(text) { return named }
        let parts = text.lowercased().split(separator: "x").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let width = Units.length(parts[0]), let height = Units.length(parts[1]),
           width > .pt(72), height > .pt(72), width < .pt(14400), height < .pt(14400) {
            return Size(width: width, height: height)
        }
        diagnostics.append(.error("unknown page size '\(text)'", at: location,
                                  hint: "use A4, A5, Letter, Legal, or a width x height such as 210mm x 297mm"))
        return PaperSize.a4
    }
}

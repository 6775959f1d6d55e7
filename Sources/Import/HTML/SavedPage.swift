import DigestModel
import Foundation

/// A web page as a browser's "Save Page As…" writes it: `Name.html` and `Name_files/`.
///
/// The article is found the way a reader's eye finds it: a WordPress theme's content
/// element (`.entry-content`, `.post-content`…), else `<article>`, else `<main>`, else the
/// element holding the most paragraph text. Its metadata comes from what sites put in the
/// head for social networks and search engines (`og:title`, `article:published_time`,
/// `og:url`, `article:section`, `article:tag`, `og:description`), with `<h1>`, `<time>`
/// and the canonical link as fallbacks.
public enum SavedPage {
    public struct Options: Sendable {
        /// Overrides the page's own section.
        public var section: String?
        /// Overrides the page's own date, and stands in when it has none.
        public var date: CalendarDate?
        public var uploads: String?
        public var rules: ImportRules = .defaults
        public var takenImageNames: Set<String> = []
        /// Today, for a page with no date and no `--date`.
        public var today: CalendarDate
        public init(today: CalendarDate) { self.today = today }
    }

    public struct Result: Sendable {
        public var articles: [ImportedArticle]
        public var sections: [String]
        public var warnings: [ImportWarning]
    }

    static let contentClasses = ["entry-content", "post-content", "article-content", "article-body", "article__body",
                                 "story-body", "td-post-content", "single-content", "post-body", "content-body", "post-entry"]

    /// Reads every page; a page that cannot be read, or holds no article, is an error.
    public static func read(files: [String], options: Options) throws(ImportFailure) -> Result {
        var articles: [ImportedArticle] = []
        var warnings: [ImportWarning] = []
        var sections: [String] = []
        var slugs: Set<String> = []
        let finder = ImageFinder(uploads: options.uploads, taken: options.takenImageNames)
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ImportFailure("cannot read the page", file: file, hint: "check the path and that the file is readable")
            }
            let document = parse(data, file: file, warnings: &warnings)
            let html = document.first { $0.name == "html" } ?? document
            let head = html.first { $0.name == "head" } ?? MarkupElement(name: "head")
            let meta = metadata(head)
            guard let found = articleBody(of: html) else {
                warnings.append(ImportWarning(file: file, line: 0, message: "no article text found on the page; it is not imported"))
                continue
            }
            var body = found
            var notes = ImportNotes()
            body = pruned(body, notes: &notes)

            let heading = (found.first { $0.name == "h1" } ?? html.first { $0.name == "h1" }).map { MarkdownWriter.plainText($0.children) }
            let title = [heading, meta["og:title"], meta["twitter:title"], titleWithoutSite(head)]
                .compactMap { $0 }.first { !$0.isEmpty } ?? ""
            guard !title.isEmpty else {
                warnings.append(ImportWarning(file: file, line: 0, message: "the page has no title (no <h1>, og:title or <title>); it is not imported"))
                continue
            }
            let pageFiles = ((file as NSString).deletingPathExtension) + "_files"
            let writer = PostBody.convertTree(body, title: title, rules: options.rules) { source, line in
                finder.resolve(source, pageFiles: pageFiles, file: file, line: line, article: title)
            }
            notes.merge(writer.notes)
            guard !writer.markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                warnings.append(ImportWarning(file: file, line: found.line, message: "'\(title)' has an empty body; it is not imported"))
                continue
            }

            var date = options.date
            if date == nil {
                let written = meta["article:published_time"] ?? meta["og:published_time"] ?? meta["date"]
                    ?? found.first { $0.name == "time" && $0[attribute: "datetime"] != nil }?[attribute: "datetime"]
                    ?? html.first { $0.name == "time" && $0[attribute: "datetime"] != nil }?[attribute: "datetime"]
                date = written.flatMap(CalendarDate.init(leading:))
            }
            if date == nil {
                notes.guess("date")
                warnings.append(ImportWarning(file: file, line: 0, message:
                    "the page gives no date; '\(title)' is dated today, \(options.today); give --date to set it"))
            }
            let pageSection = meta["article:section"].map { options.rules.section(forCategory: $0) ?? $0 }
            let section = options.section ?? pageSection ?? options.rules.defaultSection
            let source = meta["og:url"] ?? head.first { $0.name == "link" && $0[attribute: "rel"] == "canonical" }?[attribute: "href"]
                ?? savedFrom(document)
            var slug = Slug.make(from: title)
            if slug.isEmpty { slug = Slug.make(from: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent) }
            if slug.isEmpty { slug = "page" }
            slug = WordPressExport.unique(slug, in: &slugs)
            var article = ImportedArticle(slug: slug, title: title, date: date ?? options.today, section: section,
                                          tags: metaValues(head, "article:tag"),
                                          summary: meta["og:description"] ?? meta["description"],
                                          source: source, author: meta["author"], body: writer.markdown, origin: file)
            article.notes = notes
            articles.append(article)
            if !sections.contains(section) { sections.append(section) }
        }
        warnings += finder.warnings
        return Result(articles: finder.attach(to: articles), sections: sections, warnings: warnings)
    }

    /// The page parsed as UTF-8 when it is (or claims to be), repaired when it is not, and in
    /// its declared encoding when it declares another.
    private static func parse(_ data: Data, file: String, warnings: inout [ImportWarning]) -> MarkupElement {
        if String(validating: data, as: UTF8.self) != nil {
            return LibXML.parseHTML(data, encoding: "UTF-8").document
        }
        let guessed = LibXML.parseHTML(data, encoding: nil).document
        let declared = guessed.first { $0.name == "meta" && $0[attribute: "charset"] != nil }?[attribute: "charset"]
            ?? guessed.first { $0.name == "meta" && $0[attribute: "http-equiv"]?.lowercased() == "content-type" }?[attribute: "content"]
        if let declared, !declared.lowercased().contains("utf-8"), !declared.lowercased().contains("utf8") {
            return guessed
        }
        let (clean, repairs) = InputText.repaired(data, file: file)
        warnings += repairs
        return LibXML.parseHTML(clean, encoding: "UTF-8").document
    }

    /// `property`/`name` → `content` of the head's `<meta>` elements (the first of each).
    static func metadata(_ head: MarkupElement) -> [String: String] {
        var values: [String: String] = [:]
        for meta in head.descendants(where: { $0.name == "meta" }) {
            guard let key = (meta[attribute: "property"] ?? meta[attribute: "name"])?.lowercased(),
                  let content = meta[attribute: "content"]?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !content.isEmpty, values[key] == nil else { continue }
            values[key] = MarkdownWriter.collapsed(content)
        }
        return values
    }

    private static func metaValues(_ head: MarkupElement, _ key: String) -> [String] {
        head.descendants { ($0[attribute: "property"] ?? $0[attribute: "name"])?.lowercased() == key }
            .compactMap { $0[attribute: "content"].map { MarkdownWriter.collapsed($0) } }.filter { !$0.isEmpty }
    }

    /// `<title>` without the site's name after a separator: "Monsoon Session Opens – The Civic Ledger".
    private static func titleWithoutSite(_ head: MarkupElement) -> String? {
        guard let title = head.first(where: { $0.name == "title" }).map({ MarkdownWriter.collapsed($0.text) }), !title.isEmpty else { return nil }
        for separator in [" | ", " – ", " — ", " - ", " :: "] {
            if let range = title.range(of: separator, options: .backwards) { return String(title[..<range.lowerBound]) }
        }
        return title
    }

    /// The address in Chrome's `<!-- saved from url=(0057)https://… -->`.
    private static func savedFrom(_ document: MarkupElement) -> String? {
        for case .comment(let text) in document.children {
            guard let range = text.range(of: "saved from url=") else { continue }
            var rest = text[range.upperBound...]
            if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
            let address = rest.trimmingCharacters(in: .whitespacesAndNewlines)
            if address.hasPrefix("http") { return address }
        }
        return nil
    }

    // MARK: - Finding the article

    static func articleBody(of html: MarkupElement) -> MarkupElement? {
        let body = html.first { $0.name == "body" } ?? html
        if let themed = body.first(where: { element in
            element.classes.contains(where: contentClasses.contains) || element[attribute: "itemprop"] == "articleBody"
        }) { return themed }
        let articles = body.descendants { $0.name == "article" }
        if let article = articles.max(by: { paragraphText($0) < paragraphText($1) }), paragraphText(article) > 0 { return article }
        if let main = body.first(where: { $0.name == "main" || $0[attribute: "role"] == "main" }) { return main }
        return densest(body)
    }

    /// The element whose own paragraphs hold the most text, leaving navigation, headers,
    /// footers and sidebars out of the count.
    static func densest(_ root: MarkupElement) -> MarkupElement? {
        var best: (score: Int, element: MarkupElement)?
        func walk(_ element: MarkupElement) {
            if isFurniture(element) { return }
            let score = element.elements.filter { $0.name == "p" }.map { text in
                let length = MarkdownWriter.plainText(text.children).count
                return length >= 40 ? length : 0
            }.reduce(0, +)
            if score > (best?.score ?? 0) { best = (score, element) }
            for child in element.elements { walk(child) }
        }
        walk(root)
        return best?.element
    }

    private static func paragraphText(_ element: MarkupElement) -> Int {
        element.descendants { $0.name == "p" }.map { MarkdownWriter.plainText($0.children).count }.reduce(0, +)
    }

    /// Parts of a page around an article: its header, footer, sidebars, byline.
    private static func isFurniture(_ element: MarkupElement) -> Bool {
        if ["nav", "header", "footer", "aside", "form", "script", "style", "noscript", "iframe"].contains(element.name) {
            return true
        }
        let words = (element.classes + [element[attribute: "id"] ?? ""]).flatMap {
            $0.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        }
        return words.contains { ["sidebar", "widget", "menu", "footer", "header", "masthead", "byline", "meta", "author",
                                  "tags", "navigation", "breadcrumb", "comments"].contains($0) }
            || MarkdownWriter.dropReason(element) != nil
    }

    /// The article without its header, byline and furniture, counting what went.
    private static func pruned(_ element: MarkupElement, notes: inout ImportNotes) -> MarkupElement {
        var copy = element
        copy.children = element.children.compactMap { node in
            guard case .element(let child) = node else { return node }
            if child.name == "aside", MarkdownWriter.calloutKind(ofBox: child) != nil { return node }
            if isFurniture(child) {
                if MarkdownWriter.dropReason(child) == nil { notes.drop("page furniture") }
                return ["header", "footer"].contains(child.name) ? nil : (MarkdownWriter.dropReason(child) != nil ? node : nil)
            }
            return .element(pruned(child, notes: &notes))
        }
        return copy
    }
}

extension PostBody {
    /// An already parsed body to Markdown.
    static func convertTree(_ body: MarkupElement, title: String?, rules: ImportRules,
                            resolveImage: @escaping MarkdownWriter.ImageResolver) -> Conversion {
        var writer = MarkdownWriter(rules: rules, title: title, resolveImage: resolveImage)
        let markdown = writer.convert(body)
        return Conversion(markdown: markdown, notes: writer.notes)
    }
}

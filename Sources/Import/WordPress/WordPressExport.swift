import DigestModel
import Foundation

/// A WordPress export (WXR: Tools → Export), read into articles.
///
/// WXR is RSS 2.0 with WordPress's own namespaces: `wp:` for the post's fields, `content:`
/// for the body, `excerpt:` for the excerpt, `dc:` for the author. Only published posts are
/// taken (not drafts, pages or attachments), in the date range asked for.
public enum WordPressExport {
    /// The WordPress namespace without its version: exports have said 1.0, 1.1 and 1.2.
    static let wordPress = "http://wordpress.org/export/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    public struct Options: Sendable {
        public var from: CalendarDate?
        public var to: CalendarDate?
        /// Only posts in one of these categories (names or slugs, letter case ignored).
        public var categories: [String] = []
        public var uploads: String?
        public var rules: ImportRules = .defaults
        /// Picture names already in the digest's `images/`.
        public var takenImageNames: Set<String> = []
        public init() {}
    }

    public struct Site: Sendable, Equatable {
        public var title: String
        public var link: String
        public var description: String
        public var language: String
    }

    public struct Result: Sendable {
        public var site: Site
        public var articles: [ImportedArticle]
        /// Sections in the order the imported posts first use them.
        public var sections: [String]
        public var warnings: [ImportWarning]
        /// Items passed over, by reason: "draft", "page", "outside the dates".
        public var skipped: [String: Int]
    }

    /// Reads the export at `file`.
    /// - Throws: `ImportFailure` when it is not well-formed XML, not a WordPress export, or
    ///   has no published post in the range.
    public static func read(file: String, data: Data, options: Options) throws(ImportFailure) -> Result {
        let (clean, repairs) = InputText.repaired(data, file: file)
        let root: MarkupElement
        do {
            root = try LibXML.parseXML(clean)
        } catch {
            throw ImportFailure("not well-formed XML: \(error.message)", file: file, line: error.line, column: error.column,
                                hint: "WordPress writes well-formed exports: export the site again from Tools → Export (a file cut short is the usual cause)")
        }
        guard root.name == "rss", let channel = root.child("channel") else {
            throw ImportFailure("not a WordPress export: the document is <\(root.name)>, not an RSS channel", file: file,
                                line: root.line, hint: "in WordPress, use Tools → Export → Posts and give the XML file it saves")
        }
        let items = channel.children("item")
        let isWordPress = channel.child("wxr_version", namespace: wordPress) != nil
            || items.contains { $0.child("post_type", namespace: wordPress) != nil }
        guard isWordPress else {
            throw ImportFailure("not a WordPress export: an RSS feed without WordPress's wp: fields (no wp:wxr_version)",
                                file: file, line: channel.line,
                                hint: "a feed holds only summaries; use WordPress's Tools → Export for the whole posts")
        }
        let site = Site(title: text(channel.child("title")), link: text(channel.child("link")),
                        description: text(channel.child("description")), language: text(channel.child("language")))

        var warnings = repairs
        var skipped: [String: Int] = [:]
        var articles: [ImportedArticle] = []
        var sections: [String] = []
        var slugs: Set<String> = []
        var published: [CalendarDate] = []
        let finder = ImageFinder(uploads: options.uploads, taken: options.takenImageNames)
        let wanted = Set(options.categories.map { $0.lowercased() })

        for item in items {
            let type = text(item.child("post_type", namespace: wordPress))
            guard type == "post" else { skipped[type.isEmpty ? "item" : type, default: 0] += 1; continue }
            let status = text(item.child("status", namespace: wordPress))
            guard status == "publish" else { skipped[status.isEmpty ? "unpublished" : status, default: 0] += 1; continue }
            let title = InputText.decodedHTML(text(item.child("title")))
            let name = title.isEmpty ? "the post at line \(item.line)" : "'\(title)'"
            guard let date = CalendarDate(leading: text(item.child("post_date", namespace: wordPress)))
                    ?? CalendarDate(leading: text(item.child("post_date_gmt", namespace: wordPress)))
                    ?? rfc822Date(text(item.child("pubDate")))
            else {
                warnings.append(ImportWarning(file: file, line: item.line, message: "\(name) has no date; it is not imported"))
                continue
            }
            published.append(date)
            if let from = options.from, date < from { skipped["outside the dates", default: 0] += 1; continue }
            if let to = options.to, to < date { skipped["outside the dates", default: 0] += 1; continue }
            let categoryElements = item.children("category").filter { ($0[attribute: "domain"] ?? "category") == "category" }
            let categories = categoryElements.map { InputText.decodedHTML($0.text) }
            if !wanted.isEmpty {
                let names = categories.map { $0.lowercased() } + categoryElements.compactMap { $0[attribute: "nicename"]?.lowercased() }
                guard names.contains(where: wanted.contains) else { skipped["other categories", default: 0] += 1; continue }
            }
            if title.isEmpty {
                warnings.append(ImportWarning(file: file, line: item.line, message: "\(name) has no title; it is not imported"))
                continue
            }
            let tags = item.children("category").filter { $0[attribute: "domain"] == "post_tag" }.map { InputText.decodedHTML($0.text) }
            let section = section(for: categories, rules: options.rules)

            var slug = text(item.child("post_name", namespace: wordPress)).removingPercentEncoding ?? ""
            if !Slug.isValid(slug) { slug = Slug.make(from: slug.isEmpty ? title : slug) }
            if slug.isEmpty { slug = Slug.make(from: title) }
            if slug.isEmpty { slug = "post-\(text(item.child("post_id", namespace: wordPress)))" }
            slug = unique(slug, in: &slugs)

            let contentElement = item.child("encoded", namespace: content)
            let body = contentElement.map(text) ?? ""
            let bodyLine = contentElement?.line ?? item.line
            let converted = PostBody.convert(body, title: title, rules: options.rules, autoParagraphs: !body.contains("<!-- wp:")) {
                source, line in
                finder.resolve(source, pageFiles: nil, file: file, line: bodyLine + max(line, 1) - 1, article: title)
            }
            if converted.markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                warnings.append(ImportWarning(file: file, line: bodyLine, message: "\(name) has an empty body; it is not imported"))
                continue
            }
            let excerpt = item.children("encoded").first { $0.namespace?.hasPrefix(wordPress) == true && $0.namespace?.hasSuffix("excerpt/") == true }
            let summary = excerpt.map { InputText.decodedHTML(text($0)) }.flatMap { $0.isEmpty ? nil : $0 }
            var article = ImportedArticle(slug: slug, title: title, date: date, section: section, tags: tags,
                                          summary: summary, source: nonEmpty(text(item.child("link"))),
                                          author: nonEmpty(text(item.child("creator", namespace: dublinCore))),
                                          body: converted.markdown, origin: "\(file):\(item.line)")
            article.notes = converted.notes
            articles.append(article)
            if !sections.contains(section) { sections.append(section) }
        }
        warnings += finder.warnings
        guard !articles.isEmpty else {
            let range: String
            if let first = published.min(), let last = published.max() {
                range = "its published posts are dated \(first) to \(last)"
            } else {
                range = "it holds no published post at all"
            }
            throw ImportFailure("no published post to import in the dates asked for; \(range)", file: file,
                                hint: "choose another --month, or --from and --to")
        }
        var result = Result(site: site, articles: articles, sections: sections, warnings: warnings, skipped: skipped)
        result.articles = finder.attach(to: result.articles)
        result.sections = orderedSections(sections, rules: options.rules)
        return result
    }

    /// The map's order first (for the sections it names), then the order of first use.
    static func orderedSections(_ used: [String], rules: ImportRules) -> [String] {
        var ordered: [String] = []
        for entry in rules.sections where used.contains(entry.section) && !ordered.contains(entry.section) {
            ordered.append(entry.section)
        }
        return ordered + used.filter { !ordered.contains($0) }
    }

    /// The section of a post: its first category the map knows, else its first category
    /// (not "Uncategorized"), else the default section.
    static func section(for categories: [String], rules: ImportRules) -> String {
        if let mapped = categories.lazy.compactMap(rules.section(forCategory:)).first { return mapped }
        if let first = categories.first(where: { !["uncategorized", "uncategorised"].contains($0.lowercased()) && !$0.isEmpty }) {
            return first
        }
        return rules.defaultSection
    }

    static func unique(_ slug: String, in slugs: inout Set<String>) -> String {
        var candidate = slug
        var number = 2
        while slugs.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        slugs.insert(candidate)
        return candidate
    }

    /// `Wed, 19 Jun 2024 10:15:00 +0000`, RSS's date.
    static func rfc822Date(_ text: String) -> CalendarDate? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard let monthIndex = words.firstIndex(where: { months.contains($0.prefix(3).lowercased()) }),
              monthIndex > 0, monthIndex + 1 < words.count,
              let day = Int(words[monthIndex - 1]), let year = Int(words[monthIndex + 1]),
              let month = months.firstIndex(of: words[monthIndex].prefix(3).lowercased()) else { return nil }
        let iso = String(format: "%04d-%02d-%02d", year, month + 1, day)
        return CalendarDate(leading: iso)
    }

    private static func text(_ element: MarkupElement?) -> String {
        MarkdownWriter.trimmed(element?.text ?? "")
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

/// A post body (HTML, perhaps with Gutenberg comments and shortcodes) to Markdown.
enum PostBody {
    struct Conversion {
        var markdown: String
        var notes: ImportNotes
    }

    /// - Parameter autoParagraphs: the body is classic-editor text, in which WordPress makes
    ///   paragraphs from blank lines and line breaks from single newlines when it shows the post.
    static func convert(_ html: String, title: String?, rules: ImportRules, autoParagraphs: Bool,
                        resolveImage: @escaping MarkdownWriter.ImageResolver) -> Conversion {
        let expanded = Shortcodes.expand(html)
        let parsed = LibXML.parseHTML(Data(expanded.html.utf8), encoding: "UTF-8")
        let body = parsed.document.first { $0.name == "body" } ?? parsed.document
        var writer = MarkdownWriter(rules: rules, title: title, resolveImage: resolveImage)
        writer.autoParagraphs = autoParagraphs
        let markdown = writer.convert(body)
        var notes = writer.notes
        for (kind, count) in expanded.removed { notes.drop(kind, count: count) }
        if parsed.flattened > 0 { notes.drop("too deeply nested element", count: parsed.flattened) }
        return Conversion(markdown: markdown, notes: notes)
    }
}

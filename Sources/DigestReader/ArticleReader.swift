import DigestModel
import Diagnostics

/// Reads one article file: front matter, then the Markdown body.
struct ArticleReader {
    /// The digest folder as given.
    var folder: String
    /// The digest's default language.
    var language: String
    /// The sections of `digest.yaml`; nil when they could not be read (sections are then
    /// not checked).
    var sections: [String]?

    static let keys = ["title", "date", "section", "tags", "summary", "source", "lang"]

    struct Reading {
        var article: Article?
        var diagnostics: [Diagnostic]
    }

    /// Reads `articles/<name>` given its bytes.
    ///
    /// - Parameter relativePath: the path inside the digest folder, e.g. `articles/x.md`.
    func read(relativePath: String, bytes: [UInt8]) -> Reading {
        let file = folder + "/" + relativePath
        let source: SourceText
        switch SourceText.decode(bytes, file: file) {
        case .text(let text): source = text
        case .rejected(let diagnostic): return Reading(article: nil, diagnostics: [diagnostic])
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        var diagnostics = source.repairs

        // Front matter: from a first line `---` to the next `---` line.
        var bodyStart = 0
        var fields: YAMLFields?
        if source.lines.first?.trimmingWhitespace == "---" {
            guard let close = source.lines.indices.dropFirst().first(where: {
                source.lines[$0].trimmingWhitespace == "---"
            }) else {
                return Reading(article: nil, diagnostics: [.error(
                    "front matter is not closed", at: start,
                    hint: "add a line '---' after the last front matter key")])
            }
            let yaml = source.lines[1..<close].joined(separator: "\n")
            fields = YAMLFields(yaml: yaml, file: file, lineOffset: 1, origin: start,
                                context: "front matter", known: Self.keys)
            bodyStart = close + 1
        } else {
            diagnostics.append(.error(
                "no front matter", at: start,
                hint: "start the file with a '---' line, then 'title: …', 'date: YYYY-MM-DD' and "
                    + "'section: …' lines, then another '---' line"))
        }

        // The body, read even when the front matter has problems, to report everything.
        let slug = String(relativePath.split(separator: "/").last?.dropLast(3) ?? "")
        let directory = relativePath.split(separator: "/").dropLast().map(String.init)
        let body = BodyReader.read(
            lines: Array(source.lines[bodyStart...]), file: file, lineOffset: bodyStart,
            images: ImageResolver(folder: folder, articleDirectory: directory))
        diagnostics += body.diagnostics

        guard var fields else { return Reading(article: nil, diagnostics: diagnostics) }
        let title = fields.string("title", required: true, example: "title: Headline of the article")
        let date = readDate(&fields)
        let section = readSection(&fields)
        let tags = fields.stringList("tags")?.map(\.text) ?? []
        let summary = fields.string("summary")
        let sourceURL = fields.string("source")
        var articleLanguage = language
        if let lang = fields.string("lang") {
            if LanguageTag.isValid(lang) {
                articleLanguage = lang
            } else if let place = fields.location(ofValue: "lang") {
                fields.report(LanguageTag.invalid(lang, at: place))
            }
        }
        diagnostics += fields.diagnostics

        guard let title, let date, let section else {
            return Reading(article: nil, diagnostics: diagnostics)
        }
        let article = Article(
            slug: slug, title: title, date: date, section: section, tags: tags, summary: summary,
            source: sourceURL, language: articleLanguage, blocks: body.blocks, quiz: body.quiz,
            location: start)
        return Reading(article: article, diagnostics: diagnostics)
    }

    private func readDate(_ fields: inout YAMLFields) -> CalendarDate? {
        guard let text = fields.string("date", required: true, example: "date: 2024-06-19") else {
            return nil
        }
        if let date = CalendarDate(iso: text) { return date }
        if let place = fields.location(ofValue: "date") {
            fields.report(.error("invalid date '\(text)'", at: place,
                                 hint: "write a real date as YYYY-MM-DD, e.g. 2024-06-19"))
        }
        return nil
    }

    private func readSection(_ fields: inout YAMLFields) -> String? {
        guard let name = fields.string("section", required: true, example: "section: National") else {
            return nil
        }
        guard let sections, !sections.contains(name) else { return name }
        if let place = fields.location(ofValue: "section") {
            let known = "digest.yaml lists \(Suggestion.list(sections, conjunction: "and"))"
            let hint = Suggestion.closest(to: name, in: sections).map { "did you mean '\($0)'? \(known)" }
                ?? "use one of the sections in digest.yaml: \(Suggestion.list(sections))"
            fields.report(.error("unknown section '\(name)'", at: place, hint: hint))
        }
        return nil
    }
}

extension CalendarDate {
    /// Parses exactly `YYYY-MM-DD` and checks that the day exists (leap years included).
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

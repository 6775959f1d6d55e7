import DigestModel
import Diagnostics
import Foundation

/// The outcome of reading a digest folder: the model when the input is sound, and every
/// problem found either way.
public struct DigestReading: Sendable {
    /// The digest; nil exactly when `diagnostics` holds an error.
    public var digest: Digest?
    /// Every error and warning of the run, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    /// Bundles a result; `digest` should be nil exactly when `diagnostics` holds an error.
    public init(digest: Digest?, diagnostics: [Diagnostic]) {
        self.digest = digest; self.diagnostics = diagnostics
    }
}

/// Reads a digest folder (`digest.yaml`, `articles/*.md`, pictures) into a `Digest`.
public enum DigestReader {
    /// Reads and checks the whole folder, collecting every problem instead of stopping at
    /// the first.
    ///
    /// Diagnostics name files as `folder + "/" + path inside the folder`, so they point at
    /// the files the user edits from wherever the command was run. Articles are read in file
    /// name order, so the output does not depend on the file system's listing order.
    ///
    /// - Parameter folder: the digest folder, absolute or relative to the working directory.
    /// - Returns: the digest (nil if any error was found) and all diagnostics.
    public static func read(folder: String) -> DigestReading {
        let folder = trimmedFolder(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
              isDirectory.boolValue
        else {
            return DigestReading(digest: nil, diagnostics: [.error(
                "no digest folder '\(folder)'", at: SourceLocation(file: folder),
                hint: "give the path of a folder that holds digest.yaml and articles/")])
        }
        var diagnostics: [Diagnostic] = []
        let settings = readSettings(folder: folder, into: &diagnostics)
        let articles = readArticles(folder: folder, settings: settings, into: &diagnostics)
        if let settings { checkHighlights(settings, articles: articles, into: &diagnostics) }
        diagnostics = sorted(diagnostics)
        guard !diagnostics.contains(where: { $0.severity == .error }), let settings else {
            return DigestReading(digest: nil, diagnostics: diagnostics)
        }
        return DigestReading(digest: assemble(settings, articles, folder: folder), diagnostics: diagnostics)
    }

    /// Reads `digest.yaml`; nil when it is missing or unreadable.
    private static func readSettings(folder: String, into diagnostics: inout [Diagnostic]) -> DigestSettings? {
        let file = folder + "/digest.yaml"
        if let refusal = FolderBoundary(folder: folder).refusal(of: file, name: "digest.yaml", what: "file") {
            diagnostics.append(refusal)
            return nil
        }
        guard let bytes = fileBytes(atPath: file) else {
            let exists = FileManager.default.fileExists(atPath: file)
            diagnostics.append(.error(
                exists ? "cannot read '\(file)'" : "no digest.yaml in '\(folder)'",
                at: SourceLocation(file: file),
                hint: exists ? "check the file's permissions"
                    : "create it with at least 'title:', 'edition:' and 'sections:'"))
            return nil
        }
        switch SourceText.decode(bytes, file: file) {
        case .text(let text):
            let (settings, problems) = DigestSettings.read(text, folder: folder)
            diagnostics += text.repairs + problems
            return settings
        case .rejected(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Reads every `articles/*.md` in file name order.
    private static func readArticles(folder: String, settings: DigestSettings?,
                                     into diagnostics: inout [Diagnostic]) -> [Article] {
        let files = FileManager.default
        let articlesFolder = folder + "/articles"
        guard let names = try? files.contentsOfDirectory(atPath: articlesFolder) else {
            diagnostics.append(.error(
                "no articles folder in '\(folder)'", at: SourceLocation(file: articlesFolder),
                hint: "create '\(articlesFolder)' with one Markdown file (.md) per article"))
            return []
        }
        let markdown = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.count > 3 }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if markdown.isEmpty {
            diagnostics.append(.warning(
                "no articles in '\(articlesFolder)'", at: SourceLocation(file: articlesFolder),
                hint: "add one Markdown file (.md) per article"))
        }
        let reader = ArticleReader(folder: folder, language: settings?.language ?? "en",
                                   sections: settings?.sections)
        var articles: [Article] = []
        let boundary = FolderBoundary(folder: folder)
        for name in markdown {
            let path = articlesFolder + "/" + name
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if let refusal = boundary.refusal(of: path, name: "articles/" + name, what: "article") {
                diagnostics.append(refusal)
                continue
            }
            guard let bytes = fileBytes(atPath: path) else {
                diagnostics.append(.error("cannot read '\(path)'", at: SourceLocation(file: path),
                                          hint: "check the file's permissions"))
                continue
            }
            let reading = reader.read(relativePath: "articles/" + name, bytes: bytes)
            diagnostics += reading.diagnostics
            if let article = reading.article { articles.append(article) }
        }
        return articles
    }

    /// A highlight that names no article is left off the cover, with a warning: an article
    /// taken out of the month should not stop the build.
    private static func checkHighlights(_ settings: DigestSettings, articles: [Article],
                                        into diagnostics: inout [Diagnostic]) {
        let slugs = articles.map(\.slug)
        for (slug, place) in zip(settings.branding.highlights, settings.highlightLocations) where !slugs.contains(slug) {
            let hint = Suggestion.closest(to: slug, in: slugs).map { "did you mean '\($0)'?" }
                ?? "name an article by its file name without '.md'"
            diagnostics.append(.warning("highlight '\(slug)' is not an article of this digest; it is left off the cover",
                                        at: place, hint: hint))
        }
    }

    /// Puts the articles into their sections, in `digest.yaml`'s order, by date then slug.
    private static func assemble(_ settings: DigestSettings, _ articles: [Article], folder: String) -> Digest? {
        guard let title = settings.title, let edition = settings.edition,
              let sectionNames = settings.sections
        else { return nil }
        let sections = sectionNames.map { name in
            Section(name: name, articles: articles.filter { $0.section == name }.sorted {
                $0.date != $1.date ? $0.date < $1.date : $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8)
            })
        }
        var digest = Digest(
            title: title, edition: edition, publisher: settings.publisher, language: settings.language,
            layout: settings.layout, sections: sections, collectsQuizzes: settings.collectsQuizzes,
            folder: folder)
        digest.branding = settings.branding
        return digest
    }

    /// The folder without trailing slashes (but "/" stays "/").
    private static func trimmedFolder(_ folder: String) -> String {
        var result = folder.isEmpty ? "." : folder
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// Sorted by file, line and column; diagnostics without a place first; stable otherwise.
    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x == y ? a.offset < b.offset : x < y
            }
        }.map(\.element)
    }
}

extension FolderBoundary {
    /// Why a text file of the digest may not be read, or nil when it may: a link that leads
    /// out of the folder, or something that is not a regular file.
    ///
    /// - Parameters:
    ///   - name: the path inside the folder, for the message (`articles/x.md`).
    ///   - what: "article" or "file", for the hint.
    func refusal(of path: String, name: String, what: String) -> Diagnostic? {
        switch kind(of: path) {
        case .file, .missing:
            return nil
        case .outside:
            return .error(
                "'\(name)' is a symbolic link to a file outside the digest folder",
                at: SourceLocation(file: path),
                hint: "copy the \(what) into the digest folder; Gazette reads no file outside it")
        case .special:
            return .error(
                "'\(name)' is not a regular file", at: SourceLocation(file: path),
                hint: "replace it with an ordinary text file")
        }
    }
}

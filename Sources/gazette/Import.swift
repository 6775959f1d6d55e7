import ArgumentParser
import Diagnostics
import DigestModel
import Foundation
import Import

/// `gazette import`: a digest folder made from where a site's articles already are.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a digest folder from a WordPress export, saved web pages or copied page text.",
        discussion: """
            gazette import wordpress site-export.xml --month 2024-06 --into 2024-06 --uploads wp-content/uploads
            gazette import html saved-pages/*.html --into 2024-06 --section Economy
            gazette import text article.txt --into 2024-06 --section "International Relations" --date 2024-06-20

            Import writes digest.yaml (when the folder has none), articles/<slug>.md, images/ and \
            import.yaml (the rules for dropping site boilerplate and mapping categories to \
            sections; edit it and import again). It never replaces a file it did not write, nor \
            one you have edited since: a re-import updates only untouched articles and says \
            which it left alone. Nothing is fetched from the network.
            """,
        subcommands: [ImportWordPress.self, ImportHTML.self, ImportText.self])
}

/// The options every import shares.
struct ImportTarget: ParsableArguments {
    @Option(help: "The digest folder to write (created when missing).", completion: .directory)
    var into: String

    @Option(help: ArgumentHelp("Import rules (default: the folder's import.yaml, else the built-in ones).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var rules: String?

    @Flag(help: "Print what would be written, and write nothing.")
    var dryRun = false

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Flag(help: "Treat every warning as an error: exit 1 and write nothing (for publishing pipelines).")
    var strict = false

    var folder: String { NewDigest.trimmed(into) }

    /// The rules to import with. - Throws: exit 1 after printing what is wrong with the file.
    func loadRules() throws -> ImportRules {
        let file = rules ?? folder + "/import.yaml"
        guard let data = FileManager.default.contents(atPath: file) else {
            if rules != nil {
                FileHandle.standardError.write("\(file): error: cannot read the import rules\n")
                throw ExitStatus.inputError
            }
            return .defaults
        }
        do {
            return try ImportRules.read(file: file, text: String(decoding: data, as: UTF8.self))
        } catch let error as DiagnosticError {
            report(error.diagnostics)
            throw ExitStatus.inputError
        }
    }
}

/// `gazette import wordpress`.
struct ImportWordPress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wordpress",
        abstract: "Import the published posts of a WordPress export (Tools → Export → Posts).",
        discussion: """
            Each post's first category becomes its section (import.yaml can map categories to \
            sections), its tags its tags, its excerpt its summary and its address its source. \
            Pictures are copied from --uploads, the site's wp-content/uploads folder copied to \
            this machine; without it, posts import without their pictures.
            """)

    @Argument(help: "The export file WordPress saved (an .xml file).", completion: .file(extensions: ["xml"]))
    var export: String

    @Option(help: ArgumentHelp("Only posts of this month.", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: ArgumentHelp("Only posts from this day on.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Only posts up to this day.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: "Only posts in this category (repeat for several).")
    var category: [String] = []

    @Option(help: "The site's uploads folder (wp-content/uploads), for the posts' pictures.", completion: .directory)
    var uploads: String?

    @OptionGroup var target: ImportTarget

    func validate() throws {
        if let month, ImportRange.month(month) == nil {
            throw ValidationError("--month '\(month)' is not a month; write it as YYYY-MM, e.g. 2024-06")
        }
        if month != nil && (from != nil || to != nil) { throw ValidationError("give --month, or --from and --to, not both") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CalendarDate(isoText: value) == nil {
                throw ValidationError("\(name) '\(value)' is not a date; write it as YYYY-MM-DD, e.g. 2024-06-01")
            }
        }
    }

    func run() throws {
        let rules = try target.loadRules()
        guard let data = FileManager.default.contents(atPath: export) else {
            FileHandle.standardError.write("\(export): error: cannot read the export; check the path\n")
            throw ExitStatus.inputError
        }
        var options = WordPressExport.Options()
        if let month, let range = ImportRange.month(month) { (options.from, options.to) = range }
        options.from = from.flatMap(CalendarDate.init(isoText:)) ?? options.from
        options.to = to.flatMap(CalendarDate.init(isoText:)) ?? options.to
        options.categories = category
        options.uploads = uploads
        options.rules = rules
        let writer = ImportWriter(target: target)
        options.takenImageNames = writer.takenImageNames
        let result: WordPressExport.Result
        do {
            result = try WordPressExport.read(file: export, data: data, options: options)
        } catch {
            report([error.diagnostic])
            throw ExitStatus.inputError
        }
        let edition = month.flatMap(ImportRange.edition(ofMonth:)) ?? ImportRange.edition(of: result.articles.map(\.date))
        let language = result.site.language.split(separator: "-").first.map(String.init) ?? "en"
        let settings = Scaffold.Settings(title: result.site.title.isEmpty ? "Current Affairs Monthly" : result.site.title,
                                         edition: edition, publisher: nil, language: language.isEmpty ? "en" : language,
                                         sections: result.sections, quiz: true)
        let skipped = result.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        try writer.write(result.articles, settings: settings, warnings: result.warnings,
                         summary: skipped.isEmpty ? nil : "passed over: " + skipped.joined(separator: ", "))
    }
}

/// `gazette import html`.
struct ImportHTML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Import articles from web pages saved by a browser (Save Page As…, one article a page).",
        discussion: """
            The article is found in the page (a WordPress theme's content, <article>, <main>, or \
            the block with the most text) with its title, date, address, section and tags from \
            the page's metadata. Pictures come from the page's _files folder.
            """)

    @Argument(help: "The saved .html files.", completion: .file(extensions: ["html", "htm"]))
    var pages: [String]

    @Option(help: "The section for every page (default: the page's own, else import.yaml's default-section).")
    var section: String?

    @Option(help: ArgumentHelp("The date for every page (default: the page's own).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: "The site's uploads folder, for pictures the pages link to on the site.", completion: .directory)
    var uploads: String?

    @OptionGroup var target: ImportTarget

    func validate() throws {
        if let date, CalendarDate(isoText: date) == nil {
            throw ValidationError("--date '\(date)' is not a date; write it as YYYY-MM-DD, e.g. 2024-06-19")
        }
    }

    func run() throws {
        let rules = try target.loadRules()
        var options = SavedPage.Options(today: Scaffold.today())
        options.section = section
        options.date = date.flatMap(CalendarDate.init(isoText:))
        options.uploads = uploads
        options.rules = rules
        let writer = ImportWriter(target: target)
        options.takenImageNames = writer.takenImageNames
        let result: SavedPage.Result
        do {
            result = try SavedPage.read(files: pages, options: options)
        } catch {
            report([error.diagnostic])
            throw ExitStatus.inputError
        }
        guard !result.articles.isEmpty else {
            for warning in result.warnings { FileHandle.standardError.write(warning.description + "\n") }
            FileHandle.standardError.write("gazette: error: no article found in \(plural(pages.count, "page"))\n")
            throw ExitStatus.inputError
        }
        let settings = Scaffold.Settings(title: "Current Affairs Monthly",
                                         edition: ImportRange.edition(of: result.articles.map(\.date)),
                                         publisher: nil, language: "en", sections: result.sections, quiz: true)
        try writer.write(result.articles, settings: settings, warnings: result.warnings, summary: nil)
    }
}

/// `gazette import text`.
struct ImportText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Import an article from the text of a web page, copied out of a browser.",
        discussion: """
            The title, headings, numbered and bulleted lists, timelines (items such as \
            "1961: …") and the site's boilerplate lines are recognised from the shape of the lines.
            """)

    @Argument(help: "The text files, one article each.", completion: .file(extensions: ["txt"]))
    var files: [String]

    @Option(help: "The articles' section (default: import.yaml's default-section).")
    var section: String?

    @Option(help: ArgumentHelp("The articles' date (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: "The title, when the text's first lines do not give it (one file only).")
    var title: String?

    @OptionGroup var target: ImportTarget

    func validate() throws {
        if let date, CalendarDate(isoText: date) == nil {
            throw ValidationError("--date '\(date)' is not a date; write it as YYYY-MM-DD, e.g. 2024-06-20")
        }
        if title != nil && files.count > 1 { throw ValidationError("--title names one article; give one file with it") }
    }

    func run() throws {
        let rules = try target.loadRules()
        var articles: [ImportedArticle] = []
        var warnings: [ImportWarning] = []
        var siteName: String?
        var slugs: Set<String> = []
        let day = date.flatMap(CalendarDate.init(isoText:)) ?? Scaffold.today()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write("\(file): error: cannot read the file; check the path\n")
                throw ExitStatus.inputError
            }
            var options = PageText.Options(section: section ?? rules.defaultSection, date: day)
            options.title = title
            options.rules = rules
            do {
                var result = try PageText.read(file: file, data: data, options: options)
                if date == nil {
                    result.article.notes.guess("date")
                    warnings.append(ImportWarning(file: file, line: 0, message: "no --date; '\(result.article.title)' is dated today, \(day)"))
                }
                while slugs.contains(result.article.slug) { result.article.slug += "-2" }
                slugs.insert(result.article.slug)
                articles.append(result.article)
                warnings += result.warnings
                siteName = siteName ?? result.siteName
            } catch {
                report([error.diagnostic])
                throw ExitStatus.inputError
            }
        }
        var sections: [String] = []
        for article in articles where !sections.contains(article.section) { sections.append(article.section) }
        let settings = Scaffold.Settings(title: "Current Affairs Monthly", edition: ImportRange.edition(of: articles.map(\.date)),
                                         publisher: siteName, language: "en", sections: sections, quiz: true)
        try ImportWriter(target: target).write(articles, settings: settings, warnings: warnings, summary: nil)
    }
}

/// Months and editions for the import commands.
enum ImportRange {
    /// The first and last day of `2024-06`.
    static func month(_ text: String) -> (CalendarDate, CalendarDate)? {
        guard let first = CalendarDate(isoText: text + "-01") else { return nil }
        var last = first
        for day in (28...31).reversed() {
            if let date = CalendarDate(isoText: String(format: "%@-%02d", text, day)) { last = date; break }
        }
        return (first, last)
    }

    static func edition(ofMonth text: String) -> String? {
        Scaffold.edition(fromFolderName: text)
    }

    /// "June 2024" when every date is in June 2024, "May – June 2024" across months.
    static func edition(of dates: [CalendarDate]) -> String {
        guard let first = dates.min(), let last = dates.max() else { return "This Month" }
        let name = { (date: CalendarDate) in Scaffold.monthNames[date.month - 1] }
        if (first.year, first.month) == (last.year, last.month) { return "\(name(first)) \(first.year)" }
        if first.year == last.year { return "\(name(first)) – \(name(last)) \(last.year)" }
        return "\(name(first)) \(first.year) – \(name(last)) \(last.year)"
    }
}

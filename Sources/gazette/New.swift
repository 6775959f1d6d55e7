import ArgumentParser
import Diagnostics
import DigestModel
import DigestReader
import Foundation
import Import
import Yams

/// `gazette new`: start a digest folder (the default), or add an article to one.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a digest folder, or add an article to one. Never overwrites a file.",
        discussion: """
            gazette new 2024-07                       a digest.yaml and a sample article
            gazette new article 2024-07 --title "Monsoon Session Opens" --section National
            """,
        subcommands: [NewDigest.self, NewArticle.self],
        defaultSubcommand: NewDigest.self)
}

/// `gazette new DIGEST`: a digest folder that builds at once, with a sample article that
/// teaches the format by example.
struct NewDigest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Create a digest folder: digest.yaml, and a sample article that uses every construct.",
        discussion: """
            The sample article, articles/\(Scaffold.sampleSlug).md, shows every kind of block \
            (callouts, a table, timelines, a picture, a quiz) with its source explained: build \
            it, read it beside the PDF, then delete it. Refuses to touch a folder that already \
            holds a digest.yaml or articles.
            """)

    @Argument(help: "The folder to create, e.g. 2024-07 (it may exist, but must not hold a digest).",
              completion: .directory)
    var digest: String

    @Option(help: "The digest's title, on the cover.")
    var title = "Current Affairs Monthly"

    @Option(help: "The edition, on the cover and in running heads (default: from a folder named 2024-07, else this month).")
    var edition: String?

    @Option(help: ArgumentHelp("The sections in reading order, separated by commas (default: \(Scaffold.defaultSections.joined(separator: ", "))).",
                               valueName: "names"))
    var sections: String?

    @Option(help: "The publisher, on the cover.")
    var publisher: String?

    @Option(help: "The articles' language, as a BCP 47 tag such as en or hi.")
    var language = "en"

    @Flag(inversion: .prefixedNo, help: "Collect every article's quiz into Practice Questions and an Answer Key.")
    var quiz = true

    /// The section names `--sections` gives, trimmed, or the default ones.
    var sectionNames: [String] {
        guard let sections else { return Scaffold.defaultSections }
        return sections.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--title is empty; give the digest a title") }
        if let edition, edition.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--edition is empty; give one such as 'July 2024'")
        }
        let names = sectionNames
        if names.isEmpty { throw ValidationError("--sections names no section; write them separated by commas, e.g. --sections 'National, Economy, Sports'") }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw ValidationError("--sections lists '\(name)' twice; list every section once")
        }
    }

    func run() throws {
        let folder = Self.trimmed(digest)
        let edition = edition ?? Scaffold.edition(fromFolderName: URL(fileURLWithPath: folder).lastPathComponent)
            ?? Scaffold.edition(fromFolderName: Self.thisMonth()) ?? "This Month"
        let names = sectionNames
        let settings = Scaffold.Settings(title: title, edition: edition, publisher: publisher, language: language,
                                         sections: names, quiz: quiz)
        if let reason = Self.holdsDigest(folder) {
            throw refusal("'\(folder)' \(reason); gazette new never overwrites a file. To add an article: gazette new article \(folder) --title \"…\" --section \"\(names[0])\"")
        }
        let date = Scaffold.firstDay(ofEdition: edition) ?? Scaffold.today()
        var files = NewFiles()
        let yaml = folder + "/digest.yaml"
        let article = folder + "/articles/\(Scaffold.sampleSlug).md"
        let image = folder + "/" + Scaffold.sampleImage
        files.add(yaml, text: Scaffold.digestYAML(settings))
        files.add(article, text: Scaffold.sampleArticle(date: date, section: names[0]))
        files.add(image) { try SampleChart.write(to: $0) }
        try create(files, hint: "move \(folder)'s files away, or choose another folder")

        // What `new` writes must build: read it back, and take it away again if not.
        let reading = DigestReader.read(folder: folder)
        if reading.diagnostics.contains(where: { $0.severity == .error }) {
            for path in [yaml, article, image] { unlink(path) }
            report(reading.diagnostics)
            throw ExitStatus.inputError
        }
        print("""
            created \(folder)/ with digest.yaml, articles/\(Scaffold.sampleSlug).md and \(Scaffold.sampleImage)
            next:
              gazette build \(Self.shellQuoted(folder)) --watch       builds the PDF, and again whenever you save
              gazette new article \(Self.shellQuoted(folder)) --title "…" --section \(Self.shellQuoted(names[0]))
            """)
    }

    /// Why `folder` cannot take a new digest, or nil when it can.
    static func holdsDigest(_ folder: String) -> String? {
        let files = FileManager.default
        if files.fileExists(atPath: folder + "/digest.yaml") { return "already holds a digest.yaml" }
        let articles = (try? files.contentsOfDirectory(atPath: folder + "/articles")) ?? []
        if articles.contains(where: { $0.hasSuffix(".md") }) { return "already holds articles" }
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue { return "is a file, not a folder" }
        return nil
    }

    /// `2024-07` for the current month.
    static func thisMonth() -> String {
        let today = Scaffold.today()
        return "\(today.year)-\(today.month < 10 ? "0" : "")\(today.month)"
    }

    /// The path without a trailing slash.
    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// `path` as it can be pasted into a shell: quoted only when it needs to be.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+,=:@".unicodeScalars.contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// `gazette new article`: an article file with its front matter right, so an editor starts
/// from text that already passes `check`.
struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Add an article to a digest: articles/<slug>.md with its front matter filled in.",
        discussion: """
            The file name is made from the title ("Monsoon Session Opens" → \
            monsoon-session-opens.md) unless --slug gives one. The date is today unless --date \
            gives another. Refuses to replace an existing file.
            """)

    @Argument(help: "The digest folder (holds digest.yaml and articles/).", completion: .directory)
    var digest: String

    @Option(help: "The article's title.")
    var title: String

    @Option(help: "One of the sections listed in digest.yaml.", completion: .custom(NewArticle.completeSections))
    var section: String

    @Option(help: ArgumentHelp("The article's date (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: "The file name without .md (default: made from the title); lower-case letters, digits and hyphens.")
    var slug: String?

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--title is empty; give the article a title") }
        if let date, Self.parse(date) == nil {
            throw ValidationError("--date '\(date)' is not a date; write it as YYYY-MM-DD, e.g. 2024-06-19")
        }
        if let slug, !Slug.isValid(slug) {
            throw ValidationError("--slug '\(slug)' may hold only lower-case letters, digits and hyphens, e.g. monsoon-session")
        }
    }

    func run() throws {
        let folder = NewDigest.trimmed(digest)
        let sections = try Self.sections(of: folder)
        let name = try Self.match(section, in: sections)
        let day = date.flatMap(Self.parse) ?? Scaffold.today()
        let made = Slug.make(from: title)
        let slug = slug ?? (made.isEmpty ? "article-\(day)" : made)
        let path = folder + "/articles/\(slug).md"
        var files = NewFiles()
        files.add(path, text: Scaffold.article(title: title, date: day, section: name))
        try create(files, hint: "choose another title, or a file name with --slug")

        let problems = DigestReader.read(folder: folder).diagnostics.filter { $0.location?.file == path && $0.severity == .error }
        if !problems.isEmpty {
            unlink(path)
            report(problems)
            throw ExitStatus.inputError
        }
        print("""
            created \(path) (\(name), \(day))
            next: write it, then gazette check \(NewDigest.shellQuoted(folder))
            """)
    }

    /// The sections `digest.yaml` lists.
    /// - Throws: a message (exit 1) when there is no readable `digest.yaml` with sections.
    static func sections(of folder: String) throws -> [String] {
        let file = folder + "/digest.yaml"
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write("\(file): error: no digest.yaml in '\(folder)'; start a digest with: gazette new \(NewDigest.shellQuoted(folder))\n")
            throw ExitStatus.inputError
        }
        let yaml = try? Yams.load(yaml: text) as? [String: Any]
        let names = (yaml?["sections"] as? [Any])?.map { "\($0)" } ?? []
        guard !names.isEmpty else {
            FileHandle.standardError.write("\(file): error: digest.yaml lists no sections; fix it (gazette check \(NewDigest.shellQuoted(folder)) says how), then add the article\n")
            throw ExitStatus.inputError
        }
        return names
    }

    /// Shell completion for `--section`: the sections of the digest folder on the command line.
    @Sendable static func completeSections(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        for word in words.dropFirst() where !word.hasPrefix("-") {
            guard let text = try? String(contentsOfFile: word + "/digest.yaml", encoding: .utf8),
                  let yaml = try? Yams.load(yaml: text) as? [String: Any],
                  let sections = yaml["sections"] as? [Any] else { continue }
            return sections.map { "\($0)" }.filter { $0.hasPrefix(prefix) }
        }
        return []
    }

    /// The section as digest.yaml spells it; letter case may differ.
    /// - Throws: `UsageError` (exit 64) naming the closest section and listing them all.
    static func match(_ section: String, in sections: [String]) throws -> String {
        if sections.contains(section) { return section }
        if let same = sections.first(where: { $0.lowercased() == section.lowercased() }) { return same }
        let guess = Suggestion.closest(to: section, in: sections).map { "did you mean '\($0)'? " } ?? ""
        throw UsageError(command: "new article",
                         message: "--section '\(section)' is not in digest.yaml; \(guess)the sections are \(Suggestion.list(sections, conjunction: "and"))")
    }

    /// `2024-06-19` as a date that exists; nil otherwise.
    static func parse(_ text: String) -> CalendarDate? { CalendarDate(isoText: text) }
}

/// Creates `files`, turning a name that is taken into a message and exit 1.
private func create(_ files: NewFiles, hint: String) throws {
    let taken = files.existing
    if !taken.isEmpty {
        throw refusal("\(Suggestion.list(taken)) already exist\(taken.count == 1 ? "s" : ""); gazette new never overwrites a file: \(hint)")
    }
    do {
        try files.create()
    } catch let refused as NewFiles.Refusal {
        throw refusal("'\(refused.path)' already exists; gazette new never overwrites a file: \(hint)")
    }
}

/// Prints `gazette: error: message` and returns the exit-1 status to throw.
private func refusal(_ message: String) -> ExitCode {
    FileHandle.standardError.write("gazette: error: \(message)\n")
    return ExitStatus.inputError
}

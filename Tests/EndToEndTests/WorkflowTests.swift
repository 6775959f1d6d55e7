import Foundation
import Testing
import TestSupport

/// An editor's workflow through the real binary: check, preview, watch, new, progress,
/// exit codes and an installed copy run from another folder.
@Suite struct WorkflowTests {
    /// A copy of the example month in a temporary folder, to edit or break.
    func copyOfExample() throws -> String {
        let folder = try temporaryFolder() + "/2024-06"
        try FileManager.default.copyItem(atPath: exampleMonth, toPath: folder)
        return folder
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try change(text).write(toFile: file, atomically: true, encoding: .utf8)
    }

    // MARK: check

    @Test func checkExitsZeroOnAGoodDigestAndOneWithLocatedDiagnostics() throws {
        let good = try run(gazette(), ["check", exampleMonth])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("10 articles in 6 sections, no errors"))

        let folder = try copyOfExample()
        try edit(folder + "/articles/kharif-msp-2024-25.md") { $0.replacingOccurrences(of: "section: Economy", with: "section: Econmy") }
        let bad = try run(gazette(), ["check", folder])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(folder)/articles/kharif-msp-2024-25.md:4:10: error: unknown section 'Econmy'; did you mean 'Economy'?"))
        #expect(bad.stdout.isEmpty)
    }

    @Test func checkPrintsJSONLinesThatParse() throws {
        let fixture = repositoryRoot + "/Tests/DigestReaderTests/Fixtures/bad-body"
        let result = try run(gazette(), ["check", fixture, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty, "JSON mode prints nothing else: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 10)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["file", "line", "column", "severity", "message", "hint"])
            #expect((object["file"] as? String)?.hasPrefix(fixture + "/articles/") == true)
            #expect((object["line"] as? Int).map { $0 >= 1 } == true)
            #expect((object["column"] as? Int).map { $0 >= 1 } == true)
            // The quiz questions the reader leaves out are warnings; the rest are errors.
            #expect(["error", "warning"].contains(object["severity"] as? String))
            #expect((object["message"] as? String)?.isEmpty == false)
        }
        #expect(result.stdout.contains(#""severity":"warning","message":"question has no ticked option; the question is left out"#))
        #expect(result.stdout.contains(#""message":"unknown callout kind 'Sumary'","hint":"did you mean 'summary'?"#))

        let warnings = try run(gazette(), ["check", hardMonth, "--format", "json"])
        #expect(warnings.status == 0, "\(warnings.stderr)")
        let first = try #require(warnings.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["severity"] as? String == "warning")
        #expect(object["hint"] is NSNull)

        let good = try run(gazette(), ["check", exampleMonth, "--format", "json"])
        #expect(good.status == 0)
        #expect(good.stdout.isEmpty)
    }

    // MARK: preview

    @Test func previewWritesOnePNGPerAskedPage() throws {
        let folder = try temporaryFolder() + "/d"
        let result = try run(gazette(), ["preview", sharedCorpus, "--pages", "1-3", "--output", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["page-001.png", "page-002.png", "page-003.png"])
        for name in names {
            let size = try #require(pngSize(folder + "/" + name))
            #expect(size.width == 794 && size.height == 1123, "A4 at 96 dpi")
            // A blank A4 page compresses to a few kilobytes; a page of text does not.
            let bytes = try #require(try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int)
            #expect(bytes > 30_000)
        }
        let first = try Data(contentsOf: URL(fileURLWithPath: folder + "/page-001.png"))
        let third = try Data(contentsOf: URL(fileURLWithPath: folder + "/page-003.png"))
        #expect(first != third)
        #expect(result.stdout.contains("wrote 3 pages to \(folder)/"))

        let scattered = try temporaryFolder()
        let last = try corpusPageCount()
        let some = try run(gazette(), ["preview", sharedCorpus, "--pages", "2, 5-6,\(last - 1)-", "--dpi", "30",
                                       "-o", scattered])
        #expect(some.status == 0, "\(some.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scattered).sorted()
            == ["page-002.png", "page-005.png", "page-006.png", String(format: "page-%03d.png", last - 1),
                String(format: "page-%03d.png", last)])
        #expect(pngSize(scattered + "/page-002.png").map { $0.width == 248 } == true, "A4 at 30 dpi is 248 pixels wide")
    }

    @Test(arguments: [
        ("0", "there is no page 0; pages are numbered from 1"),
        ("3-1", "'3-1' runs backwards; write 1-3"),
        ("two", "'two' is not a page or a range of pages; write pages as 1,3-5"),
        ("1,,2", "empty part in '1,,2'"),
        ("40", "--pages: there is no page 40; the digest has {pages} pages"),
        ("20-40", "--pages: there is no page 40; the digest has {pages} pages"),
    ])
    func previewRejectsBadPagesAsUsageErrors(pages: String, message: String) throws {
        let message = message.replacingOccurrences(of: "{pages}", with: String(try corpusPageCount()))
        let folder = try temporaryFolder() + "/d"
        let result = try run(gazette(), ["preview", sharedCorpus, "--pages", pages, "--output", folder])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("gazette preview"))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func previewOfAnArticleDrawsFromItsHeaderToItsLastLines() throws {
        let digest = RenderedDigest.corpus
        #expect(digest.build.status == 0, "\(digest.build.stderr)")
        let slugs = try FileManager.default.contentsOfDirectory(atPath: sharedCorpus + "/articles")
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        var spans: [(slug: String, first: Int, last: Int)] = []
        for slug in slugs {
            let folder = try temporaryFolder()
            let result = try run(gazette(), ["preview", sharedCorpus, "--article", slug, "--dpi", "20", "-o", folder, "--quiet"])
            #expect(result.status == 0, "\(slug): \(result.stderr)")
            #expect(result.stdout.isEmpty, "--quiet")
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                .compactMap { Int($0.dropFirst("page-".count).dropLast(".png".count)) }
            let first = try #require(pages.first, "\(slug) drew no page")
            let last = try #require(pages.last)
            #expect(pages == Array(first...last), "\(slug): consecutive pages")
            spans.append((slug, first, last))

            // The article's title is on its first page.
            let source = try String(contentsOfFile: sharedCorpus + "/articles/\(slug).md", encoding: .utf8)
            let title = try #require(source.split(separator: "\n").first { $0.hasPrefix("title: ") })
            let words = title.dropFirst("title: ".count).split(separator: " ").prefix(2).joined(separator: " ")
            let text = try pageText(digest.pdf, page: first).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains(words), "\(slug): '\(words)' on page \(first)")

            // Every page drawn belongs to the article's section (its running head says so):
            // the page where the next section opens is not part of the article.
            let section = try #require(source.split(separator: "\n").first { $0.hasPrefix("section: ") })
                .dropFirst("section: ".count).uppercased()
            for page in first...last {
                let head = try pageText(digest.pdf, page: page).split(separator: "\n").first ?? ""
                #expect(head.hasSuffix(section), "\(slug): page \(page) is headed '\(head)'")
            }
        }
        // In reading order, each article ends where the next begins or just before.
        spans.sort { ($0.first, $0.last) < ($1.first, $1.last) }
        for (this, next) in zip(spans, spans.dropFirst()) {
            #expect(next.first == this.last || next.first == this.last + 1, "\(this.slug) → \(next.slug)")
        }

        let unknown = try run(gazette(), ["preview", sharedCorpus, "--article", "heatwave", "-o", try temporaryFolder()])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no article 'heatwave' in \(sharedCorpus); did you mean 'heatwave-2024'?"))
        let both = try run(gazette(), ["preview", sharedCorpus, "--article", "heatwave-2024", "--pages", "1"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--pages and --article cannot be used together"))
    }

    // MARK: build --watch

    @Test func watchRebuildsAfterAnEditAndKeepsRunningAfterAnError() throws {
        let folder = try copyOfExample()
        let output = try temporaryFolder() + "/june.pdf"
        let article = folder + "/articles/kharif-msp-2024-25.md"
        let watch = try RunningProcess(try gazette(), ["build", folder, "--watch", "--output", output])
        defer { _ = watch.stop() }
        let wrote = "wrote \(output): "

        try #require(watch.wait(upTo: 120) { occurrences(of: wrote, in: $0.stdout) >= 1 }, "first build: \(watch.stderr)")
        #expect(watch.stderr.contains("watching \(folder) for changes"))

        try edit(article) { $0 + "\nOne more paragraph, added while the watch runs.\n" }
        try #require(watch.wait(upTo: 120) { occurrences(of: wrote, in: $0.stdout) >= 2 }, "second build: \(watch.stderr)")
        #expect(watch.stderr.contains("changed: articles/kharif-msp-2024-25.md"))

        try edit(article) { $0.replacingOccurrences(of: "section: Economy", with: "section: Weather") }
        try #require(watch.wait(upTo: 120) { $0.stderr.contains("not written: 1 error; still watching") }, "\(watch.stderr)")
        #expect(watch.stderr.contains("\(article):4:10: error: unknown section 'Weather'"))
        #expect(watch.process.isRunning)

        try edit(article) { $0.replacingOccurrences(of: "section: Weather", with: "section: Economy") }
        try Data([0x89]).write(to: URL(fileURLWithPath: folder + "/images/unused.png"))
        try #require(watch.wait(upTo: 120) { occurrences(of: wrote, in: $0.stdout) >= 3 }, "third build: \(watch.stderr)")
        #expect(watch.stderr.contains("images/unused.png (added)"))

        // Writing the PDF itself never counts as a change.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(occurrences(of: wrote, in: watch.stdout) == 3, "\(watch.stdout)")

        #expect(watch.stop() == 0)
        #expect(watch.stderr.contains("stopped watching"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path)
        #expect(leftovers == ["june.pdf"])
    }

    @Test func watchIgnoresItsOwnPDFInsideTheDigestFolder() throws {
        let folder = try copyOfExample()
        let output = folder + "/june.pdf"
        let watch = try RunningProcess(try gazette(), ["build", folder, "--watch", "-o", output])
        defer { _ = watch.stop() }
        try #require(watch.wait(upTo: 120) { $0.stdout.contains("wrote \(output)") }, "\(watch.stderr)")
        Thread.sleep(forTimeInterval: 2)
        #expect(occurrences(of: "wrote ", in: watch.stdout) == 1)
        #expect(!watch.stderr.contains("changed:"))
        #expect(watch.stop() == 0)
    }

    @Test func watchRebuildsWhenTheLayoutFileChanges() throws {
        let folder = try copyOfExample()
        let layouts = try temporaryFolder()
        let layout = layouts + "/mine.yaml"
        try "extends: monthly\n".write(toFile: layout, atomically: true, encoding: .utf8)
        let output = try temporaryFolder() + "/june.pdf"
        let watch = try RunningProcess(try gazette(), ["build", folder, "--watch", "--layout", layout, "-o", output])
        defer { _ = watch.stop() }
        try #require(watch.wait(upTo: 120) { occurrences(of: "wrote ", in: $0.stdout) >= 1 }, "\(watch.stderr)")

        try "extends: monthly\npage:\n  size: Lettr\n".write(toFile: layout, atomically: true, encoding: .utf8)
        try #require(watch.wait(upTo: 120) { $0.stderr.contains("not written: 1 error") }, "\(watch.stderr)")
        #expect(watch.stderr.contains("changed: \(layout)"))
        #expect(watch.stderr.contains("\(layout):3:9: error: unknown page size 'Lettr'"))

        try "extends: monthly\npage:\n  size: Letter\n".write(toFile: layout, atomically: true, encoding: .utf8)
        try #require(watch.wait(upTo: 120) { occurrences(of: "wrote ", in: $0.stdout) >= 2 }, "\(watch.stderr)")
        #expect(watch.stop() == 0)
    }

    // MARK: new

    @Test func newDigestBuildsFromAnyFolder() throws {
        let folder = try temporaryFolder() + "/2024-07"
        let created = try run(gazette(), ["new", folder, "--title", "The Weekly: \"Quoted\"", "--sections", "National, Economy ,Sports"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("gazette build \(folder) --watch"))
        let yaml = try String(contentsOfFile: folder + "/digest.yaml", encoding: .utf8)
        #expect(yaml.contains(#"title: "The Weekly: \"Quoted\"""#))
        #expect(yaml.contains(#"edition: "July 2024""#), "edition from the folder's name")
        #expect(yaml.contains("  - \"Economy\"\n  - \"Sports\"\n"))
        #expect(pngSize(folder + "/images/sample-chart.png").map { $0.width == 960 } == true)

        let check = try run(gazette(), ["check", folder], in: "/")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty, "the sample has no warnings: \(check.stderr)")
        #expect(check.stdout.contains("1 article in 1 section, no errors"))

        let pdf = try temporaryFolder() + "/m.pdf"
        let build = try run(gazette(), ["build", folder, "--output", pdf], in: "/")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: pdf))
        // Every construct is in the PDF: a callout, a table, a timeline, a figure, a quiz.
        let text = try run(tool("pdftotext"), [pdf, "-"]).stdout
        for phrase in ["Why in news", "What you do", "Gutenberg", "Quick fact", "sample chart", "Practice Questions", "Answer Key",
                       "1 Every article is one Markdown file"] {
            #expect(text.contains(phrase), "'\(phrase)' in the sample's PDF")
        }
    }

    @Test func newNeverOverwritesAFile() throws {
        let folder = try temporaryFolder() + "/m"
        #expect(try run(gazette(), ["new", folder]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/digest.yaml"))
        try "title: Mine\n".write(toFile: folder + "/digest.yaml", atomically: true, encoding: .utf8)

        let again = try run(gazette(), ["new", folder])
        #expect(again.status == 1)
        #expect(again.stderr.contains("'\(folder)' already holds a digest.yaml"))
        #expect(try String(contentsOfFile: folder + "/digest.yaml", encoding: .utf8) == "title: Mine\n")
        #expect(before.count > 100)

        // A folder with only a picture of the user's in the sample's place is refused too.
        let other = try temporaryFolder() + "/n"
        try FileManager.default.createDirectory(atPath: other + "/images", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: other + "/images/sample-chart.png"))
        let refused = try run(gazette(), ["new", other])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already exists; gazette new never overwrites a file"))
        #expect(try String(contentsOfFile: other + "/images/sample-chart.png", encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: other + "/digest.yaml"))
    }

    @Test func newArticleFillsInItsFrontMatter() throws {
        let folder = try temporaryFolder() + "/m"
        #expect(try run(gazette(), ["new", folder]).status == 0)
        let result = try run(gazette(), ["new", "article", folder, "--title", "Monsoon Session: Zürich's \"Day One\"",
                                         "--section", "economy", "--date", "2024-07-22"])
        #expect(result.status == 0, "\(result.stderr)")
        let path = folder + "/articles/monsoon-session-zurichs-day-one.md"
        #expect(result.stdout.contains("created \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Monsoon Session: Zürich's \\\"Day One\\\"\"\ndate: 2024-07-22\nsection: \"Economy\"\n"))
        #expect(try run(gazette(), ["check", folder]).status == 0)

        let again = try run(gazette(), ["new", "article", folder, "--title", "Monsoon session — Zurich's day one", "--section", "Economy"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(again.stderr.contains("--slug"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)

        let today = try run(gazette(), ["new", "article", folder, "--title", "मानसून सत्र", "--section", "National"])
        #expect(today.status == 0, "\(today.stderr)")
        let hindi = try FileManager.default.contentsOfDirectory(atPath: folder + "/articles").filter { $0.hasPrefix("manasuna") }
        #expect(hindi.count == 1, "a transliterated slug")
        let components = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let date = String(format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
        #expect(try String(contentsOfFile: folder + "/articles/" + (hindi.first ?? ""), encoding: .utf8).contains("date: \(date)\n"))
    }

    @Test(arguments: [
        (["--section", "Sprts"], "--section 'Sprts' is not in digest.yaml; did you mean 'Sports'?"),
        (["--section", "Economy", "--date", "2024-02-30"], "--date '2024-02-30' is not a date; write it as YYYY-MM-DD"),
        (["--section", "Economy", "--slug", "Not A Slug"], "--slug 'Not A Slug' may hold only"),
    ])
    func newArticleRejectsBadOptionsAsUsageErrors(options: [String], message: String) throws {
        let folder = try temporaryFolder() + "/m"
        #expect(try run(gazette(), ["new", folder]).status == 0)
        let result = try run(gazette(), ["new", "article", folder, "--title", "A Title"] + options)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/articles").count == 1)
    }

    @Test func newArticleNeedsADigest() throws {
        let folder = try temporaryFolder()
        let result = try run(gazette(), ["new", "article", folder, "--title", "A Title", "--section", "National"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(folder)/digest.yaml: error: no digest.yaml in '\(folder)'; start a digest with: gazette new \(folder)"))
    }

    // MARK: progress, verbosity, version, completions

    @Test func progressOnlyOnATerminal() throws {
        let piped = try run(gazette(), ["build", hardMonth, "-o", try temporaryFolder() + "/h.pdf"],
                            environment: ["GAZETTE_PROGRESS_DELAY": "0"])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("\u{1B}"), "no progress into a pipe")
        #expect(!piped.stderr.contains("laying out"))

        // `script` gives the build a terminal; skip where util-linux's script is missing.
        guard let script = try? tool("script") else { return }
        let pdf = try temporaryFolder() + "/h.pdf"
        let command = "'\(try gazette())' build '\(hardMonth)' -o '\(pdf)'"
        let terminal = try run(script, ["-qec", command, "/dev/null"], environment: ["GAZETTE_PROGRESS_DELAY": "0", "TERM": "xterm"])
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("\r\u{1B}[K"), "the line is drawn and erased")
        #expect(terminal.stdout.contains(" ["), "a bar")
        #expect(terminal.stdout.contains("wrote \(pdf)"))
        // The bar is erased before anything else is printed: no line break follows a bar
        // before the next erase.
        let segments = terminal.stdout.components(separatedBy: "\r\u{1B}[K")
        let bars = segments.filter { $0.contains(" [#") || $0.contains(" [.") }
        #expect(!bars.isEmpty)
        for bar in bars { #expect(!bar.contains("\n"), "a message printed over the bar: \(bar)") }
    }

    @Test func quietPrintsOnlyErrorsAndVerboseSaysMore() throws {
        let quiet = try run(gazette(), ["build", hardMonth, "-o", try temporaryFolder() + "/h.pdf", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "warnings are not errors: \(quiet.stderr)")

        let verbose = try run(gazette(), ["build", exampleMonth, "-o", try temporaryFolder() + "/e.pdf", "--verbose"])
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("resources from \(repositoryRoot)"))
        #expect(verbose.stderr.contains("laid out "))
        #expect(verbose.stdout.contains("wrote "))

        let both = try run(gazette(), ["build", exampleMonth, "-q", "-v"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--quiet and --verbose cannot be used together"))
    }

    @Test func versionAndCompletionScripts() throws {
        let version = try run(gazette(), ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
        for shell in ["bash", "zsh", "fish"] {
            let script = try run(gazette(), ["--generate-completion-script", shell])
            #expect(script.status == 0)
            for word in ["preview", "watch", "article", "---completion preview -- --article"] {
                #expect(script.stdout.contains(word), "\(shell) completes \(word)")
            }
        }
        // What the scripts call to complete `--article`: the slugs of the digest being typed.
        let slugs = try run(gazette(), ["---completion", "preview", "--", "--article", "4", "2",
                                        "gazette", "preview", sharedCorpus, "--article", "he"])
        #expect(slugs.stdout == "heatwave-2024\n")
        let folder = try temporaryFolder() + "/m"
        #expect(try run(gazette(), ["new", folder, "--sections", "National, Economy"]).status == 0)
        let sections = try run(gazette(), ["---completion", "new", "article", "--", "--section", "5", "0",
                                           "gazette", "new", "article", folder, "--section", ""])
        #expect(sections.stdout == "National\nEconomy\n")
    }

    // MARK: exit codes and installation

    @Test func internalErrorsExitSeventyWithOneShortLine() throws {
        let home = try run(gazette(), ["build", exampleMonth], environment: ["GAZETTE_HOME": "/nonexistent"])
        #expect(home.status == 70)
        #expect(home.stderr == "gazette: error: GAZETTE_HOME is '/nonexistent', which holds no Fonts/NotoSerif-Regular.ttf; point it at the folder that holds Fonts/ and Layouts/, or unset it\n")

        let blocker = try temporaryFolder() + "/file"
        try Data().write(to: URL(fileURLWithPath: blocker))
        let unwritable = try run(gazette(), ["build", exampleMonth, "-o", blocker + "/june.pdf"])
        #expect(unwritable.status == 70)
        #expect(unwritable.stderr
            == "gazette: error: could not write '\(blocker)/june.pdf': '\(blocker)' is a file, not a folder\n")
        #expect(!unwritable.stderr.contains("Fatal") && !unwritable.stderr.contains("Stack"))
    }

    @Test func anInstalledCopyFindsItsResourcesFromAnyFolder() throws {
        // The layout `make install` makes: PREFIX/bin/gazette and PREFIX/share/gazette/{Fonts,Layouts}.
        let prefix = try temporaryFolder()
        let files = FileManager.default
        try files.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try files.createDirectory(atPath: prefix + "/share/gazette", withIntermediateDirectories: true)
        try files.copyItem(atPath: try gazette(), toPath: prefix + "/bin/gazette")
        try files.createSymbolicLink(atPath: prefix + "/share/gazette/Fonts", withDestinationPath: repositoryRoot + "/Fonts")
        if files.fileExists(atPath: repositoryRoot + "/Layouts") {
            try files.copyItem(atPath: repositoryRoot + "/Layouts", toPath: prefix + "/share/gazette/Layouts")
        }
        let month = prefix + "/m"
        let pdf = prefix + "/m.pdf"
        // Called by name through PATH, from the root folder, as an editor would.
        let shell = "gazette new '\(month)' && cd / && gazette build '\(month)' --output '\(pdf)' --verbose"
        let path = prefix + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try run("/bin/sh", ["-c", shell], environment: ["PATH": path, "GAZETTE_HOME": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("resources from \(prefix)/share/gazette"))
        #expect(files.fileExists(atPath: pdf))
    }
}

/// Pages of the shared month as built in its own layout (fewer than 40, which the tests rely on).
private func corpusPageCount() throws -> Int {
    let info = try run(tool("pdfinfo"), [RenderedDigest.corpus.pdf]).stdout
    let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
    let count = try #require(Int(line.split(separator: " ").last ?? ""))
    #expect(count < 40)
    return count
}

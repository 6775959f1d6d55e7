import Diagnostics
import DigestModel
import DigestReader
import Foundation

/// `GET /d/NAME`: a digest's sections and articles, the problems `check` finds (each one
/// opening its file at its line), the forms that build the PDF and handouts, the files
/// built so far.
struct DigestPage {
    var root: RootFolder
    var folder: DigestFolder
    var inspection: Inspections.Inspection
    var layouts: [String]
    var jobs: [BuildJob]
    /// How much work is ahead of a waiting job in the workshop (`Workshop.position(of:)`).
    var position: (UUID) -> Int? = { _ in nil }

    var places: Places { Places(root: root, folder: folder) }

    func render() -> HTML {
        let digest = inspection.digest ?? DigestReader.read(folder: folder.path).digest
        let heading = DigestHeading(folder, digest: digest)
        return """
            <h1>\(heading.title) <span class="edition">\(heading.edition)</span></h1>
            <div data-changes="\(Changes.address(folder, key: inspection.key))"></div>
            <nav class="actions"><a href="\(Address.path(["d", folder.name, "preview"]))">Preview pages</a></nav>
            \(problems())
            \(digest.map(sections) ?? articleFiles())
            \(buildForms(digest))
            \(files())
            \(recentBuilds())
            """
    }

    private func problems() -> HTML {
        let diagnostics = inspection.diagnostics
        guard !diagnostics.isEmpty else { return "<section><h2>Problems</h2><p class=\"good\">None: the digest builds.</p></section>" }
        let items: [HTML] = diagnostics.map { diagnostic in
            let place = diagnostic.location.map(places.text) ?? ""
            let link = diagnostic.location.flatMap(places.editAddress)
            let placeMarkup: HTML = place.isEmpty ? .empty
                : link.map { "<a class=\"place\" href=\"\($0)\">\(place)</a> " } ?? "<span class=\"place\">\(place)</span> "
            return """
                <li class="\(diagnostic.severity.rawValue)">\(placeMarkup)<span class="severity">\(diagnostic.severity.rawValue)</span>: \
                \(diagnostic.message)\(diagnostic.hint.map { "; \($0)" } ?? "")</li>
                """
        }
        return """
            <section><h2>Problems <span class="count">\(Console.count(diagnostics))</span></h2>
            <ul class="problems">\(items)</ul></section>
            """
    }

    private func sections(_ digest: Digest) -> HTML {
        let parts: [HTML] = digest.sections.filter { !$0.articles.isEmpty }.map { section in
            let rows: [HTML] = section.articles.map(articleRow)
            return """
                <h3>\(section.name)</h3>
                <table class="articles"><thead><tr><th>Article</th><th>Date</th><th>Words</th><th>Warnings</th><th></th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        }
        return "<section><h2>Articles</h2>\(parts)</section>"
    }

    /// The article files, when the digest has errors and so no sections: each can still
    /// be opened and fixed.
    private func articleFiles() -> HTML {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/articles")) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        let rows: [HTML] = names.map { name in
            let file = folder.path + "/articles/" + name
            let problems = inspection.diagnostics.filter { $0.location?.file == file }.count
            let edit = places.editAddress(SourceLocation(file: file)) ?? "#"
            return "<tr><td><a href=\"\(edit)\">\(name)</a></td><td class=\"number\(problems > 0 ? " warn" : "")\">\(problems)</td></tr>"
        }
        return """
            <section><h2>Article files</h2>
            <table class="articles"><thead><tr><th>File</th><th>Problems</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }

    private func articleRow(_ article: Article) -> HTML {
        let file = article.location.file
        let warnings = inspection.diagnostics.filter { $0.location?.file == file }.count
        let edit = places.editAddress(SourceLocation(file: file)) ?? "#"
        let page = inspection.result?.pages(ofArticle: article.slug).map { $0.lowerBound + 1 }
        let preview: HTML = page.map {
            "<a href=\"\(Address.path(["d", folder.name, "preview"], query: [("page", String($0))]))\">page \($0)</a>"
        } ?? .empty
        return """
            <tr><td><a href="\(edit)">\(article.title)</a></td><td>\(article.date.description)</td>\
            <td class="number">\(Self.words(in: file))</td>\
            <td class="number\(warnings > 0 ? " warn" : "")">\(warnings)</td><td>\(preview)</td></tr>
            """
    }

    private func buildForms(_ digest: Digest?) -> HTML {
        let own = digest?.layout ?? "monthly"
        let options: [HTML] = layouts.map { name in
            "<option value=\"\(name)\"\(name == own ? " selected" as HTML : .empty)>\(name)</option>"
        }
        let sections: [HTML] = (digest?.sections ?? []).filter { !$0.articles.isEmpty }.map {
            "<option value=\"\($0.name)\">\($0.name)</option>"
        }
        return """
            <section><h2>Build</h2>
            <form method="post" action="\(Address.path(["d", folder.name, "build"]))" class="build">
            <label>Layout <select name="layout">\(options)</select></label>
            <button type="submit">Build the PDF</button>
            </form>
            <form method="post" action="\(Address.path(["d", folder.name, "handout"]))" class="build">
            <label>Articles <select name="section"><option value="">every article</option>\(sections)</select></label>
            <label>Pages per sheet <select name="nup"><option value="2" selected>2</option><option value="4">4</option>\
            <option value="1">1</option></select></label>
            <label><input type="checkbox" name="booklet" value="on"> booklet</label>
            <label><input type="checkbox" name="grayscale" value="on"> grayscale</label>
            <label>Answers <select name="answers"><option value="end">at the end</option>\
            <option value="separate">separate file</option><option value="none">none</option></select></label>
            <button type="submit">Build handouts</button>
            </form>
            <h2>Import</h2>
            <form method="post" action="\(Address.path(["d", folder.name, "import"]))" enctype="multipart/form-data" class="build">
            <label>From <select name="kind"><option value="wordpress">a WordPress export (.xml)</option>\
            <option value="html">saved web pages (.html, with their pictures)</option><option value="text">page text (.txt)</option></select></label>
            <label>Files <input type="file" name="file" multiple required \
            accept=".xml,.html,.htm,.txt,.png,.jpg,.jpeg,.gif,.webp,.svg"></label>
            <label>Month <input name="month" placeholder="YYYY-MM" size="8"></label>
            <label>Section <input name="section" size="14"></label>
            <label>Date <input name="date" placeholder="YYYY-MM-DD" size="10"></label>
            <button type="submit">Import</button>
            </form></section>
            """
    }

    private func files() -> HTML {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.outputFolder)) ?? [])
            .filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else { return .empty }
        let items: [HTML] = names.map { name in
            let date = (try? FileManager.default.attributesOfItem(atPath: folder.outputFolder + "/" + name))?[.modificationDate] as? Date
            return "<li><a href=\"\(Address.path(["d", folder.name, "files", name]))\" download>\(name)</a> \(date.map(HomePage.timestamp) ?? "")</li>"
        }
        return "<section><h2>Files</h2><ul class=\"files\">\(items)</ul></section>"
    }

    private func recentBuilds() -> HTML {
        guard !jobs.isEmpty else { return .empty }
        let items: [HTML] = jobs.prefix(10).map { job in
            "<li><a href=\"\(Address.path(["d", folder.name, "builds", job.id.uuidString]))\">\(job.title)</a> \(HomePage.timestamp(job.started)) · \(JobPage.summary(job.state, position: position(job.id)))</li>"
        }
        return "<section><h2>Recent builds</h2><ul>\(items)</ul></section>"
    }

    /// The words of an article's text: whitespace-separated, front matter left out.
    static func words(in file: String) -> Int {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return 0 }
        var body = Substring(text)
        if body.hasPrefix("---\n"), let end = body.dropFirst(4).range(of: "\n---") {
            body = body[end.upperBound...]
        }
        return body.split(whereSeparator: { $0.isWhitespace }).count
    }
}

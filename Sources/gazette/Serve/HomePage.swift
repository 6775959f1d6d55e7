import DigestReader
import Foundation

/// `GET /`: every digest under the root, with its title, edition, articles, last build and
/// problems (from the last check; a check is queued for any digest changed since).
struct HomePage {
    var root: RootFolder
    var inspections: Inspections

    func render() -> HTML {
        let digests = root.digests()
        let rows: [HTML] = digests.map(row)
        let table: HTML = digests.isEmpty
            ? "<p class=\"message\">No digest here: a digest is a folder with a digest.yaml. Make one with <code>gazette new 2024-07</code>.</p>"
            : """
              <table class="digests">
              <thead><tr><th>Digest</th><th>Edition</th><th>Articles</th><th>Last build</th><th>Problems</th></tr></thead>
              <tbody>
              \(rows)
              </tbody>
              </table>
              """
        return """
            <h1>Digests</h1>
            \(table)
            """
    }

    private func row(_ folder: DigestFolder) -> HTML {
        inspections.refresh(folder)
        let reading = DigestReader.read(folder: folder.path)
        let heading = DigestHeading(folder, digest: reading.digest)
        let title = heading.title, edition = heading.edition
        let articles = reading.digest.map { String($0.articles.count) } ?? "–"
        let problems: String
        if let inspection = inspections.last(folder) {
            problems = inspection.diagnostics.isEmpty ? "none" : Console.count(inspection.diagnostics)
        } else {
            problems = reading.diagnostics.isEmpty ? "being checked" : Console.count(reading.diagnostics)
        }
        return """
            <tr><td><a href="\(Address.path(["d", folder.name]))">\(title)</a> <span class="folder">\(folder.name)</span></td>\
            <td>\(edition)</td><td class="number">\(articles)</td><td>\(Self.lastBuild(folder))</td>\
            <td class="problems">\(problems)</td></tr>
            """
    }

    /// When the digest's PDF was last built from this server, or `never`.
    static func lastBuild(_ folder: DigestFolder) -> String {
        let pdf = folder.outputFolder + "/" + folder.name + ".pdf"
        guard let date = (try? FileManager.default.attributesOfItem(atPath: pdf))?[.modificationDate] as? Date else {
            return "never"
        }
        return timestamp(date)
    }

    /// `2024-06-30 14:03`, local time.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

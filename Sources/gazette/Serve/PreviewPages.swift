import Foundation
import Hummingbird
import PDFRenderer

/// `GET /d/NAME/preview?page=N` and `GET /d/NAME/pages/N.png`: the digest's pages as
/// pictures, drawn by `PDFRenderer.writePNG`, the PDF's own drawing code (as `gazette
/// preview` does), so what an editor sees is what prints.
///
/// Each picture is drawn once for a state of the digest's files and kept in
/// `.gazette/previews/KEY/`; a save makes a new key, and the pictures of older keys are
/// removed when the first of the new ones is drawn.
struct PreviewPages {
    var folder: DigestFolder
    var inspection: Inspections.Inspection
    var workshop: Workshop

    /// Pixels per inch of a thumbnail and of a page at reading size.
    static let thumbnailDPI = 24.0
    static let readingDPI = 96.0

    func page(_ number: Int) throws -> HTML {
        guard let result = inspection.result else {
            return """
                <h1>Preview <span class="edition">\(folder.name)</span></h1>
                <p class="message">The digest has errors, so it has no pages yet.
                <a href="\(Address.path(["d", folder.name]))">See its problems</a>.</p>
                """
        }
        let count = result.document.pages.count
        guard (1...max(1, count)).contains(number), count > 0 else { throw Refusal.notFound }
        let previous: HTML = number > 1
            ? "<a rel=\"prev\" href=\"\(address(number - 1))\">← Previous</a>" : "<span>← Previous</span>"
        let next: HTML = number < count
            ? "<a rel=\"next\" href=\"\(address(number + 1))\">Next →</a>" : "<span>Next →</span>"
        let thumbnails: [HTML] = (1...count).map { index in
            """
            <a href="\(address(index))"\(index == number ? " class=\"current\"" as HTML : .empty)>\
            <img src="\(picture(index, thumbnail: true))" alt="page \(index)" loading="lazy" width="50"></a>
            """
        }
        let articles: [HTML] = (inspection.digest?.articles ?? []).compactMap { article in
            guard let range = result.pages(ofArticle: article.slug) else { return nil }
            return "<option value=\"\(address(range.lowerBound + 1))\">\(article.title) (page \(range.lowerBound + 1))</option>"
        }
        return """
            <h1>Preview <span class="edition">\(folder.name)</span></h1>
            <div data-changes="\(Changes.address(folder, key: inspection.key))"></div>
            <nav class="pager"><a href="\(Address.path(["d", folder.name]))">Back to \(folder.name)</a> \
            \(previous) <span class="number">page \(number) of \(count)</span> \(next)
            <select class="jump" aria-label="Jump to an article"><option value="">Jump to an article…</option>\(articles)</select></nav>
            <div class="preview">
            <div class="thumbnails">\(thumbnails)</div>
            <img class="page" src="\(picture(number, thumbnail: false))" alt="page \(number)">
            </div>
            """
    }

    func address(_ number: Int) -> String {
        Address.path(["d", folder.name, "preview"], query: [("page", String(number))])
    }

    func picture(_ number: Int, thumbnail: Bool) -> String {
        Address.path(["d", folder.name, "pages", "\(number).png"], query: thumbnail ? [("size", "thumbnail")] : [])
    }

    /// The PNG of page `number` (1-based), drawn in the workshop unless already kept.
    func png(_ number: Int, thumbnail: Bool, ifNoneMatch: String?) async throws -> Response {
        guard let result = inspection.result, number >= 1, number <= result.document.pages.count else {
            throw Refusal.notFound
        }
        let dpi = thumbnail ? Self.thumbnailDPI : Self.readingDPI
        let tag = "\"\(inspection.key)-\(number)-\(Int(dpi))\""
        var headers = HTTPFields()
        headers[.eTag] = tag
        headers[.cacheControl] = "no-cache"
        if ifNoneMatch == tag { return Response(status: .notModified, headers: headers) }
        let keyFolder = folder.previewFolder + "/" + inspection.key
        let path = keyFolder + "/page-\(number)-\(Int(dpi)).png"
        if !FileManager.default.fileExists(atPath: path) {
            let page = result.document.pages[number - 1]
            let previews = folder.previewFolder, key = inspection.key
            try await workshop.perform {
                guard !FileManager.default.fileExists(atPath: path) else { return }
                Self.removeOtherKeys(in: previews, keeping: key)
                try AtomicFile.write(to: path) { temporary in
                    try PDFRenderer.writePNG(page, dpi: dpi, to: temporary)
                }
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Refusal.notFound }
        return Reply.file(data, type: "image/png", extra: headers)
    }

    private static func removeOtherKeys(in folder: String, keeping key: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name != key {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}

import Foundation
import Hummingbird

/// `GET` and `POST /d/NAME/edit/PATH`: a digest's text file in a text area, and saving it.
///
/// Nothing an editor wrote is ever lost:
/// - the page carries a hash of the file as it was loaded; a save whose hash no longer
///   matches the file on disk (someone saved it meanwhile, in a text editor or by git pull)
///   is refused with 409 and a page that shows both versions, the editor's still in the
///   text area to save again; the refused text is also kept in the history;
/// - before the file is replaced, the version on disk is copied to
///   `.gazette/history/PATH/TIME.EXT`;
/// - the new text is written with `AtomicFile`, complete or not at all.
enum Edit {
    /// The kinds of file the editor opens.
    static let extensions: Set<String> = ["md", "yaml", "yml"]

    /// The hash the page sends back, of the bytes as they are on disk.
    static func hash(_ data: Data) -> String { ImportManifest.hash(data) }

    static func page(_ folder: DigestFolder, relative: String, text: String, hash: String, line: Int?,
                     notice: HTML = .empty, status: HTTPResponse.Status = .ok) -> Response {
        let action = Address.path(["d", folder.name, "edit"] + relative.split(separator: "/").map(String.init))
        // A text area drops one newline right after its start tag; this one is it.
        return Reply.page(relative, """
            <h1>\(relative) <span class="edition">\(folder.name)</span></h1>
            <p><a href="\(Address.path(["d", folder.name]))">Back to \(folder.name)</a></p>
            \(notice)
            <form method="post" action="\(action)" class="edit">
            <input type="hidden" name="hash" value="\(hash)">
            <textarea name="text" rows="30" spellcheck="true" data-line="\(line ?? 0)">
            \(text)</textarea>
            <button type="submit">Save</button>
            </form>
            """, status: status)
    }

    /// Saves `text` over `path` unless the file changed since `loadedHash`.
    static func save(_ folder: DigestFolder, path: String, relative: String, form: Form) throws -> Response {
        guard let loadedHash = form["hash"], var text = form["text"] else {
            throw Refusal(status: .badRequest, message: "The form is missing its text.")
        }
        guard let current = FileManager.default.contents(atPath: path) else { throw Refusal.notFound }
        let currentText = String(decoding: current, as: UTF8.self)
        // Browsers send a text area's lines ended by CR LF; keep the file's own line ends.
        if !currentText.contains("\r\n") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        let history = History(folder: folder, relative: relative)
        guard hash(current) == loadedHash else {
            try history.keep(Data(text.utf8), note: "unsaved")
            let notice: HTML = """
                <div class="conflict"><p class="message">The file changed on disk after you opened it, so your text \
                was not saved (a copy is kept in the history). The version on disk is shown below; your text is \
                in the box: merge what you need and save again.</p>
                <h2>On disk now</h2><pre class="theirs">\(currentText)</pre><h2>Yours</h2></div>
                """
            return page(folder, relative: relative, text: text, hash: hash(current), line: nil, notice: notice,
                        status: .conflict)
        }
        let data = Data(text.utf8)
        if data != current {
            try history.keep(current, note: nil)
            try AtomicFile.write(to: path) { () -> Data in data }
        }
        return Reply.redirect(to: Address.path(["d", folder.name, "edit"] + relative.split(separator: "/").map(String.init),
                                               query: [("saved", "1")]))
    }
}

/// The earlier versions of one file, in `.gazette/history/PATH/`, one file per version,
/// named by the time it was replaced: `2024-06-30T14-03-05.123Z.md`.
struct History {
    var folder: DigestFolder
    var relative: String

    var place: String { folder.historyFolder + "/" + relative }

    /// Writes `data` as a new version; `note` marks a text that was not saved (`-unsaved`).
    @discardableResult
    func keep(_ data: Data, note: String?) throws -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let stamp = formatter.string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let ext = URL(fileURLWithPath: relative).pathExtension
        var name = stamp + (note.map { "-" + $0 } ?? "")
        // Two saves within one millisecond: the second gets a counter.
        var counter = 1
        while FileManager.default.fileExists(atPath: place + "/" + name + "." + ext) {
            counter += 1
            name = stamp + (note.map { "-" + $0 } ?? "") + "-\(counter)"
        }
        let path = place + "/" + name + "." + ext
        try AtomicFile.write(to: path) { () -> Data in data }
        return path
    }

    /// The versions kept, oldest first.
    func versions() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: place)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}

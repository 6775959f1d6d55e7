import Foundation
import Hummingbird

/// `POST /d/NAME/import`: files uploaded from the digest page, imported as `gazette import`
/// imports them (a WordPress export, saved pages, page text), in the workshop's turn.
///
/// One upload may hold several files, as the command takes them: the pages of an HTML
/// import or the text files of a text import, and, for an HTML or WordPress import, the
/// pictures (a saved page's `_files/` folder, or the site's uploads folder, which the import
/// reads with `--uploads`, given the folder that holds the year folders: `yearFoldersParent`).
/// Every file must be one of the kinds the import reads, by its name's extension (else
/// 415), and all of them together at most `sizeLimit`. They are kept
/// in one folder of `.gazette/uploads/`, each under its folder path as the browser sent it,
/// every part made of safe characters only, so no name reaches outside that folder. The
/// import runs as the `gazette` binary itself, so its report (one line per article, what
/// it kept, what it left out) is shown on the job's page as printed.
struct Importer: Sendable {
    var workshop: Workshop
    var jobs: BuildJobs

    /// The kinds of `gazette import`, each with the file names it takes.
    static let kinds: [String: Set<String>] = ["wordpress": ["xml"], "html": ["html", "htm"], "text": ["txt"]]
    /// The kinds that take pictures beside their sources, and the pictures a digest can hold.
    static let picturesTaken: Set<String> = ["wordpress", "html"]
    static let pictureExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    /// A WordPress export of a few years of posts is some megabytes.
    static let sizeLimit = 20 * 1024 * 1024

    /// One uploaded file: where it goes inside the upload's folder, and its bytes.
    struct Upload {
        var path: String
        var data: Data
        var isSource: Bool
    }

    func start(_ request: Request, digest: DigestFolder) async throws -> BuildJob {
        guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary(contentType:)) else {
            throw Refusal(status: .unsupportedMediaType, message: "Send the files with the import form.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.sizeLimit)
        } catch {
            throw Refusal(status: .contentTooLarge, message: "The files are larger than \(Self.sizeLimit / 1024 / 1024) MB together.")
        }
        guard let form = Multipart(body: Data(buffer: body), boundary: boundary),
              let kind = form.field("kind"), Self.kinds[kind] != nil else {
            throw Refusal(status: .badRequest, message: "Choose the kind of import and its files.")
        }
        let uploads = try Self.uploads(form.parts.filter { $0.name == "file" }, kind: kind)
        let folder = digest.workFolder + "/uploads/" + Self.stamp()
        for upload in uploads {
            let path = folder + "/" + upload.path
            // Safe names cannot leave the folder; this says so where the file is written.
            guard URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(folder + "/") else { throw Refusal.notFound }
            try AtomicFile.write(to: path) { () -> Data in upload.data }
        }
        let sources = uploads.filter(\.isSource).map { folder + "/" + $0.path }
        var arguments = ["import", kind] + sources + ["--into", digest.path]
        let pictures = uploads.filter { !$0.isSource }.map(\.path)
        if !pictures.isEmpty {
            arguments += ["--uploads", folder + (Self.yearFoldersParent(of: pictures).map { "/" + $0 } ?? "")]
        }
        for option in kind == "wordpress" ? ["month"] : ["section", "date"] {
            if let value = form.field(option)?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                arguments += ["--\(option)", value]
            }
        }
        let command = arguments
        let names = uploads.filter(\.isSource).map(\.path)
        let title = names.count == 1 ? names[0] : "\(names.count) files"
        let job = BuildJob(digest: digest, title: "Import of \(title)")
        _ = jobs.add(job)
        workshop.enqueue(id: job.id) {
            job.update("importing \(title)", fraction: 0.1)
            let (status, output) = Self.runGazette(command)
            // The report names the digest and the uploads by their paths; the page by their names.
            job.log = output.replacingOccurrences(of: folder + "/", with: "").replacingOccurrences(of: folder, with: "the upload")
                .replacingOccurrences(of: digest.path, with: digest.name)
            job.finish(status == 0 ? .finished(files: [], diagnostics: [])
                                   : .failed(diagnostics: [], message: "the import stopped; its report is below"))
        }
        return job
    }

    /// The uploaded files that the import of `kind` reads, each under its safe path.
    ///
    /// A picture without a folder, uploaded with one saved page, goes into that page's
    /// `_files/` folder, where the page links to it; what a browser saves beside a page and
    /// the import never reads (its scripts, style sheets, frames) is left out.
    /// - Throws: `Refusal` 415 for a file of another kind, 400 for no source, two files of
    ///   one name, or more than one WordPress export.
    static func uploads(_ parts: [Multipart.Part], kind: String) throws -> [Upload] {
        let extensions = kinds[kind] ?? []
        let takesPictures = picturesTaken.contains(kind)
        var uploads: [Upload] = []
        for part in parts {
            guard let original = part.filename, !original.isEmpty, !part.data.isEmpty else { continue }
            let path = safePath(original)
            let last = path.split(separator: "/").last.map(String.init) ?? path
            let ext = URL(fileURLWithPath: last).pathExtension.lowercased()
            let inPageFiles = path.split(separator: "/").dropLast().contains { $0.hasSuffix("_files") }
            if extensions.contains(ext), !inPageFiles {
                uploads.append(Upload(path: path, data: part.data, isSource: true))
            } else if takesPictures, pictureExtensions.contains(ext) {
                uploads.append(Upload(path: path, data: part.data, isSource: false))
            } else if kind == "html", inPageFiles {
                continue
            } else {
                let taken = extensions.union(takesPictures ? pictureExtensions : []).sorted().map { "." + $0 }
                throw Refusal(status: .unsupportedMediaType,
                              message: "A \(kind) import takes \(taken.joined(separator: ", ")) files, not '\(last)'.")
            }
        }
        let sources = uploads.filter(\.isSource)
        guard !sources.isEmpty else {
            throw Refusal(status: .badRequest, message: "Choose the files to import: \(extensions.sorted().map { "." + $0 }.joined(separator: " or ")).")
        }
        if kind == "wordpress", sources.count > 1 {
            throw Refusal(status: .badRequest, message: "A WordPress import reads one export file; upload them one at a time.")
        }
        if sources.count == 1, !sources[0].path.contains("/") {
            let pageFiles = URL(fileURLWithPath: sources[0].path).deletingPathExtension().lastPathComponent + "_files/"
            if kind == "html" {
                for index in uploads.indices where !uploads[index].isSource && !uploads[index].path.contains("/") {
                    uploads[index].path = pageFiles + uploads[index].path
                }
            }
        }
        var seen: Set<String> = []
        for upload in uploads where !seen.insert(upload.path).inserted {
            throw Refusal(status: .badRequest, message: "Two of the files are both named '\(upload.path)'.")
        }
        return uploads
    }

    /// The folder, inside the upload, that holds WordPress's year folders: `wp-content/uploads`
    /// for `wp-content/uploads/2024/06/pic.jpg`; nil when that is the upload's own folder, or
    /// when the pictures are in no year folders or do not agree on one.
    ///
    /// The import's `--uploads` looks a picture up by the part of its address after
    /// `wp-content/uploads/` (`2024/06/pic.jpg`), so it must be given that folder; an editor
    /// who uploads the site's whole uploads folder sends the pictures under the folders above
    /// it, as the browser names them (`uploads/2024/06/pic.jpg`).
    static func yearFoldersParent(of pictures: [String]) -> String? {
        let parents = Set(pictures.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            // A year, a month, and a file below them.
            guard let year = parts.indices.dropLast(2).first(where: { isNumber(parts[$0], digits: 4) && isNumber(parts[$0 + 1], digits: 2) })
            else { return nil }
            return parts[..<year].joined(separator: "/")
        })
        guard parents.count == 1, let parent = parents.first, !parent.isEmpty else { return nil }
        return parent
    }

    private static func isNumber(_ part: Substring, digits: Int) -> Bool {
        part.count == digits && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
    }

    /// `pages/Report (2).html` → `pages/Report-2-.html`: each folder and the name made
    /// safe (`safeName`), empty parts dropped, so the path stays inside the upload's folder.
    static func safePath(_ name: String) -> String {
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).filter { $0 != "." && $0 != ".." }.map { safeName(String($0)) }
        return parts.isEmpty ? "upload" : parts.joined(separator: "/")
    }

    /// `Report (2).xml` → `Report-2-.xml`: letters, digits, `.`, `-` and `_` only.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
        let kept = String(last.unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar)))
                ? Character(scalar) : "-"
        })
        return kept.hasPrefix(".") ? "upload" + kept : kept
    }

    private static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date()) + "-" + String(UUID().uuidString.prefix(8))
    }

    /// Runs this very binary with `arguments`; its status and everything it printed.
    static func runGazette(_ arguments: [String]) -> (Int32, String) {
        let process = Process()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-import-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: output) else { return (70, "cannot capture the import's report") }
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            return (70, "the import could not be started")
        }
        process.waitUntilExit()
        try? handle.close()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}

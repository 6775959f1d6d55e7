import Foundation
import Hummingbird

/// `POST /d/NAME/import`: a file uploaded from the digest page, imported as `gazette import`
/// imports it (a WordPress export, a saved page, page text), in the workshop's turn.
///
/// The upload must be one of the import's kinds, by its kind and its name's extension, and
/// at most `sizeLimit`; it is kept in `.gazette/uploads/` under a name made of safe
/// characters only. The import runs as the `gazette` binary itself, so its report (one line
/// per article, what it kept, what it left out) is shown on the job's page as printed.
struct Importer: Sendable {
    var workshop: Workshop
    var jobs: BuildJobs

    /// The kinds of `gazette import`, each with the file names it takes.
    static let kinds: [String: Set<String>] = ["wordpress": ["xml"], "html": ["html", "htm"], "text": ["txt"]]

    /// A WordPress export of a few years of posts is some megabytes.
    static let sizeLimit = 20 * 1024 * 1024

    func start(_ request: Request, digest: DigestFolder) async throws -> BuildJob {
        guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary(contentType:)) else {
            throw Refusal(status: .unsupportedMediaType, message: "Send the file with the import form.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.sizeLimit)
        } catch {
            throw Refusal(status: .contentTooLarge, message: "The file is larger than \(Self.sizeLimit / 1024 / 1024) MB.")
        }
        guard let form = Multipart(body: Data(buffer: body), boundary: boundary),
              let kind = form.field("kind"), let extensions = Self.kinds[kind],
              let file = form["file"], let original = file.filename, !file.data.isEmpty else {
            throw Refusal(status: .badRequest, message: "Choose the kind of import and a file.")
        }
        let name = Self.safeName(original)
        guard extensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased()) else {
            throw Refusal(status: .unsupportedMediaType,
                          message: "A \(kind) import takes \(extensions.sorted().map { "." + $0 }.joined(separator: " or ")) files.")
        }
        let upload = digest.workFolder + "/uploads/" + Self.stamp() + "-" + name
        try AtomicFile.write(to: upload) { () -> Data in file.data }
        var arguments = ["import", kind, upload, "--into", digest.path]
        for option in kind == "wordpress" ? ["month"] : ["section", "date"] {
            if let value = form.field(option)?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                arguments += ["--\(option)", value]
            }
        }
        let command = arguments
        let job = BuildJob(digest: digest, title: "Import of \(name)")
        _ = jobs.add(job)
        workshop.enqueue(id: job.id) {
            job.update("importing \(name)", fraction: 0.1)
            let (status, output) = Self.runGazette(command)
            // The report names the digest and the upload by their paths; the page by their names.
            job.log = output.replacingOccurrences(of: upload, with: name).replacingOccurrences(of: digest.path, with: digest.name)
            job.finish(status == 0 ? .finished(files: [], diagnostics: [])
                                   : .failed(diagnostics: [], message: "the import stopped; its report is below"))
        }
        return job
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

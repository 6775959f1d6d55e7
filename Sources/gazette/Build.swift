import ArgumentParser
import Diagnostics
import DigestModel
import Foundation
import Layout
import LayoutSpec
import PDFFinishing
import PDFRenderer
import PageModel
import TextShaping

/// `gazette build`: the whole digest as one PDF, once or (`--watch`) at every save.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a digest folder to a PDF.",
        discussion: """
            Reads DIGEST/digest.yaml and DIGEST/articles/*.md. On any error in the input, prints \
            every diagnostic, exits 1 and writes nothing; an existing output file is left untouched.

            With --watch, builds once, then rebuilds whenever a file of the digest (digest.yaml, \
            an article, an image) or of its layout changes, printing what changed, how long the \
            build took and any problems. It keeps running after an error; Ctrl-C stops it.
            """)

    @Argument(help: "The digest folder (holds digest.yaml and articles/).", completion: .directory)
    var digest: String

    @Option(name: [.short, .long], help: "The PDF to write (default: Output/<folder name>.pdf).",
            completion: .file(extensions: ["pdf"]))
    var output: String?

    @Flag(help: "Keep running and rebuild whenever a file of the digest or its layout changes.")
    var watch = false

    @OptionGroup var layout: LayoutOptions

    @OptionGroup var messages: OutputOptions

    /// Where the PDF goes: `--output`, else `Output/<folder name>.pdf`.
    var outputPath: String {
        output ?? "Output/\(URL(fileURLWithPath: digest).standardized.lastPathComponent).pdf"
    }

    func run() throws {
        let console = Console(verbosity: messages.verbosity)
        let resources = try Resources.locate()
        console.detail("resources from \(resources.home)")
        let pipeline = Pipeline(resources: resources, layout: layout, strict: messages.strict)
        if watch {
            DigestWatch(folder: digest, outputPath: outputPath, pipeline: pipeline, console: console).run()
        }
        Interruption.handle(console: console, exitCode: 130)
        let outcome = try buildOnce(pipeline, folder: digest, to: outputPath, console: console,
                                    finishingMemory: .deferred)
        if outcome.result == nil { throw ExitStatus.inputError }
    }
}

/// Reads, lays out and writes one PDF, printing the diagnostics and a `wrote …` line.
///
/// The PDF is written beside `path` and renamed over it only when complete, so a failed
/// run leaves last month's file as it was.
/// - Returns: what the pipeline produced; `result` is nil when the input had errors and
///   nothing was written. Once the PDF is drawn, the result keeps no pages and the digest
///   no sections (its settings stay): they would add to the finishing pass's peak.
/// - Throws: `InternalError` when the PDF cannot be written, or the pipeline's own errors
///   (fonts that cannot be loaded).
/// - Parameter finishingMemory: `.deferred` when the process ends after this build, so qpdf's
///   copy of the file need not be freed piece by piece.
func buildOnce(_ pipeline: Pipeline, folder: String, to path: String, console: Console,
               finishingMemory: PDFFinishing.MemoryRelease = .now) throws -> Pipeline.Outcome {
    let started = Date()
    console.progress.start("reading \(folder)")
    defer { console.clearProgress() }
    var outcome = try pipeline.layOut(folder: folder, console: console)
    guard var result = outcome.result else {
        console.clearProgress()
        console.report(outcome.diagnostics)
        return outcome
    }
    if pipeline.layout.edition == nil, let editions = outcome.spec?.editions, !editions.isEmpty {
        return try buildEditions(editions, pipeline, folder: folder, to: path, console: console,
                                 finishingMemory: finishingMemory)
    }
    let pages = result.document.pages.count
    let writing = Date()
    console.progress.update("writing \(plural(pages, "page"))", fraction: Pipeline.Share.writing)
    do {
        let images = outcome.spec.map { ImageOptions(maxResolution: $0.output.imageResolution,
                                                     jpegQuality: $0.output.jpegQuality) } ?? .original
        try AtomicFile.write(to: path) { temporary in
            // The pages are let go as they are drawn, the rest before qpdf holds the whole file
            // in memory, so none of it adds to either peak (60 MB at 400 articles for the tree,
            // the placements and the list of elements written; 9 the articles as read).
            // Callers look only at whether a result exists and at the digest's settings.
            var document = result.document
            result.dropDrawnContent()
            outcome.result?.dropDrawnContent()
            var rendered = try PDFRenderer.renderPDF(releasingPagesOf: &document, name: path, images: images,
                                                     furnitureApart: true)
            let finishing = Date()
            var pass = PDFFinishing(document, rendered: rendered)
            pass.memoryRelease = finishingMemory
            document.structure = StructureTree()
            outcome.digest?.sections = []
            rendered.structure.elements = []
            rendered.furniture = nil
            try rendered.bytes.withUnsafeBytes { try pass.apply(to: $0, name: path, writingTo: temporary) }
            console.detail("drew the furniture and completed the structure tree, artifacts and PDF/UA identification with qpdf \(PDFFinishing.libraryVersion) in "
                               + seconds(since: finishing))
        }
    } catch {
        throw InternalError("could not write '\(path)': \(error)")
    }
    console.detail("wrote \(plural(pages, "page")) in \(seconds(since: writing))")
    console.clearProgress()
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var diagnostics = outcome.diagnostics
    if let budget = outcome.spec?.output.sizeBudget, size > budget {
        diagnostics.append(.warning(
            "'\(path)' is \(fileSize(size)), above the layout's size budget of \(fileSize(budget))", at: nil,
            hint: "lower output.image-resolution or output.jpeg-quality, or raise output.size-budget"))
    }
    console.report(diagnostics)
    console.result("wrote \(path): \(plural(pages, "page")), \(fileSize(size)) in \(seconds(since: started))")
    var reported = outcome
    reported.diagnostics = diagnostics
    return reported
}

/// Builds each of the layout's editions to `<path without .pdf>-<edition>.pdf`, stopping at
/// the first that fails.
private func buildEditions(_ editions: [String], _ pipeline: Pipeline, folder: String, to path: String,
                           console: Console, finishingMemory: PDFFinishing.MemoryRelease) throws -> Pipeline.Outcome {
    let stem = path.hasSuffix(".pdf") ? String(path.dropLast(4)) : path
    var outcome = Pipeline.Outcome(diagnostics: [], result: nil)
    for edition in editions {
        var single = pipeline
        single.layout.edition = edition
        outcome = try buildOnce(single, folder: folder, to: "\(stem)-\(edition).pdf", console: console,
                                finishingMemory: finishingMemory)
        if outcome.result == nil { break }
    }
    return outcome
}

/// A file size for people: "405 KB" below a megabyte, else "1.42 MB" (1 KB = 1024 bytes).
func fileSize(_ bytes: Int) -> String {
    guard bytes >= 1024 * 1024 else { return "\(bytes / 1024) KB" }
    let megabytes = (Double(bytes) / (1024 * 1024) * 100).rounded() / 100
    return "\(megabytes) MB"
}

/// `SOURCE_DATE_EPOCH` as an ISO 8601 date, when set: reproducible builds pin the date with it.
func reproducibleDate() -> String? {
    guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(value) else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
}

extension FileHandle {
    func write(_ string: String) { write(Data(string.utf8)) }
}

extension LayoutResult {
    /// Lets go of what only drawing needed: the pages, the structure tree and the placements.
    mutating func dropDrawnContent() {
        document.pages = []
        document.structure = StructureTree()
        placements = []
    }
}

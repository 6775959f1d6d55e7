import ArgumentParser
import Diagnostics
import Foundation
import Layout
import PDFRenderer

/// `gazette preview`: a few pages as PNG files, to look at one page without opening the PDF.
/// Pages go through `PDFRenderer.writePNG`, the PDF's own drawing code, so what an editor
/// sees is what prints.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw pages of a digest as PNG images, exactly as they will print.",
        discussion: """
            Lays the digest out as `build` does and draws the chosen pages through the same \
            drawing code as the PDF, one PNG per page, named after its page number in the PDF: \
            page-001.png, page-002.png, … Existing files of those names are replaced.

            Examples:
              gazette preview 2024-06 --pages 1,3-5 --output proofs
              gazette preview 2024-06 --article heatwave-2024 --dpi 150
            """)

    @Argument(help: "The digest folder (holds digest.yaml and articles/).", completion: .directory)
    var digest: String

    @Option(help: ArgumentHelp("The pages to draw, counted from the cover as a viewer counts them (not the printed folios): 1,3-5, or 7- for page 7 to the end. Default: every page.",
                               valueName: "pages"),
            transform: { try PageSelection(parsing: $0) })
    var pages: PageSelection?

    @Option(help: ArgumentHelp("Draw the pages of one article, named by its file name without .md.", valueName: "slug"),
            completion: .custom(Preview.completeSlugs))
    var article: String?

    @Option(help: "Resolution in pixels per inch: 96 for the screen, 150 or 300 to check details.")
    var dpi: Double = 96

    @Option(name: [.short, .long], help: "The folder for the PNG files (default: Output/<folder name>-pages).",
            completion: .directory)
    var output: String?

    @OptionGroup var layout: LayoutOptions

    @OptionGroup var messages: OutputOptions

    /// Resolutions cairo draws in reasonable time and memory for an A4 page.
    static let dpiRange = 10.0...1200.0

    func validate() throws {
        if pages != nil, article != nil {
            throw ValidationError("--pages and --article cannot be used together; give the pages of the PDF with --pages, or one article with --article")
        }
        guard dpi.isFinite, Self.dpiRange.contains(dpi) else {
            throw ValidationError("--dpi \(Self.format(dpi)) is out of range; give a resolution from 10 to 1200, such as 96 or 300")
        }
    }

    func run() throws {
        let started = Date()
        let console = Console(verbosity: messages.verbosity)
        let pipeline = Pipeline(resources: try Resources.locate(), layout: layout, strict: messages.strict)
        Interruption.handle(console: console, exitCode: 130)
        console.progress.start("reading \(digest)")
        defer { console.clearProgress() }
        let outcome = try pipeline.layOut(folder: digest, console: console)
        guard let result = outcome.result else {
            console.clearProgress()
            console.report(outcome.diagnostics)
            throw ExitStatus.inputError
        }
        let indices = try selectedPages(of: result, slugs: outcome.digest?.articles.map(\.slug) ?? [])
        let folder = output ?? "Output/\(URL(fileURLWithPath: digest).standardized.lastPathComponent)-pages"
        let digits = max(3, String(result.document.pages.count).count)
        var names: [String] = []
        for (count, index) in indices.enumerated() {
            let name = "page-\(Self.padded(index + 1, to: digits)).png"
            let fraction = Pipeline.Share.writing + (1 - Pipeline.Share.writing) * Double(count) / Double(indices.count)
            console.progress.update("drawing page \(index + 1) (\(count + 1) of \(indices.count))", fraction: fraction)
            let path = folder + "/" + name
            do {
                try AtomicFile.write(to: path) { temporary in
                    try PDFRenderer.writePNG(result.document.pages[index], dpi: dpi, to: temporary)
                }
            } catch {
                throw InternalError("could not write '\(path)': \(error)")
            }
            names.append(name)
        }
        console.clearProgress()
        console.report(outcome.diagnostics)
        let listed = names.count <= 4 ? names.joined(separator: ", ")
            : "\(names[0]), \(names[1]), … \(names[names.count - 1])"
        console.result("wrote \(plural(names.count, "page")) to \(folder)/ at \(Self.format(dpi)) dpi: \(listed) in \(seconds(since: started))")
    }

    /// The 0-based pages `--pages` or `--article` ask for; every page when neither is given.
    /// - Throws: `UsageError` for a page past the end or an article not in the digest.
    private func selectedPages(of result: LayoutResult, slugs: [String]) throws -> [Int] {
        let count = result.document.pages.count
        if let article {
            guard let range = result.pages(ofArticle: article) else {
                let near = Suggestion.closest(to: article, in: slugs)
                    ?? slugs.sorted().first { $0.hasPrefix(article.lowercased()) || $0.contains(article.lowercased()) }
                let hint = near.map { "did you mean '\($0)'?" }
                    ?? "give the file name of an article without .md, such as '\(slugs.first ?? "heatwave-2024")'"
                throw UsageError(command: "preview", message: "no article '\(article)' in \(digest); \(hint)")
            }
            return Array(range)
        }
        guard let pages else { return Array(0..<count) }
        do {
            return try pages.pages(in: count)
        } catch let problem as PageSelection.Problem {
            throw UsageError(command: "preview", message: "--pages: \(problem.description)")
        }
    }

    private static func padded(_ number: Int, to digits: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `96`, or `72.5` when the resolution is not whole.
    private static func format(_ dpi: Double) -> String {
        dpi.isFinite && dpi == dpi.rounded() && abs(dpi) < 1e9 ? String(Int(dpi)) : String(dpi)
    }

    /// Shell completion for `--article`: the articles of the digest folder on the command line.
    @Sendable static func completeSlugs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        for word in words.dropFirst() where !word.hasPrefix("-") {
            let articles = (try? FileManager.default.contentsOfDirectory(atPath: word + "/articles")) ?? []
            let slugs = articles.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            if !slugs.isEmpty { return slugs.filter { $0.hasPrefix(prefix) }.sorted() }
        }
        return []
    }
}

import ArgumentParser
import Diagnostics
import DigestModel
import DigestReader
import Foundation
import Geometry
import Imposition
import Layout
import LayoutSpec
import PDFFinishing
import PDFRenderer
import PageModel
import TextShaping

/// `gazette handout`: articles as sheets to print for a class, in one PDF or one per article,
/// optionally two or four to a sheet, as a booklet, in gray, with crop marks.
struct Handout: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print articles as class handouts: blanks for name, class and date, questions, notes lines, answers.",
        discussion: """
            Each article starts on a new page with blanks for the pupil's name, class and date, \
            is set in the `handout` layout (unless --layout says otherwise), and ends with its \
            questions (without answers) and ruled lines for notes down to the foot of the page. \
            The answer key follows on pages of its own (--answers end), goes to a file of its \
            own named like the output with -answers (--answers separate), or is left out.

            The pages can then be put on sheets: --nup 2 (two pages side by side, landscape), \
            --nup 4 (four on a portrait sheet), or --booklet (folded sheets to staple in the \
            middle, printed on both sides, flipped on the short edge). --grayscale turns every \
            colour and picture gray; --crop-marks adds trim marks and --bleed around each sheet.

            Examples:
              gazette handout 2024-06 --article nalanda-university-campus --output nalanda.pdf
              gazette handout 2024-06 --section Economy --nup 2 --grayscale --output economy.pdf
              gazette handout 2024-06 --per-article Output/handouts --answers separate
            """)

    @Argument(help: "The digest folder (holds digest.yaml and articles/).", completion: .directory)
    var digest: String

    @Option(name: .customLong("article"), parsing: .singleValue,
            help: ArgumentHelp("An article to print, by its file name without .md; repeat for more. Default: every article.",
                               valueName: "slug"),
            completion: .custom(Preview.completeSlugs))
    var articles: [String] = []

    @Option(help: ArgumentHelp("Print the articles of this section (as named in digest.yaml).", valueName: "name"))
    var section: String?

    @Option(help: ArgumentHelp("Pages per sheet: 2 (side by side, landscape) or 4 (two by two, portrait).", valueName: "2|4"))
    var nup: Int?

    @Flag(help: "Order the pages as a saddle-stitched booklet, two to each side of a sheet.")
    var booklet = false

    @Option(help: ArgumentHelp("The paper the sheets are printed on. Default: the page's own paper turned to suit (--nup 2: landscape) or, for a booklet, twice the page's width.",
                               valueName: "A4|A3|Letter"))
    var sheet: SheetPaper?

    @Flag(help: "Turn every colour, tint and picture into gray, for a black-and-white printer.")
    var grayscale = false

    @Flag(name: .customLong("crop-marks"), help: "Draw trim marks around each sheet and set its TrimBox and BleedBox.")
    var cropMarks = false

    @Option(help: ArgumentHelp("How far printing runs past the trim, with --crop-marks (default 3mm).", valueName: "length"))
    var bleed: String?

    @Option(help: ArgumentHelp("Where the answer key goes: end (after the articles), separate (its own file), none.",
                               valueName: "end|separate|none"))
    var answers: HandoutLayout.Answers = .end

    @Option(name: [.short, .long], help: "The PDF to write (default: Output/<folder name>-handout.pdf).",
            completion: .file(extensions: ["pdf"]))
    var output: String?

    @Option(name: .customLong("per-article"), help: "Write one PDF per article into this folder, named <slug>.pdf.",
            completion: .directory)
    var perArticle: String?

    @OptionGroup var layout: LayoutOptions

    @OptionGroup var messages: OutputOptions

    func validate() throws {
        if let nup, nup != 2, nup != 4 {
            throw ValidationError("--nup \(nup) is not supported; give 2 (two pages side by side) or 4 (two by two)")
        }
        if nup != nil, booklet {
            throw ValidationError("--nup and --booklet cannot be used together; a booklet already puts two pages on each side of a sheet")
        }
        if output != nil, perArticle != nil {
            throw ValidationError("--output and --per-article cannot be used together; give one PDF with --output, or a folder with --per-article")
        }
        if bleed != nil, !cropMarks {
            throw ValidationError("--bleed needs --crop-marks; add --crop-marks to print trim marks with a bleed")
        }
        if let bleed {
            guard let length = Units.length(bleed), length >= .zero, length <= .mm(20) else {
                throw ValidationError("--bleed '\(bleed)' is not a length from 0 to 20mm; give one such as 3mm or 0.125in")
            }
        }
        if sheet != nil, nup == nil, !booklet {
            throw ValidationError("--sheet needs --nup or --booklet; without them each page prints on its own paper")
        }
    }

    /// Where the single PDF goes: `--output`, else `Output/<folder name>-handout.pdf`.
    var outputPath: String {
        output ?? "Output/\(URL(fileURLWithPath: digest).standardized.lastPathComponent)-handout.pdf"
    }

    /// The layout options with `handout` as the default layout.
    var handoutLayout: LayoutOptions {
        var options = layout
        if options.layout == nil { options.layout = "handout" }
        return options
    }

    func run() throws {
        let started = Date()
        let console = Console(verbosity: messages.verbosity)
        let pipeline = Pipeline(resources: try Resources.locate(), layout: handoutLayout, strict: messages.strict)
        Interruption.handle(console: console, exitCode: 130)
        console.progress.start("reading \(digest)")
        defer { console.clearProgress() }
        let outcome = try make(with: pipeline, console: console)
        console.clearProgress()
        console.report(outcome.diagnostics)
        let written = outcome.written
        guard !written.isEmpty else { throw ExitStatus.inputError }
        let listed = written.count <= 3 ? written.joined(separator: ", ")
            : "\(written[0]), \(written[1]), … \(written[written.count - 1])"
        console.result("wrote \(plural(written.count, "file")): \(listed) in \(seconds(since: started))")
    }

    /// What `make` did: every diagnostic, and the files written (none when there were errors).
    struct Outcome {
        var diagnostics: [Diagnostic]
        var written: [String]
    }

    /// Reads, lays out and writes the handouts without reporting anything: `run` prints the
    /// outcome, `gazette serve` shows it on a page.
    /// - Throws: `UsageError` for an article or section the digest does not have; `InternalError`
    ///   when a PDF cannot be written.
    func make(with pipeline: Pipeline, console: Console) throws -> Outcome {
        let prepared = try pipeline.prepare(folder: digest, console: console)
        guard let ready = prepared.ready else { return Outcome(diagnostics: prepared.diagnostics, written: []) }
        let chosen = try selection(in: ready.digest)
        guard !chosen.isEmpty else {
            throw UsageError(command: "handout", message: "\(digest) has no articles to print; add one with `gazette new article`")
        }
        let press = Press(grayscale: grayscale, nup: nup.flatMap(Imposition.Grid.init(rawValue:)), booklet: booklet,
                          sheet: sheet?.size, bleed: cropMarks ? (bleed.flatMap(Units.length) ?? .mm(3)) : nil,
                          language: ready.digest.language)
        var diagnostics = prepared.diagnostics
        var written: [String] = []
        let jobs: [(articles: [Article], path: String)] = perArticle.map { folder in
            chosen.map { ([$0], folder + "/" + $0.slug + ".pdf") }
        } ?? [(chosen, outputPath)]
        // Every handout is laid out before any is written, so that `--strict` writes none
        // when one of them has a warning.
        var laidOut: [(path: String, result: HandoutResult)] = []
        for (index, job) in jobs.enumerated() {
            console.progress.update("laying out \(job.articles.count == 1 ? job.articles[0].slug : plural(job.articles.count, "article"))",
                                    fraction: 0.1 + 0.9 * Double(index) / Double(jobs.count))
            let result = HandoutLayout.layout(job.articles, of: ready.digest, spec: ready.spec, shaper: ready.shaper,
                                              hyphenator: ready.hyphenator, answers: answers,
                                              creationDate: reproducibleDate())
            diagnostics += pipeline.strictly(result.warnings)
            laidOut.append((job.path, result))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return Outcome(diagnostics: diagnostics, written: []) }
        for (path, result) in laidOut {
            try press.write(result.document, to: path)
            written.append(path)
            if let key = result.answers {
                let answersPath = Self.answersPath(for: path)
                try press.write(key, to: answersPath)
                written.append(answersPath)
            }
        }
        return Outcome(diagnostics: diagnostics, written: written)
    }

    /// `june.pdf` → `june-answers.pdf`, beside it.
    static func answersPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + "-answers.pdf").path
    }

    /// The articles `--article` and `--section` name, in the digest's order; every article
    /// when neither is given.
    /// - Throws: `UsageError` for a slug or section the digest does not have.
    func selection(in digest: Digest) throws -> [Article] {
        let all = digest.articles
        let slugs = all.map(\.slug)
        for slug in articles where !slugs.contains(slug) {
            let hint = Suggestion.closest(to: slug, in: slugs).map { "did you mean '\($0)'?" }
                ?? "give the file name of an article without .md, such as '\(slugs.first ?? "heatwave-2024")'"
            throw UsageError(command: "handout", message: "no article '\(slug)' in \(self.digest); \(hint)")
        }
        var sectionArticles: [Article] = []
        if let section {
            let names = digest.sections.map(\.name)
            guard let found = digest.sections.first(where: { $0.name.lowercased() == section.lowercased() }) else {
                let hint = Suggestion.closest(to: section, in: names).map { "did you mean '\($0)'?" }
                    ?? "the sections are \(names.map { "'\($0)'" }.joined(separator: ", "))"
                throw UsageError(command: "handout", message: "no section '\(section)' in \(self.digest); \(hint)")
            }
            guard !found.articles.isEmpty else {
                throw UsageError(command: "handout", message: "section '\(found.name)' has no articles to print")
            }
            sectionArticles = found.articles
        }
        if articles.isEmpty, section == nil { return all }
        let wanted = Set(articles).union(sectionArticles.map(\.slug))
        return all.filter { wanted.contains($0.slug) }
    }
}

/// The paper sizes `--sheet` offers.
enum SheetPaper: String, ExpressibleByArgument, CaseIterable {
    case a4 = "A4", a3 = "A3", letter = "Letter"

    init?(argument: String) {
        guard let paper = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else { return nil }
        self = paper
    }

    var size: Size { PaperSize.named(rawValue) ?? PaperSize.a4 }
}

extension HandoutLayout.Answers: ExpressibleByArgument {}

/// What happens to finished pages on their way to paper: gray, on sheets, with trim marks;
/// then the PDF, written whole or not at all.
struct Press {
    var grayscale: Bool
    var nup: Imposition.Grid?
    var booklet: Bool
    var sheet: Size?
    /// With crop marks: how far printing runs past the trim; nil without crop marks.
    var bleed: Length?
    var language: String

    /// The pages as they go on paper, and the page boxes the PDF needs for them.
    func impose(_ document: PagedDocument) -> (PagedDocument, PDFFinishing) {
        var pages = grayscale ? Imposition.grayscale(document) : document
        if let nup {
            pages = Imposition.nUp(pages, grid: nup, sheet: sheet.map { Imposition.sheet($0, for: nup) })
        } else if booklet {
            pages = Imposition.booklet(pages, sheet: sheet)
        }
        var finishing = PDFFinishing(language: language)
        if let bleed {
            let marked = Imposition.cropMarks(pages, bleed: bleed)
            pages = marked.document
            for (index, (page, boxes)) in zip(pages.pages, marked.sheets).enumerated() {
                finishing.pageBoxes[index] = PDFFinishing.PageBoxes(trim: pdfRect(boxes.trim, on: page.size),
                                                                    bleed: pdfRect(boxes.bleed, on: page.size))
            }
        }
        return (pages, finishing)
    }

    /// Writes `document`, imposed, to `path` through a temporary file.
    func write(_ document: PagedDocument, to path: String) throws {
        let (pages, finishing) = impose(document)
        do {
            try AtomicFile.write(to: path) { temporary in
                let rendered = try PDFRenderer.renderPDF(pages, name: path, furnitureApart: true)
                var finishing = finishing
                // A handout not put on sheets keeps its structure tree (imposed sheets have none).
                finishing.complete(pages, rendered: rendered)
                try rendered.bytes.withUnsafeBytes { try finishing.apply(to: $0, name: path, writingTo: temporary) }
            }
        } catch {
            throw InternalError("could not write '\(path)': \(error)")
        }
    }

    /// `rect` (y down from the top) in PDF coordinates (y up from the bottom of `page`).
    private func pdfRect(_ rect: Rect, on page: Size) -> Rect {
        Rect(x: rect.minX, y: page.height - rect.maxY, width: rect.width, height: rect.height)
    }
}

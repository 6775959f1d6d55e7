// gazette-bench: micro-benchmarks of Gazette's hot paths, in release mode.
//
//   swift build -c release --product gazette-bench
//   .build/release/gazette-bench [--digest DIR] [--root DIR] [--seconds S] [--filter NAME] [--layout NAME]
//
// Each benchmark runs once to warm up, then repeatedly until it has used `--seconds` (default 1)
// and at least three runs; it prints the median and fastest CPU time of a run (ms), the median
// wall time, and the CPU time per operation (per call, paragraph, page or article). Timings on a
// shared 2-core machine are noisy, CPU time less so: compare runs made back to back, and use
// callgrind (Benchmarks/profile.sh) to judge small changes.
//
// What each benchmark measures (all on the same digest, default the shared sample month):
//   read            DigestReader: the folder into a Digest (YAML, cmark-gfm, conventions).
//   shaper-init     TextShaper(fontDirectory:): the private fontconfig set-up and Pango context.
//   shape-short     TextShaper.lines with no width, one call per distinct short string of the
//                   digest (words, dates, table cells) on a fresh shaper: the cost of one call.
//   shape-repeat    the same calls again on a warm shaper, as a layout repeats its labels.
//   break-paragraph TextShaper.lines of every body paragraph, justified at the column width:
//                   shaping plus Pango's line breaking.
//   layout          DigestLayout.layout: composing blocks, shaping, column filling, balancing and
//                   pagination of the whole digest (a fresh TextShaper each run).
//   draw-pdf        PDFRenderer.writePDF of the laid-out digest (cairo, font subsetting, images).
import DigestModel
import DigestReader
import Foundation
import Geometry
import Layout
import LayoutSpec
import PDFRenderer
import PageModel
import TextShaping

struct Options {
    var root = FileManager.default.currentDirectoryPath
    var digest: String?
    var seconds = 1.0
    var filter: String?
    var layout = "monthly"

    init(_ arguments: [String]) {
        var index = 1
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--root": root = value()
            case "--digest": digest = value()
            case "--seconds": seconds = Double(value()) ?? 1
            case "--filter": filter = value()
            case "--layout": layout = value()
            case "-h", "--help":
                print("usage: gazette-bench [--digest DIR] [--root DIR] [--seconds S] [--filter NAME] [--layout NAME]")
                exit(0)
            default: fail("unknown argument '\(arguments[index])'")
            }
            index += 1
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gazette-bench: \(message)\n".utf8))
    exit(2)
}

/// Seconds on `clock`: the monotonic clock for wall time, the process CPU-time clock for CPU time.
func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` once to warm up, then until `seconds` have passed (three runs at least);
/// prints one row of the table. `operations` is how many units one run handles.
///
/// CPU time is reported beside wall time: on a machine other processes share, it moves far
/// less than wall time (the work is single-threaded, so the two agree on a quiet machine).
func measure(_ name: String, operations: Int, unit: String, options: Options, _ body: () throws -> Void) rethrows {
    if let filter = options.filter, !name.contains(filter) { return }
    try body()
    var wall: [Double] = []
    var cpu: [Double] = []
    let start = now()
    while wall.count < 3 || (now() - start < options.seconds && wall.count < 1000) {
        let (w0, c0) = (now(), now(CLOCK_PROCESS_CPUTIME_ID))
        try body()
        wall.append(now() - w0)
        cpu.append(now(CLOCK_PROCESS_CPUTIME_ID) - c0)
    }
    wall.sort()
    cpu.sort()
    let median = cpu[cpu.count / 2]
    let perOperation = median / Double(max(operations, 1))
    let perText = perOperation >= 1e-3 ? String(format: "%.2f ms", perOperation * 1e3)
        : String(format: "%.1f µs", perOperation * 1e6)
    func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let space = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + space : space + text
    }
    func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1e3) }
    print("| \(pad(name, 16, left: true)) | \(pad(String(wall.count), 5)) | \(pad(ms(median), 10)) | "
          + "\(pad(ms(cpu[0]), 11)) | \(pad(ms(wall[wall.count / 2]), 10)) | "
          + "\(pad("\(operations) \(unit)", 18)) | \(pad(perText, 13)) |")
}

// MARK: - Workloads

let options = Options(CommandLine.arguments)
let digestFolder = options.digest ?? (options.root + "/../shared/corpus/2024-06")
let fontFolder = options.root + "/Fonts"

let reading = DigestReader.read(folder: digestFolder)
guard let digest = reading.digest else {
    fail("cannot read '\(digestFolder)': \(reading.diagnostics.map(\.description).joined(separator: "; "))")
}
let probeShaper = try TextShaper(fontDirectory: fontFolder)
let library = LayoutLibrary(folders: [options.root + "/Layouts"], knownFamilies: probeShaper.families(),
                            imageProbe: { ImageProbe.probe(path: $0) })
let (loadedSpec, specDiagnostics) = library.load(options.layout)
guard let spec = loadedSpec else {
    fail("cannot load layout '\(options.layout)': \(specDiagnostics.map(\.description).joined(separator: "; "))")
}

let body = FontStyle(family: spec.fonts.body, size: spec.text.size)
let black = Color(red: 0, green: 0, blue: 0)

/// Every paragraph of the digest (top level, in lists, callouts and quotes) as plain text.
func paragraphs(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
        switch block.content {
        case .paragraph(let inlines): [inlines.plainText]
        case .list(let list): list.items.flatMap(paragraphs)
        case .callout(let callout): paragraphs(callout.blocks)
        case .quote(let blocks): paragraphs(blocks)
        default: []
        }
    }
}

/// Short strings a layout measures one by one: words, timeline dates, table cells.
func shortStrings(_ articles: [Article]) -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    func add(_ text: String) { if !text.isEmpty, text.utf8.count <= 40, seen.insert(text).inserted { result.append(text) } }
    func walk(_ blocks: [Block]) {
        for block in blocks {
            switch block.content {
            case .paragraph(let inlines): inlines.plainText.split(separator: " ").prefix(8).forEach { add(String($0)) }
            case .list(let list): list.items.forEach(walk)
            case .callout(let callout): walk(callout.blocks)
            case .timeline(let events): events.forEach { add($0.when) }
            case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach { add($0.plainText) }
            default: break
            }
        }
    }
    for article in articles { walk(article.blocks); add(article.title) }
    return result
}

let articleParagraphs = digest.articles.flatMap { article in paragraphs(article.blocks).map { (article.language, $0) } }
let shorts = shortStrings(digest.articles)

print("gazette-bench: \(digestFolder) — \(digest.articles.count) articles, \(articleParagraphs.count) paragraphs, "
      + "\(shorts.count) short strings; layout '\(options.layout)'")
print("| benchmark        | runs  | CPU median | CPU fastest | wall median | per run            | CPU per operation |")
print("|------------------|------:|-----------:|------------:|-----------:|-------------------:|--------------:|")

measure("read", operations: digest.articles.count, unit: "articles", options: options) {
    _ = DigestReader.read(folder: digestFolder)
}

try measure("shaper-init", operations: 1, unit: "shapers", options: options) {
    _ = try TextShaper(fontDirectory: fontFolder)
}

// A fresh shaper per run: every string is shaped by Pango, none comes from the shaper's memo.
try measure("shape-short", operations: shorts.count, unit: "calls", options: options) {
    let fresh = try TextShaper(fontDirectory: fontFolder)
    for text in shorts {
        _ = fresh.lines([TextSpan(text, font: body, color: black)], width: nil,
                        style: ParagraphStyle(alignment: .left, language: digest.language))
    }
}

// The same strings asked for again, as a layout asks for its labels, markers and dates.
let shaper = try TextShaper(fontDirectory: fontFolder)
measure("shape-repeat", operations: shorts.count, unit: "calls", options: options) {
    for text in shorts {
        _ = shaper.lines([TextSpan(text, font: body, color: black)], width: nil,
                         style: ParagraphStyle(alignment: .left, language: digest.language))
    }
}

measure("break-paragraph", operations: articleParagraphs.count, unit: "paragraphs", options: options) {
    for (language, text) in articleParagraphs {
        _ = shaper.lines([TextSpan(text, font: body, color: black)], width: spec.page.columnWidth,
                         style: ParagraphStyle(alignment: .justify, language: language))
    }
}

var laidOut: LayoutResult?
try measure("layout", operations: digest.articles.count, unit: "articles", options: options) {
    let layoutShaper = try TextShaper(fontDirectory: fontFolder)
    laidOut = DigestLayout.layout(digest, spec: spec, shaper: layoutShaper, creationDate: "2024-06-30T00:00:00Z")
}

if laidOut == nil, options.filter.map({ "draw-pdf".contains($0) }) ?? false {
    // The drawing benchmark needs a laid-out document even when the layout one was filtered out.
    laidOut = DigestLayout.layout(digest, spec: spec, shaper: try TextShaper(fontDirectory: fontFolder),
                                  creationDate: "2024-06-30T00:00:00Z")
}
if let document = laidOut?.document {
    let path = NSTemporaryDirectory() + "gazette-bench-\(getpid()).pdf"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try measure("draw-pdf", operations: document.pages.count, unit: "pages", options: options) {
        try PDFRenderer.writePDF(document, to: path)
    }
}

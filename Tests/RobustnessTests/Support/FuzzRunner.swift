import Diagnostics
import DigestModel
import DigestReader
import Foundation
import Geometry
import Layout
import LayoutSpec
import PDFFinishing
import PDFRenderer
import PageModel
import TextShaping
import TestSupport

/// Settings of a fuzz run, from the environment: `FUZZ_SEED`, `FUZZ_COUNT`, `FUZZ_START`
/// (to replay one input: `FUZZ_START=<index> FUZZ_COUNT=1`), `FUZZ_RENDER` (0 to skip the
/// PDF), `FUZZ_FINDINGS` (where inputs that failed a check are saved).
struct FuzzSettings {
    var seed: UInt64 = 20_240_601
    var start = 0
    var count: Int
    var render = true
    var findings: String

    init(defaultCount: Int) {
        let environment = ProcessInfo.processInfo.environment
        count = environment["FUZZ_COUNT"].flatMap(Int.init) ?? defaultCount
        if let text = environment["FUZZ_SEED"], let seed = UInt64(text) { self.seed = seed }
        start = environment["FUZZ_START"].flatMap(Int.init) ?? 0
        render = environment["FUZZ_RENDER"] != "0"
        findings = environment["FUZZ_FINDINGS"] ?? NSTemporaryDirectory() + "gazette-fuzz-findings-\(seed)"
    }
}

/// Runs generated inputs through the reader, the layout and the PDF renderer in this
/// process, and checks what a user is promised: no crash, no hang, either a document or
/// error diagnostics that point into the files at fault.
@MainActor
final class FuzzRunner {
    /// What one input did.
    struct Outcome {
        var laidOut: Bool
        var pages: Int
        var errors: Int
        var seconds: Double
        /// Broken promises: a refusal without an error, a diagnostic that points at no line
        /// of the input, a document the renderer refuses (exit 70), too long a run.
        var problems: [String]
        /// Flaws of the layout on hostile but valid input that are known and reported to the
        /// layout's owners (text pushed off the page, a warning without a place).
        var layoutFlaws: [String]
        /// The first error's message without quoted values, to tally why inputs were refused.
        var firstError: String?
    }

    let months: [SeedMonth]
    let shaper: TextShaper
    let spec: LayoutSpec
    /// One working digest folder per seed month: pictures copied once, text files rewritten
    /// for every input. After a crash the last input is still there to replay with `gazette`.
    let workspace: String
    private let watchdog = Watchdog.shared

    init(shaper: TextShaper, spec: LayoutSpec) throws {
        months = try SeedMonth.all()
        self.shaper = shaper; self.spec = spec
        workspace = try temporaryFolder("gazette-fuzz-")
        for month in months {
            let folder = workspace + "/" + month.name
            try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: month.folder + "/images", toPath: folder + "/images")
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: workspace) }

    /// The time an input may take: a fixed allowance plus a share per byte, far above what
    /// any sound input needs (the slowest of 10,000 took a few seconds), so that only a hang
    /// or a runaway blow-up trips it.
    ///
    /// `FUZZ_TIME_SCALE` stretches it for slow builds (AddressSanitizer: `make sanitize`).
    static func timeLimit(forSize size: Int) -> Double {
        let scale = ProcessInfo.processInfo.environment["FUZZ_TIME_SCALE"].flatMap(Double.init) ?? 1
        return (20 + Double(size) * 0.000_2) * scale
    }

    func run(_ input: FuzzInput, render: Bool) throws -> Outcome {
        let folder = workspace + "/" + months[input.month].name
        let files = try write(input, to: folder)
        watchdog.begin("seed \(input.seed) input \(input.index) (\(input.mutated)), files in \(folder)")
        defer { watchdog.end() }

        let clock = ContinuousClock()
        let started = clock.now
        var problems: [String] = []
        var layoutFlaws: [String] = []
        let reading = DigestReader.read(folder: folder)
        let errors = reading.diagnostics.filter { $0.severity == .error }
        problems += check(reading.diagnostics, files: files, folder: folder)
        var pages = 0
        if let digest = reading.digest {
            if !errors.isEmpty { problems.append("a digest came back together with \(errors.count) errors") }
            let result = DigestLayout.layout(digest, spec: spec, shaper: shaper)
            pages = result.document.pages.count
            layoutFlaws += check(result.document)
            for problem in check(result.warnings, files: files, folder: folder) {
                if problem.hasPrefix("diagnostic without a place") { layoutFlaws.append(problem) } else { problems.append(problem) }
            }
            if render {
                let pdf = folder + "/out.pdf"
                do {
                    // As `gazette build` does: cairo, then the qpdf pass that completes the tags.
                    let written = try PDFRenderer.writePDF(result.document, to: pdf)
                    let fixes = written.elements.map {
                        PDFFinishing.StructureFix(key: $0.element, alternativeText: $0.alternativeText,
                                                  language: $0.language, headsColumn: $0.headsColumn,
                                                  listNumbering: $0.listNumbering,
                                                  annotationContents: $0.linkDescription)
                    }
                    try PDFFinishing(language: result.document.metadata.language, structure: fixes).apply(toFileAt: pdf)
                } catch {
                    problems.append("laid out but could not be rendered (gazette would exit 70): \(error)")
                }
                try? FileManager.default.removeItem(atPath: pdf)
            }
        } else if errors.isEmpty {
            problems.append("no digest and no error diagnostic")
        }
        let seconds = (clock.now - started) / .seconds(1)
        if seconds > Self.timeLimit(forSize: input.size) {
            problems.append("took \(seconds) s for \(input.size) bytes")
        }
        let kind = errors.first.map { $0.message.replacing(/'[^']*'/, with: "…") }
        return Outcome(laidOut: reading.digest != nil, pages: pages, errors: errors.count, seconds: seconds,
                       problems: problems, layoutFlaws: Array(Set(layoutFlaws)).sorted(), firstError: kind)
    }

    /// Saves an input's files under `folder` so that `gazette build` can replay it.
    func save(_ input: FuzzInput, under folder: String, problems: [String]) throws -> String {
        let target = folder + "/\(input.index)"
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.createDirectory(atPath: target + "/articles", withIntermediateDirectories: true)
        try? FileManager.default.copyItem(atPath: months[input.month].folder + "/images", toPath: target + "/images")
        _ = try write(input, to: target)
        try Data((problems.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: target + "/FINDING.txt"))
        return target
    }

    /// Writes the input's text files, removing the previous input's articles; returns the
    /// bytes of every file by its path.
    private func write(_ input: FuzzInput, to folder: String) throws -> [String: [UInt8]] {
        let articles = folder + "/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles) {
            try FileManager.default.removeItem(atPath: articles + "/" + name)
        }
        var files: [String: [UInt8]] = [folder + "/digest.yaml": input.digestYAML]
        for article in input.articles { files[articles + "/" + article.name] = article.bytes }
        for (path, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        return files
    }

    /// Every diagnostic names one of the input's files (or the folder) and a line and column
    /// that exist in it.
    private func check(_ diagnostics: [Diagnostic], files: [String: [UInt8]], folder: String) -> [String] {
        var problems: [String] = []
        for diagnostic in diagnostics {
            guard let place = diagnostic.location else {
                problems.append("diagnostic without a place: \(diagnostic)")
                continue
            }
            if diagnostic.message.isEmpty { problems.append("empty message: \(diagnostic)") }
            guard let bytes = files[place.file] else {
                if ![folder, folder + "/articles"].contains(place.file) {
                    problems.append("diagnostic names a file that is not part of the input: \(diagnostic)")
                }
                continue
            }
            if place.isWholeFile { continue }
            let lines = Self.lines(bytes)
            guard place.line >= 1, place.line <= lines.count else {
                problems.append("line \(place.line) of a \(lines.count)-line file: \(diagnostic)")
                continue
            }
            // Columns count characters, so never more than the line's bytes (+1 for its end).
            let length = lines[place.line - 1]
            if place.column < 1 || place.column > length + 1 {
                problems.append("column \(place.column) of a line of \(length) bytes: \(diagnostic)")
            }
        }
        return problems
    }

    /// The byte length of every line, with `\n`, `\r\n` and `\r` ending lines as the reader does.
    static func lines(_ bytes: [UInt8]) -> [Int] {
        var lengths: [Int] = []
        var current = 0
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                lengths.append(current); current = 0
            case 0x0D:
                lengths.append(current); current = 0
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            default:
                current += 1
            }
            index += 1
        }
        lengths.append(current)
        return lengths
    }

    /// Pages exist and every position on them is a finite number on the page or near it.
    private func check(_ document: PagedDocument) -> [String] {
        guard let first = document.pages.first else { return ["laid out with no pages"] }
        var problems: [String] = []
        let size = first.size
        let margin = Length.pt(1)
        func outside(_ point: Point) -> Bool {
            !point.x.points.isFinite || !point.y.points.isFinite
                || point.x < -margin || point.y < -margin
                || point.x > size.width + margin || point.y > size.height + margin
        }
        for (number, page) in document.pages.enumerated() {
            for item in page.items {
                let point: Point
                switch item {
                case .text(let run):
                    point = run.origin
                    if !run.width.points.isFinite { problems.append("page \(number + 1): text of infinite width") }
                    if run.origin.x + run.width > size.width + margin, !run.glyphs.isEmpty {
                        problems.append("page \(number + 1): '\(run.text.prefix(40))' runs past the right edge")
                    }
                case .rule(let rule): point = rule.from
                case .box(let box): point = box.frame.origin
                case .image(let image): point = image.frame.origin
                case .link(let link): point = link.frame.origin
                case .anchor(_, let at): point = at
                case .placed(let placed): point = placed.origin
                case .structure: continue
                case .watermark(let mark): point = mark.center
                }
                if outside(point) {
                    problems.append("page \(number + 1): \(String(describing: item).prefix(160)) is off the page")
                }
            }
        }
        return Array(problems.prefix(5))
    }
}

/// Ends the process with a message naming the input when one input runs far too long: a
/// hang would otherwise stall the test run with no clue to its cause. One thread serves the
/// whole run; `FUZZ_HANG_SECONDS` sets the limit (default 300).
final class Watchdog: Sendable {
    static let shared = Watchdog()

    private let state = Locked<(label: String, started: Date)?>(nil)
    private let limit: TimeInterval

    private init(limit: TimeInterval = ProcessInfo.processInfo.environment["FUZZ_HANG_SECONDS"].flatMap(Double.init) ?? 300) {
        self.limit = limit
        let state = state
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 1)
                if let (label, started) = state.value, Date().timeIntervalSince(started) > limit {
                    FileHandle.standardError.write(Data("fuzz: HANG: \(label) has run for \(Int(limit)) s\n".utf8))
                    exit(3)
                }
            }
        }
    }

    func begin(_ label: String) { state.value = (label, Date()) }
    func end() { state.value = nil }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); defer { lock.unlock() }; stored = newValue }
    }
}

import Diagnostics
import DigestModel
import DigestReader
import Foundation
import Layout
import LayoutSpec
import PDFRenderer
import TextShaping

/// One build from folder to PDF, shared by `build`, `build --watch`, `check` and `preview`.
struct Pipeline {
    var resources: Resources
    var layout: LayoutOptions
    /// `--strict`: every warning is an error, so nothing is laid out or written.
    var strict = false

    /// What a build produced.
    struct Outcome {
        var diagnostics: [Diagnostic]
        /// Nil when the input had errors: nothing was laid out.
        var result: LayoutResult?
        /// The digest as read; nil when reading found errors. `build --watch` reads its
        /// `layout:` to know which layout file to watch.
        var digest: Digest? = nil
        /// The layout used; nil when there was none. `build` reads its `output` settings.
        var spec: LayoutSpec? = nil
    }

    /// How far a run is when each phase starts, for the progress bar: layout is most of it.
    enum Share {
        static let reading = 0.0
        static let layingOut = 0.1
        static let writing = 0.8
    }

    /// What laying out needs, read and resolved but not yet laid out.
    struct Ready {
        var digest: Digest
        var spec: LayoutSpec
        var shaper: TextShaper
        var hyphenator: Hyphenator?
    }

    /// What `prepare` found: the diagnostics, the digest when it could be read (even if its
    /// layout could not be resolved), and what laying out needs when nothing failed.
    struct Prepared {
        var diagnostics: [Diagnostic]
        var digest: Digest? = nil
        var ready: Ready? = nil
    }

    /// Reads `folder` and resolves its layout without laying anything out: the first half of
    /// `layOut`, and all that `handout`, which lays out documents of its own, needs.
    func prepare(folder: String, console: Console? = nil) throws -> Prepared {
        let started = Date()
        console?.progress.update("reading \(plural(Self.articleFileCount(folder), "article"))", fraction: Share.reading)
        let reading = DigestReader.read(folder: folder)
        console?.detail("read \(folder) in \(seconds(since: started))")
        let read = strictly(reading.diagnostics)
        guard let digest = reading.digest, !read.contains(where: { $0.severity == .error }) else {
            return Prepared(diagnostics: read)
        }
        let shaper = try TextShaper(fontDirectory: resources.fonts)
        let (spec, layoutDiagnostics) = layout.resolve(for: digest, resources: resources, families: shaper.families())
        guard let spec else { return Prepared(diagnostics: read + strictly(layoutDiagnostics), digest: digest) }
        let (hyphenator, hyphenation) = hyphenator(for: spec)
        let diagnostics = read + strictly(layoutDiagnostics + hyphenation)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return Prepared(diagnostics: diagnostics, digest: digest) }
        return Prepared(diagnostics: diagnostics, digest: digest,
                        ready: Ready(digest: digest, spec: spec, shaper: shaper, hyphenator: hyphenator))
    }

    /// The diagnostics as `--strict` has them: warnings become errors.
    func strictly(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        strict ? diagnostics.map(\.asError) : diagnostics
    }

    /// Reads and lays out `folder`. Never throws for problems in the input: they are diagnostics.
    /// - Parameter console: told which phase is running, for the progress line and `--verbose`.
    func layOut(folder: String, console: Console? = nil) throws -> Outcome {
        let prepared = try prepare(folder: folder, console: console)
        guard let ready = prepared.ready else {
            return Outcome(diagnostics: prepared.diagnostics, result: nil, digest: prepared.digest)
        }
        let started = Date()
        console?.progress.update("laying out \(plural(ready.digest.articles.count, "article"))", fraction: Share.layingOut)
        let result = DigestLayout.layout(ready.digest, spec: ready.spec, shaper: ready.shaper, hyphenator: ready.hyphenator,
                                         helper: helperShaper(hyphenates: ready.hyphenator != nil),
                                         creationDate: reproducibleDate())
        console?.detail("laid out \(plural(result.document.pages.count, "page")) in \(seconds(since: started)) (fonts from \(resources.fonts))")
        if strict && !result.warnings.isEmpty {
            return Outcome(diagnostics: prepared.diagnostics + strictly(result.warnings), result: nil, digest: ready.digest)
        }
        return Outcome(diagnostics: prepared.diagnostics + result.warnings, result: result, digest: ready.digest,
                       spec: ready.spec)
    }

    /// The hyphenation patterns when the layout hyphenates, or a warning when they cannot be read.
    func hyphenator(for spec: LayoutSpec) -> (Hyphenator?, [Diagnostic]) {
        guard spec.text.hyphenate else { return (nil, []) }
        if let hyphenator = Hyphenator(dictionary: resources.englishHyphenation) { return (hyphenator, []) }
        return (nil, [.warning(
            "the layout hyphenates but '\(resources.englishHyphenation)' cannot be read; text is set without hyphens",
            at: nil, hint: "the patterns ship in Layouts/hyphenation/; reinstall Gazette (make install)")])
    }

    /// A shaper for a second thread to compose articles with, unless `GAZETTE_THREADS=1` asks
    /// for one thread (the output is the same; see `ArticleFlows`).
    func helperShaper(hyphenates: Bool) -> ShaperFactory? {
        guard !Self.oneThread else { return nil }
        let fonts = resources.fonts, dictionary = resources.englishHyphenation
        return {
            guard let shaper = try? TextShaper(fontDirectory: fonts) else { return nil }
            return (shaper, hyphenates ? Hyphenator(dictionary: dictionary) : nil)
        }
    }

    /// True when `GAZETTE_THREADS=1` asks for builds on one thread: the output is the same.
    static var oneThread: Bool { ProcessInfo.processInfo.environment["GAZETTE_THREADS"] == "1" }

    /// The number of `articles/*.md` files, counted before reading so the first phase can say it.
    static func articleFileCount(_ folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/articles")) ?? []
        return names.filter { $0.hasSuffix(".md") }.count
    }
}

import Diagnostics
import DigestModel
import Foundation
import Geometry
import LayoutSpec
import PageModel
import TextShaping

/// Makes a shaper (and hyphenator) of its own for a second thread: Pango is safe on two
/// threads only when they share no font map, so the helper thread never sees the main one's.
public typealias ShaperFactory = @Sendable () -> (shaper: TextShaper, hyphenator: Hyphenator?)?

/// The flows of a digest's articles, composed ahead of pagination on two threads.
///
/// Articles do not depend on each other until they are placed on pages: composing one (shaping
/// and breaking its paragraphs, building its lists, tables and callouts) is half of a build.
/// The main thread asks for the flows in document order, composing and paginating each in
/// turn; a helper thread, with its own shaper, composes from the last article backwards, so
/// the two work on different articles until they meet.
/// Whichever thread composes an article, it does so with a composer of its own whose block
/// numbers start at a value fixed by the article's position, so the result is the same value
/// either way and a parallel build is byte-identical to a serial one.
final class ArticleFlows: @unchecked Sendable {
    struct Job {
        var blocks: [Block]
        var language: String
        var anchorPrefix: String
        var location: SourceLocation
    }

    struct Composed {
        var flow: [FlowItem]
        var headings: [(level: Int, title: String, anchor: String)]
        var warnings: [Diagnostic]
        var blockLocations: [Int: SourceLocation]
        /// The elements of the article's body, under a root of their own that stands for the
        /// article; the flow's structure marks number them in this tree.
        var structure: StructureTree
    }

    private let jobs: [Job]
    private let spec: LayoutSpec
    private let width: Length
    private let mainShaper: TextShaper
    private let mainHyphenator: Hyphenator?
    private let condition = NSCondition()
    /// Guarded by `condition`: jobs `front..<back` are not taken yet; the main thread takes
    /// from the front, the helper from the back. And the finished ones.
    private var front = 0
    private var back: Int
    private var helperRunning = false
    /// The helper's shaper and hyphenator once it has stopped.
    private var retired: (shaper: TextShaper, hyphenator: Hyphenator?)?
    private var results: [Composed?]

    init(jobs: [Job], spec: LayoutSpec, shaper: TextShaper, hyphenator: Hyphenator?, helper: ShaperFactory?) {
        self.jobs = jobs
        self.spec = spec
        width = spec.page.columnWidth
        mainShaper = shaper
        mainHyphenator = hyphenator
        results = Array(repeating: nil, count: jobs.count)
        back = jobs.count
        if let helper, jobs.count > 1 {
            helperRunning = true
            let thread = Thread { [self] in runHelper(helper) }
            thread.name = "gazette-compose"
            thread.start()
        }
    }

    /// The helper thread: composes from the back until the two threads meet, then hands its
    /// shaper over, so that its fonts are released on the main thread (`finish`), after which
    /// no other thread runs. Font libraries are least tested at releasing fonts on one thread
    /// while another uses its own: cairo 1.16, before layout stopped using it, crashed there.
    private func runHelper(_ make: ShaperFactory) {
        var tools = make()
        if let (shaper, hyphenator) = tools {
            while let index = take() { finish(index, compose(index, shaper: shaper, hyphenator: hyphenator)) }
        }
        condition.lock()
        retired = tools
        tools = nil
        helperRunning = false
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the helper thread to stop and returns its shaper, for the caller to keep until
    /// no other thread can be using fonts. Call after the last `flow(at:)`.
    func finish() -> Any? {
        condition.lock()
        defer { condition.unlock() }
        while helperRunning { condition.wait() }
        defer { retired = nil }
        return retired
    }

    /// The flow of article `index`, composed here if no thread has started it yet. Called in
    /// order of `index`, on the main thread.
    func flow(at index: Int) -> Composed {
        condition.lock()
        while results[index] == nil {
            if index >= front, index < back {
                // Nobody has started it: compose it here rather than wait.
                front = index + 1
                condition.unlock()
                let composed = compose(index, shaper: mainShaper, hyphenator: mainHyphenator)
                condition.lock()
                results[index] = composed
            } else {
                condition.wait()
            }
        }
        let composed = results[index]!
        results[index] = nil
        condition.unlock()
        return composed
    }

    private func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard back > front else { return nil }
        back -= 1
        return back
    }

    private func finish(_ index: Int, _ composed: Composed) {
        condition.lock()
        results[index] = composed
        condition.broadcast()
        condition.unlock()
    }

    private func compose(_ index: Int, shaper: TextShaper, hyphenator: Hyphenator?) -> Composed {
        let job = jobs[index]
        let composer = BlockComposer(spec: spec, shaper: shaper, hyphenator: hyphenator,
                                     columnHeight: spec.page.body.height, firstBlockID: (index + 1) << 20)
        var headings: [(level: Int, title: String, anchor: String)] = []
        let flow = composer.flow(job.blocks, width: width, language: job.language, anchorPrefix: job.anchorPrefix,
                                 headings: &headings)
        composer.reportMissingGlyphs(at: job.location)
        return Composed(flow: flow, headings: headings, warnings: composer.warnings,
                        blockLocations: composer.blockLocations, structure: composer.structure)
    }
}

import Dispatch
import DigestModel
import Foundation

/// `gazette build --watch`: build, then rebuild whenever a watched file changes, until
/// Ctrl-C (or SIGTERM) stops it with exit 0.
///
/// Watched: every file of the digest folder (digest.yaml, articles, images, its own
/// `layouts/`), the bundled layouts, and the folder of a layout given as a path. The PDF
/// being written and editors' scratch files are not, so a build never triggers the next.
/// A change is built once the files have stopped changing for one poll, because an editor
/// may save in several steps. Errors in the input are printed and the watch goes on; so do
/// internal errors, such as an output folder that cannot be written for a while.
struct DigestWatch {
    var folder: String
    var outputPath: String
    var pipeline: Pipeline
    var console: Console
    /// Seconds between two looks at the files.
    var interval: TimeInterval = 0.5

    func run() -> Never {
        Interruption.handle(console: console, exitCode: 0, farewell: "stopped watching")
        console.note("watching \(folder) for changes; press Ctrl-C to stop")
        // The first look comes before the first build, so a file saved during it is seen.
        var places = watchedPlaces(for: nil)
        var baseline = snapshot(places)
        var outcome = buildReporting()
        rewatch(for: outcome?.digest, places: &places, baseline: &baseline)
        while true {
            Thread.sleep(forTimeInterval: interval)
            var current = snapshot(places)
            guard current != baseline else { continue }
            current = settled(current, places: places)
            let changes = current.changes(since: baseline)
            baseline = current
            guard !changes.isEmpty else { continue }
            console.note("[\(Self.clock())] changed: \(describe(changes))")
            outcome = buildReporting()
            rewatch(for: outcome?.digest, places: &places, baseline: &baseline)
        }
    }

    /// Follows a `layout:` in digest.yaml that names a file elsewhere. Files watched before
    /// keep their old stamps, so an edit made during the build is still seen. A digest
    /// that could not be read changes nothing: the last known layout stays watched.
    private func rewatch(for digest: Digest?, places: inout [WatchedPlace], baseline: inout FileSnapshot) {
        guard let digest else { return }
        let newPlaces = watchedPlaces(for: digest)
        guard newPlaces != places else { return }
        places = newPlaces
        let fresh = snapshot(places)
        baseline.stamps = fresh.stamps.merging(baseline.stamps.filter { fresh.stamps[$0.key] != nil }) { _, old in old }
    }

    /// Builds once and says how it went; never throws, so the watch goes on.
    private func buildReporting() -> Pipeline.Outcome? {
        do {
            let outcome = try buildOnce(pipeline, folder: folder, to: outputPath, console: console)
            if outcome.result == nil {
                console.note("not written: \(Console.count(outcome.diagnostics)); still watching")
            }
            return outcome
        } catch {
            console.clearProgress()
            FileHandle.standardError.write("gazette: error: \(error)\n")
            console.note("still watching")
            return nil
        }
    }

    /// The digest folder, the bundled layouts, and the folder of a layout named by path
    /// (on the command line or in digest.yaml).
    func watchedPlaces(for digest: Digest?) -> [WatchedPlace] {
        var places: [WatchedPlace] = [.tree(folder), .tree(pipeline.resources.layouts)]
        let layoutFiles: Set<String> = ["yaml", "yml", "png", "jpg", "jpeg"]
        for name in [pipeline.layout.layout, digest?.layout].compactMap({ $0 })
        where name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let folder = URL(fileURLWithPath: name).deletingLastPathComponent().path
            places.append(.folder(folder, extensions: layoutFiles))
        }
        return places
    }

    private func snapshot(_ places: [WatchedPlace]) -> FileSnapshot {
        let output = FileSnapshot.absolute(outputPath)
        return FileSnapshot.take(places) { path in
            path == output || AtomicFile.isTemporary(URL(fileURLWithPath: path).lastPathComponent)
        }
    }

    /// Looks again until two looks agree (at most two seconds), so a save in several steps
    /// is built once, complete.
    private func settled(_ first: FileSnapshot, places: [WatchedPlace]) -> FileSnapshot {
        var last = first
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.1)
            let next = snapshot(places)
            if next == last { break }
            last = next
        }
        return last
    }

    /// `articles/a.md, images/b.png (added)`, paths inside the digest relative to it, at most
    /// five named.
    func describe(_ changes: [FileSnapshot.Change]) -> String {
        let root = FileSnapshot.absolute(folder) + "/"
        let names = changes.map { change in
            let path = change.path.hasPrefix(root) ? String(change.path.dropFirst(root.count)) : change.path
            return change.kind == .modified ? path : "\(path) (\(change.kind.rawValue))"
        }
        let shown = names.prefix(5).joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }

    /// The wall-clock time of day, `14:03:05`: the watch log is for a person at a terminal.
    static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}

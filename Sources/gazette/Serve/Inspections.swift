import Diagnostics
import DigestModel
import Foundation
import Layout

/// What `gazette check` finds in a digest, worked out once for each state of its files and
/// kept: the digest page shows its problems, the home page counts them, and the preview
/// draws its pages from the same layout.
final class Inspections: @unchecked Sendable {
    /// One check of one state of a digest's files.
    struct Inspection: Sendable {
        /// Names the state of the files it was made from (see `stateKey`).
        var key: String
        var diagnostics: [Diagnostic]
        /// Nil when the digest could not be read.
        var digest: Digest?
        /// Nil when the input had errors.
        var result: LayoutResult?
    }

    private let workshop: Workshop
    private let resources: Resources
    private let lock = NSLock()
    private var latest: [String: Inspection] = [:]

    init(workshop: Workshop, resources: Resources) {
        self.workshop = workshop
        self.resources = resources
    }

    /// The last inspection made, whether or not the files have changed since.
    func last(_ digest: DigestFolder) -> Inspection? {
        lock.withLock { latest[digest.path] }
    }

    /// The inspection of the files as they are now: kept, or made in the workshop's turn.
    func current(_ digest: DigestFolder) async throws -> Inspection {
        let key = stateKey(digest)
        if let kept = last(digest), kept.key == key { return kept }
        return try await workshop.perform { try self.inspect(digest, key: key) }
    }

    /// Queues an inspection without waiting for it, so the home page can count problems
    /// the next time it is shown.
    func refresh(_ digest: DigestFolder) {
        let key = stateKey(digest)
        guard last(digest)?.key != key else { return }
        workshop.enqueue(soon: true) { _ = try? self.inspect(digest, key: key) }
    }

    /// Runs on the workshop's thread: lays the digest out as `check` does.
    private func inspect(_ digest: DigestFolder, key: String) throws -> Inspection {
        if let kept = last(digest), kept.key == key { return kept }
        let pipeline = Pipeline(resources: resources, layout: try LayoutOptions.parse([]))
        let outcome = try pipeline.layOut(folder: digest.path)
        let inspection = Inspection(key: key, diagnostics: outcome.diagnostics, digest: outcome.digest,
                                    result: outcome.result)
        lock.withLock { latest[digest.path] = inspection }
        return inspection
    }

    /// A hash of what `build --watch` watches (every file of the digest but hidden ones, and
    /// the bundled layouts): size, modification time and inode of each. It changes with
    /// every save, so it names one state of the files and what was made from it.
    func stateKey(_ digest: DigestFolder) -> String {
        let snapshot = FileSnapshot.take([.tree(digest.path), .tree(resources.layouts)])
        var text = ""
        for path in snapshot.stamps.keys.sorted() {
            guard let stamp = snapshot.stamps[path] else { continue }
            text += "\(path)\t\(stamp.size)\t\(stamp.seconds).\(stamp.nanoseconds)\t\(stamp.inode)\n"
        }
        return ImportManifest.hash(Data(text.utf8))
    }
}

import Diagnostics
import Foundation

/// One build asked for from the page: what it makes, and how far it has got. Shared by
/// the workshop's thread, which runs it, and the requests that show it; guarded by a lock.
final class BuildJob: @unchecked Sendable {
    /// Where a build is.
    enum State: Sendable, Equatable {
        case waiting
        case running(phase: String, fraction: Double)
        /// Written: the names of the files in the digest's output folder.
        case finished(files: [String], diagnostics: [Diagnostic])
        /// Not written: the problems of the input, or what went wrong (`message`).
        case failed(diagnostics: [Diagnostic], message: String?)

        var isOver: Bool {
            switch self {
            case .finished, .failed: true
            case .waiting, .running: false
            }
        }
    }

    let id = UUID()
    let digest: DigestFolder
    /// What is built, for people: `PDF (monthly)`, `Handout, 2 up`.
    let title: String
    /// What is built, for the queue: two waiting jobs of one digest with the same key would
    /// write the same files from the same input, so the second joins the first (see
    /// `BuildJobs.add`). Nil for work that is never joined (an import of an upload).
    let key: String?
    let started = Date()
    private let lock = NSLock()
    private var current: State = .waiting

    init(digest: DigestFolder, title: String, key: String? = nil) {
        self.digest = digest
        self.title = title
        self.key = key
    }

    var state: State { lock.withLock { current } }

    private var report = ""
    /// What the job printed, for jobs that run a command (an import): shown as is.
    var log: String {
        get { lock.withLock { report } }
        set { lock.withLock { report = newValue } }
    }

    /// Called from the pipeline's progress line while running.
    func update(_ phase: String, fraction: Double) {
        lock.withLock { if !current.isOver { current = .running(phase: phase, fraction: fraction) } }
    }

    func finish(_ state: State) {
        lock.withLock { current = state }
    }
}

/// The builds the server has been asked for, newest last; the oldest finished ones are
/// forgotten past `limit`, so memory stays flat however many builds are made.
final class BuildJobs: @unchecked Sendable {
    static let limit = 200
    private let lock = NSLock()
    private var jobs: [BuildJob] = []

    /// Adds `job`, unless a job of the same digest with the same key is still waiting: then
    /// that one is returned, and `job` is dropped.
    ///
    /// Joining is safe because a job leaves `.waiting` (its first `update`, from the
    /// workshop) before it reads any file: a job seen waiting here reads the files as they
    /// are after this request, so it makes what a second build would have made. A job
    /// already running may have read older files, so it is never joined.
    /// - Returns: the job that will make the files: `job` itself when it was added.
    func add(_ job: BuildJob) -> BuildJob {
        lock.withLock {
            if let key = job.key,
               let waiting = jobs.last(where: { $0.key == key && $0.digest == job.digest && $0.state == .waiting }) {
                return waiting
            }
            jobs.append(job)
            if jobs.count > Self.limit, let index = jobs.firstIndex(where: { $0.state.isOver }) {
                jobs.remove(at: index)
            }
            return job
        }
    }

    /// The job `id` of `digest`; nil for another digest's job, so an address names one job only.
    func job(_ id: String, of digest: DigestFolder) -> BuildJob? {
        guard let uuid = UUID(uuidString: id) else { return nil }
        return lock.withLock { jobs.first { $0.id == uuid && $0.digest == digest } }
    }

    /// The jobs of `digest`, newest first.
    func jobs(of digest: DigestFolder) -> [BuildJob] {
        lock.withLock { jobs.filter { $0.digest == digest }.reversed() }
    }
}

import Foundation

/// The one thread that lays out and draws, for every digest: builds, handouts, checks and
/// preview pages wait their turn here, first come first served.
///
/// One thread, not one per digest, because drawing goes through cairo, whose font caches
/// crashed when two threads used them (see the README), and a build already keeps both
/// cores busy. The issue asks for one build at a time per digest; one queue for all of
/// them gives that and more, and a job's page shows how much work is ahead of it
/// (`position(of:)`). The same build of a digest asked for twice while the first still
/// waits is made once (`BuildJobs.add`). The pipeline is synchronous, so it runs on a thread of its own rather than
/// on Swift's cooperative pool, where it would starve the tasks that serve requests.
final class Workshop: @unchecked Sendable {
    private struct Work {
        var id: UUID
        var body: @Sendable () -> Void
    }

    private let condition = NSCondition()
    /// The first piece is the one running, if any.
    private var waiting: [Work] = []
    /// The work queued with `soon`, not yet done.
    private var soonIDs: Set<UUID> = []

    init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "gazette serve workshop"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Queues `body`; `id` lets the queue position of the work be asked for.
    /// - Parameter soon: put it right after the running work: a page someone is waiting
    ///   for (a check, a preview) does not wait behind every queued build.
    func enqueue(id: UUID = UUID(), soon: Bool = false, _ body: @escaping @Sendable () -> Void) {
        condition.withLock {
            let work = Work(id: id, body: body)
            if soon, !waiting.isEmpty {
                // Behind the running work and any other work queued soon, ahead of the builds.
                let index = waiting.indices.dropFirst().first { !soonIDs.contains(waiting[$0].id) } ?? waiting.endIndex
                waiting.insert(work, at: index)
                soonIDs.insert(id)
            } else {
                waiting.append(work)
                if soon { soonIDs.insert(id) }
            }
            condition.signal()
        }
    }

    /// How many pieces of work are ahead of `id`: 0 when it is next or running, nil when it
    /// is no longer waiting.
    func position(of id: UUID) -> Int? {
        condition.withLock { waiting.firstIndex { $0.id == id } }
    }

    /// Runs `body` in its turn and returns what it returned.
    func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(soon: true) { continuation.resume(with: Result { try body() }) }
        }
    }

    private func loop() {
        while true {
            let work: Work = condition.withLock {
                while waiting.isEmpty { condition.wait() }
                return waiting[0]
            }
            work.body()
            let idle = condition.withLock {
                _ = waiting.removeFirst()
                soonIDs.remove(work.id)
                return waiting.isEmpty
            }
            if idle { Allocator.releaseFreeMemory() }
        }
    }
}

import Foundation

/// The one thread that lays out and draws, for every digest: builds, handouts, checks and
/// preview pages wait their turn here, first come first served.
///
/// One thread, not one per digest, because drawing goes through cairo, whose font caches
/// crashed when two threads used them (see the README), and a build already keeps both
/// cores busy. The pipeline is synchronous, so it runs on a thread of its own rather than
/// on Swift's cooperative pool, where it would starve the tasks that serve requests.
final class Workshop: @unchecked Sendable {
    private struct Work {
        var id: UUID
        var body: @Sendable () -> Void
    }

    private let condition = NSCondition()
    private var waiting: [Work] = []

    init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "gazette serve workshop"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Queues `body`; `id` lets the queue position of the work be asked for.
    func enqueue(id: UUID = UUID(), _ body: @escaping @Sendable () -> Void) {
        condition.withLock {
            waiting.append(Work(id: id, body: body))
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
            enqueue { continuation.resume(with: Result { try body() }) }
        }
    }

    private func loop() {
        while true {
            let work: Work = condition.withLock {
                while waiting.isEmpty { condition.wait() }
                return waiting[0]
            }
            work.body()
            condition.withLock { _ = waiting.removeFirst() }
        }
    }
}

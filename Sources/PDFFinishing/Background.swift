import Foundation

/// Work started on a thread of its own when it is made, whose result is waited for later.
final class Background<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`; set once, when the work ends.
    private var outcome: Result<Value, Error>?

    /// - Parameter alongside: false to do the work here and now instead, on the calling thread.
    init(_ work: @escaping @Sendable () throws -> Value, alongside: Bool = true) {
        guard alongside else {
            outcome = Result { try work() }
            return
        }
        let thread = Thread { [self] in
            let result = Result { try work() }
            condition.withLock {
                outcome = result
                condition.broadcast()
            }
        }
        thread.name = "gazette-background"
        thread.start()
    }

    /// Waits for the work to end.
    func wait() {
        condition.withLock { while outcome == nil { condition.wait() } }
    }

    /// Waits for the work to end and returns what it returned, or throws what it threw.
    func result() throws -> Value {
        wait()
        return try condition.withLock { outcome! }.get()
    }
}

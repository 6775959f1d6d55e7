import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM, handled so that a stopped run leaves nothing behind: the
/// progress line erased and a half-written PDF or PNG removed (the previous file stays).
///
/// Handled on a dispatch queue, since the main thread may be busy laying out; the handler
/// ends the process with `_exit`, so nothing else runs after it.
enum Interruption {
    /// - Parameters:
    ///   - exitCode: 0 for `build --watch`, whose normal end is Ctrl-C; 130 for a run cut
    ///     short, as a shell reports one killed by SIGINT.
    ///   - farewell: a note printed on the way out (not with `--quiet`), if any.
    static func handle(console: Console, exitCode: Int32, farewell: String? = nil) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                AtomicFile.removePending()
                console.clearProgress()
                if let farewell { console.note(farewell) }
                fflush(nil)
                _exit(exitCode)
            }
            source.resume()
            sources.keep(source)
        }
    }

    /// Keeps the signal sources alive for the life of the process.
    private static let sources = SignalSources()

    private final class SignalSources: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [any DispatchSourceSignal] = []
        func keep(_ source: any DispatchSourceSignal) { lock.withLock { all.append(source) } }
    }
}

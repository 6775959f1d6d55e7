import Foundation

/// A one-line status on standard error while a run is working: the phase, a bar and the
/// time so far, e.g. `laying out 14 articles [########............]  1.2 s`.
///
/// It appears only when standard error is a terminal and the run has already taken
/// `delay` seconds, so quick builds, pipes and log files see nothing but diagnostics. A
/// timer thread redraws it, so it keeps moving while one long phase (layout) runs; every
/// other message goes through `pause`, which erases the line first and lets the timer
/// draw it again afterwards. State is guarded by one lock, hence `@unchecked Sendable`.
final class ProgressLine: @unchecked Sendable {
    /// Builds shorter than this show no progress at all.
    static let defaultDelay: TimeInterval = 0.5
    /// `defaultDelay`, or `GAZETTE_PROGRESS_DELAY` seconds when set: tests and demos use 0
    /// to see the line on a build that is quicker than a moment.
    static var configuredDelay: TimeInterval {
        ProcessInfo.processInfo.environment["GAZETTE_PROGRESS_DELAY"].flatMap(TimeInterval.init).map { max(0, $0) }
            ?? defaultDelay
    }

    /// Characters of the bar between the brackets.
    static let barWidth = 20

    /// Whether standard error is a terminal that understands carriage return and erase-line.
    static var standardErrorIsTerminal: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Told each phase and how far the run is, from 0 to 1.
    typealias Observer = @Sendable (_ phase: String, _ fraction: Double) -> Void

    private let enabled: Bool
    private let delay: TimeInterval
    private let observer: Observer?
    private let lock = NSLock()
    private var phase = ""
    private var fraction = 0.0
    private var started = Date()
    private var visible = false
    private var timer: DispatchSourceTimer?

    init(enabled: Bool, delay: TimeInterval, observer: Observer? = nil) {
        self.enabled = enabled
        self.delay = delay
        self.observer = observer
    }

    /// Starts timing a run (the delay counts from here) and shows `phase` once it is due.
    func start(_ phase: String) {
        observer?(phase, 0)
        guard enabled else { return }
        lock.withLock {
            self.phase = phase
            fraction = 0
            started = Date()
            guard timer == nil else { return }
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "gazette.progress"))
            timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
            timer.setEventHandler { [weak self] in self?.tick() }
            self.timer = timer
            timer.resume()
        }
    }

    /// Names the phase now running and how far the whole run is, from 0 to 1.
    func update(_ phase: String, fraction: Double) {
        observer?(phase, min(1, max(0, fraction)))
        guard enabled else { return }
        lock.withLock {
            self.phase = phase
            self.fraction = min(1, max(0, fraction))
        }
    }

    /// Erases the line and stops redrawing it until the next `start`.
    func stop() {
        guard enabled else { return }
        lock.withLock {
            timer?.cancel()
            timer = nil
            erase()
        }
    }

    /// Runs `write` with the line erased, so a message never shares a line with the bar.
    func pause(_ write: () -> Void) {
        lock.withLock {
            erase()
            write()
        }
    }

    private func tick() {
        lock.withLock {
            let elapsed = Date().timeIntervalSince(started)
            // A tick already queued when `stop` ran must not draw the line again.
            guard timer != nil, elapsed >= delay, !phase.isEmpty else { return }
            let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.barWidth - filled)
            let tail = " [\(bar)] \(String(format: "%.1f", elapsed)) s"
            // A line wider than the terminal would wrap, and erasing would clear only its end.
            let room = max(10, Self.terminalColumns() - 1 - tail.count)
            let shown = phase.count <= room ? phase : phase.prefix(room - 1) + "…"
            FileHandle.standardError.write("\r\u{1B}[K" + shown + tail)
            visible = true
        }
    }

    /// The width of the terminal on standard error; 80 when it cannot be told.
    private static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Must be called with the lock held.
    private func erase() {
        guard visible else { return }
        FileHandle.standardError.write("\r\u{1B}[K")
        visible = false
    }
}

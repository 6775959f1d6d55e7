import Foundation
import Testing
import TestSupport

/// A program left running (`build --watch`), its output going to files the test reads while
/// it runs. Every wait is bounded, and `stop` kills it if SIGTERM is not enough, so a broken
/// watch fails the test instead of hanging the suite.
final class RunningProcess {
    let process = Process()
    let outPath: String
    let errPath: String
    private let folder: String
    private let out: FileHandle
    private let err: FileHandle

    init(_ executable: String, _ arguments: [String]) throws {
        folder = try temporaryFolder()
        outPath = folder + "/stdout"
        errPath = folder + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    deinit {
        if process.isRunning { process.interrupt(); kill(process.processIdentifier, SIGKILL) }
        try? out.close()
        try? err.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    var stdout: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    /// Waits until `condition` holds for the output so far, or `timeout` seconds pass.
    /// - Returns: whether it held in time.
    func wait(upTo timeout: TimeInterval, until condition: (RunningProcess) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(self) { return true }
            if !process.isRunning { return condition(self) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition(self)
    }

    /// Sends SIGTERM and waits up to `timeout` seconds; kills it after that.
    /// - Returns: the exit status, nil when it had to be killed.
    func stop(timeout: TimeInterval = 10) -> Int32? {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        // Reaps the child: without it Foundation keeps the process objects (LeakSanitizer sees them).
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// How many times `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// Width and height from a PNG file's header; nil when it is not a PNG.
func pngSize(_ path: String) -> (width: Int, height: Int)? {
    guard let data = FileManager.default.contents(atPath: path), data.count > 24,
          Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
    let bytes = Array(data)
    func integer(at offset: Int) -> Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    return (integer(at: 16), integer(at: 20))
}

/// The text of one page of a PDF, through poppler's `pdftotext`.
func pageText(_ pdf: String, page: Int) throws -> String {
    try run(tool("pdftotext"), ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"]).stdout
}

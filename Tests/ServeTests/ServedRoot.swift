import Foundation
import Testing
import TestSupport

/// A real `gazette serve` process, the built binary, on a port the system chose, serving a
/// fresh root folder that holds a copy of the example month as `2024-06`. Stopped with
/// SIGTERM when the test lets go of it.
final class ServedRoot {
    /// The temporary folder that holds `root` and, beside it, files the server must never show.
    let outside: String
    /// The folder given to `gazette serve`.
    let root: String
    let port: Int
    private let process: Process
    private let stdout: String
    private let stderr: String

    /// The example month's folder inside the root.
    var month: String { root + "/2024-06" }

    /// - Parameters:
    ///   - arguments: more arguments for `gazette serve`, such as `--token-file`.
    ///   - prepare: changes to make to the root before the server starts.
    init(arguments: [String] = [], prepare: (ServedRoot.Folders) throws -> Void = { _ in }) throws {
        outside = try temporaryFolder()
        root = outside + "/root"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: exampleMonth, toPath: root + "/2024-06")
        try prepare(Folders(outside: outside, root: root))
        stdout = outside + "/server.out"
        stderr = outside + "/server.err"
        _ = FileManager.default.createFile(atPath: stdout, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: try gazette())
        process.arguments = ["serve", root, "--port", "0"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        try process.run()
        port = try Self.waitForPort(in: stdout, process: process, errors: stderr)
    }

    /// Where a test may put files before the server starts.
    struct Folders {
        var outside: String
        var root: String

        /// Replaces `old` by `new` in the example month's file `file` (relative to it).
        func replace(_ old: String, with new: String, in file: String) throws {
            let path = root + "/2024-06/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "'\(old)' is in \(file)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: outside)
    }

    /// Sends `signal` and waits (at most `seconds`) for the server to end.
    /// - Returns: its exit status, or nil when it is still running.
    func stop(with signal: Int32 = SIGTERM, within seconds: Double = 10) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// What the server printed on standard error so far.
    var errors: String { (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "" }

    /// A request to this server; see `HTTP.send`.
    func send(_ method: String = "GET", _ target: String, headers: [String: String] = [:], body: Data? = nil) throws -> HTTP.Reply {
        var all = ["Host": "127.0.0.1:\(port)"]
        if method == "POST" { all["Origin"] = origin }
        all.merge(headers) { _, new in new }
        return try HTTP.send(method, target, port: port, headers: all.filter { !$0.value.isEmpty }, body: body)
    }

    /// A form POSTed from one of the server's own pages (its `Origin`).
    func post(_ target: String, form: [(String, String)], headers: [String: String] = [:]) throws -> HTTP.Reply {
        var all = ["Content-Type": "application/x-www-form-urlencoded"]
        all.merge(headers) { _, new in new }
        return try send("POST", target, headers: all, body: Data(HTTP.formEncoded(form).utf8))
    }

    var origin: String { "http://127.0.0.1:\(port)" }

    /// Follows a build started by a POST that answered 303: waits for its event stream to end.
    /// - Returns: the build's page once it is over, and the events as sent.
    func finishedBuild(_ started: HTTP.Reply) throws -> (page: HTTP.Reply, events: String) {
        #expect(started.status == 303)
        let location = try #require(started.header("Location"))
        let events = try send("GET", location + "/events")
        #expect(events.header("Content-Type") == "text/event-stream")
        return (try send("GET", location), events.text)
    }

    /// Reads the port from the line `serving … at http://127.0.0.1:PORT/`.
    private static func waitForPort(in path: String, process: Process, errors: String) throws -> Int {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if let range = text.range(of: "http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).hasPrefix("/") { return port }
            }
            if !process.isRunning { break }
            usleep(20_000)
        }
        let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        throw ServerDidNotStart(output: stderr)
    }
}

struct ServerDidNotStart: Error, CustomStringConvertible {
    var output: String
    var description: String { "gazette serve did not start: \(output)" }
}

import Foundation
import Testing

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

let exampleMonth = repositoryRoot + "/Examples/2024-06"
let hardMonth = repositoryRoot + "/Tests/Fixtures/hard-2024-07"
let fontFolder = repositoryRoot + "/Fonts"

/// What a process printed and how it ended.
struct ProcessOutput {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Whether the process was killed by a signal (a crash) rather than exiting.
    var crashed: Bool
}

/// Runs a program to completion. Output goes to temporary files, so a program that prints
/// a lot can never block on a full pipe.
///
/// - Parameter timeout: seconds after which the process is killed (and reported as crashed):
///   a hang fails the test instead of stalling the run.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
         in directory: String? = nil, timeout: Double = 120) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outPath = folder + "/stdout", errPath = folder + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
        if Date() > deadline {
            process.terminate()
            Thread.sleep(forTimeInterval: 0.5)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            break
        }
        Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ProcessOutput(status: process.terminationStatus,
                         stdout: String(decoding: contents(outPath) ?? Data(), as: UTF8.self),
                         stderr: String(decoding: contents(errPath) ?? Data(), as: UTF8.self),
                         crashed: process.terminationReason == .uncaughtSignal)
}

struct ToolMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "\(name) is not installed; run `make test`, which builds it" }
}

/// The `gazette` binary built beside the test bundle.
func gazette() throws -> String {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gazette").path,
        Bundle.main.bundleURL.appendingPathComponent("gazette").path,
        repositoryRoot + "/.build/debug/gazette",
    ]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw ToolMissing(name: "gazette (build it with `swift build`)")
    }
    return found
}

/// A fresh temporary folder, with every symbolic link in its path resolved (so that paths
/// printed by the reader compare equal to the ones the test built).
func temporaryFolder(_ prefix: String = "gazette-robust-") throws -> String {
    let path = NSTemporaryDirectory() + prefix + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
}

/// The bytes of a file, or nil when it is absent. Read through `FileHandle`: in
/// swift-foundation 6.3 `FileManager.contents(atPath:)` leaks 4 KiB for an empty file,
/// which `make sanitize` would report.
func contents(_ path: String) -> Data? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return (try? handle.readToEnd()).map { $0 ?? Data() }
}

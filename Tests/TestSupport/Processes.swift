import Foundation

/// The repository's root folder, found from this file's path.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The shared sample month beside the repository, read in place.
public let sharedCorpus = repositoryRoot + "/../shared/corpus/2024-06"
public let exampleMonth = repositoryRoot + "/Examples/2024-06"
public let hardMonth = repositoryRoot + "/Tests/Fixtures/hard-2024-07"
public let fontFolder = repositoryRoot + "/Fonts"

/// What a process printed and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Whether the process was killed by a signal (a crash, or the timeout) rather than exiting.
    public var crashed: Bool

    public init(status: Int32, stdout: String, stderr: String, crashed: Bool = false) {
        self.status = status; self.stdout = stdout; self.stderr = stderr; self.crashed = crashed
    }
}

/// Runs a program to completion. Output goes to temporary files, so a program that prints
/// a lot can never block on a full pipe.
///
/// - Parameters:
///   - directory: the working directory; the caller's when nil.
///   - timeout: seconds after which the process is killed (and reported as crashed), so a
///     hang fails the test instead of stalling the run.
public func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                in directory: String? = nil, timeout: Double = 300) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let folder = try temporaryFolder("gazette-run-")
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

/// A tool from poppler, qpdf or Debian, found where Debian installs it.
public func tool(_ name: String) throws -> String {
    for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
    }
    throw ToolMissing(name: name)
}

public struct ToolMissing: Error, CustomStringConvertible {
    public var name: String
    public init(name: String) { self.name = name }
    public var description: String { "\(name) is not installed; run `make test`, which installs it" }
}

/// The `gazette` binary built beside the test bundle.
public func gazette() throws -> String {
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
/// a program prints compare equal to the ones the test built).
public func temporaryFolder(_ prefix: String = "gazette-tests-") throws -> String {
    let path = NSTemporaryDirectory() + prefix + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
}

/// The bytes of a file, or nil when it is absent. Read through `FileHandle`: in
/// swift-foundation 6.3 `FileManager.contents(atPath:)` leaks 4 KiB for an empty file,
/// which `make sanitize` would report.
public func contents(_ path: String) -> Data? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return (try? handle.readToEnd()).map { $0 ?? Data() }
}

/// True when a binary PPM (as pdftoppm writes it) has a pixel that is not gray.
public func hasColour(_ bytes: [UInt8]) -> Bool {
    // Header: P6\nW H\n255\n
    var newlines = 0, index = 0
    while index < bytes.count, newlines < 3 { if bytes[index] == 10 { newlines += 1 }; index += 1 }
    var i = index
    while i + 2 < bytes.count {
        let r = Int(bytes[i]), g = Int(bytes[i + 1]), b = Int(bytes[i + 2])
        if abs(r - g) > 12 || abs(g - b) > 12 || abs(r - b) > 12 { return true }
        i += 3
    }
    return false
}

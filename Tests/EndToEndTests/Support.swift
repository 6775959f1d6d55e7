import DigestModel
import DigestReader
import Foundation
import Testing

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The shared sample month beside the repository, read in place.
let sharedCorpus = repositoryRoot + "/../shared/corpus/2024-06"
let exampleMonth = repositoryRoot + "/Examples/2024-06"
let hardMonth = repositoryRoot + "/Tests/Fixtures/hard-2024-07"

/// What a process printed and how it ended.
struct ProcessOutput {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to completion. Output goes to temporary files, so a program that prints
/// a lot can never block on a full pipe.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessOutput {
    try run(in: nil, executable, arguments, environment: environment)
}

/// Runs a program to completion with `folder` as its working directory (the caller's when nil).
func run(in folder: String?, _ executable: String, _ arguments: [String],
         environment: [String: String] = [:]) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let capture = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: capture) }
    let outPath = capture + "/stdout", errPath = capture + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ProcessOutput(status: process.terminationStatus,
                         stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                         stderr: try String(contentsOfFile: errPath, encoding: .utf8))
}

/// A tool from poppler or qpdf, found on PATH.
func tool(_ name: String) throws -> String {
    for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
    }
    throw ToolMissing(name: name)
}

struct ToolMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "\(name) is not installed; run `make test`, which installs it" }
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

/// A fresh temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "gazette-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A digest rendered once per test run and shared by the tests that read it.
final class RenderedDigest: Sendable {
    let folder: String
    let pdf: String
    let build: ProcessOutput
    /// `--layout NAME` when the month is built in a layout other than its own.
    let layoutArguments: [String]

    /// - Parameter extra: more arguments for `gazette build`, such as `--set key=value`.
    init(_ folder: String, layout: String? = nil, extra: [String] = []) {
        self.folder = folder
        let output = (try? temporaryFolder()) ?? NSTemporaryDirectory()
        pdf = output + "/digest.pdf"
        layoutArguments = (layout.map { ["--layout", $0] } ?? []) + extra
        build = (try? run(try gazette(), ["build", folder, "--output", pdf] + layoutArguments))
            ?? ProcessOutput(status: -1, stdout: "", stderr: "could not run gazette")
    }

    static let corpus = RenderedDigest(sharedCorpus)
    static let example = RenderedDigest(exampleMonth)
    static let hard = RenderedDigest(hardMonth)
    static let compact = RenderedDigest(sharedCorpus, layout: "compact")
    static let handout = RenderedDigest(sharedCorpus, layout: "handout")
    static let largePrint = RenderedDigest(sharedCorpus, layout: "large-print")
    static let printBW = RenderedDigest(sharedCorpus, layout: "print-bw")

    /// The month `named(name)`, required to have built, with its digest as the reader reads it.
    static func built(_ name: String) throws -> (RenderedDigest, Digest) {
        let rendered = named(name)
        try #require(rendered.build.status == 0, "gazette build failed: \(rendered.build.stderr)")
        let digest = try #require(DigestReader.read(folder: rendered.folder).digest)
        return (rendered, digest)
    }

    /// The month by the name tests use as their argument: a month, or the shared month in a layout.
    static func named(_ name: String) -> RenderedDigest {
        switch name {
        case "corpus": corpus
        case "example": example
        case "corpus in compact": compact
        case "corpus in handout": handout
        case "corpus in large-print": largePrint
        case "corpus in print-bw": printBW
        default: hard
        }
    }
}

/// True when a binary PPM (as pdftoppm writes it) has a pixel that is not gray.
func hasColour(_ bytes: [UInt8]) -> Bool {
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

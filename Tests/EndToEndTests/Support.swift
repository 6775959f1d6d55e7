import DigestModel
import DigestReader
import Foundation
import Testing
import TestSupport

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

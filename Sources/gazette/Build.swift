import ArgumentParser
import Diagnostics
import DigestModel
import Foundation
import Layout
import LayoutSpec
import PDFRenderer
import TextShaping

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a digest folder to a PDF.",
        discussion: "Reads DIGEST/digest.yaml and DIGEST/articles/*.md. On any error in the input, prints every diagnostic, exits 1 and writes nothing; an existing output file is left untouched.")

    @Argument(help: "The digest folder (holds digest.yaml and articles/).")
    var digest: String

    @Option(name: [.short, .long], help: "The PDF to write (default: Output/<folder name>.pdf).")
    var output: String?

    @OptionGroup var layout: LayoutOptions

    func run() throws {
        let started = Date()
        let pipeline = Pipeline(resources: try Resources.locate(), layout: layout)
        let outcome: Pipeline.Outcome
        do { outcome = try pipeline.layOut(folder: digest) } catch {
            FileHandle.standardError.write("gazette: error: \(error)\n")
            throw ExitStatus.internalError
        }
        report(outcome.diagnostics)
        guard let result = outcome.result else { throw ExitStatus.inputError }

        let path = output ?? "Output/\(URL(fileURLWithPath: digest).standardized.lastPathComponent).pdf"
        do {
            try AtomicFile.write(to: path) { temporary in try PDFRenderer.writePDF(result.document, to: temporary) }
        } catch {
            FileHandle.standardError.write("gazette: error: could not write '\(path)': \(error)\n")
            throw ExitStatus.internalError
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let seconds = Date().timeIntervalSince(started)
        print("wrote \(path): \(result.document.pages.count) pages, \(size / 1024) KB in \(String(format: "%.2f", seconds)) s")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a digest folder and print every problem; writes no PDF.")

    @Argument(help: "The digest folder (holds digest.yaml and articles/).")
    var digest: String

    func run() throws {
        guard let digest = readOrReport(folder: digest) else { throw ExitStatus.inputError }
        let count = digest.articles.count
        print("\(self.digest): \(count) article\(count == 1 ? "" : "s") in \(digest.sections.filter { !$0.articles.isEmpty }.count) sections, no errors")
    }
}

/// `SOURCE_DATE_EPOCH` as an ISO 8601 date, when set: reproducible builds pin the date with it.
func reproducibleDate() -> String? {
    guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(value) else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
}

extension FileHandle {
    func write(_ string: String) { write(Data(string.utf8)) }
}

import Diagnostics
import Foundation

/// Starts builds of the PDF and of handouts in the workshop, with the pipeline's own code
/// (`buildOnce`, `Handout.make`), writing into the digest's output folder.
struct Builder: Sendable {
    var workshop: Workshop
    var jobs: BuildJobs
    var resources: Resources

    /// Queues a build of the digest's PDF, in `layout` (nil: the digest's own).
    func buildPDF(_ digest: DigestFolder, layout: String?) throws -> BuildJob {
        let options = try LayoutOptions.parse(layout.map { ["--layout", $0] } ?? [])
        let job = BuildJob(digest: digest, title: "PDF" + (layout.map { " (\($0))" } ?? ""))
        let path = digest.outputFolder + "/" + digest.name + ".pdf"
        let pipeline = Pipeline(resources: resources, layout: options)
        run(job) { console in
            let outcome = try buildOnce(pipeline, folder: digest.path, to: path, console: console)
            guard outcome.result != nil else { return .failed(diagnostics: outcome.diagnostics, message: nil) }
            let editions = outcome.spec?.editions ?? []
            let files = editions.isEmpty ? [digest.name + ".pdf"] : editions.map { "\(digest.name)-\($0).pdf" }
            return .finished(files: files, diagnostics: outcome.diagnostics)
        }
        return job
    }

    /// Queues handouts, with the arguments of `gazette handout` (checked before queuing).
    /// - Throws: `Refusal` (400) when `gazette handout` would refuse the arguments.
    func buildHandout(_ digest: DigestFolder, arguments: [String], title: String) throws -> BuildJob {
        let output = digest.outputFolder + "/" + digest.name + "-handout.pdf"
        let handout: Handout
        do {
            handout = try Handout.parse([digest.path, "--output", output] + arguments)
        } catch {
            throw Refusal(status: .badRequest, message: Handout.message(for: error))
        }
        let job = BuildJob(digest: digest, title: title)
        let pipeline = Pipeline(resources: resources, layout: handout.handoutLayout)
        run(job) { console in
            let outcome = try handout.make(with: pipeline, console: console)
            guard !outcome.written.isEmpty else { return .failed(diagnostics: outcome.diagnostics, message: nil) }
            let files = outcome.written.map { URL(fileURLWithPath: $0).lastPathComponent }
            return .finished(files: files, diagnostics: outcome.diagnostics)
        }
        return job
    }

    /// Adds `job` and queues `body`, which gets a console that reports progress to the job.
    private func run(_ job: BuildJob, _ body: @escaping @Sendable (Console) throws -> BuildJob.State) {
        jobs.add(job)
        workshop.enqueue(id: job.id) {
            let console = Console(verbosity: .quiet, observer: { job.update($0, fraction: $1) })
            do {
                job.finish(try body(console))
            } catch let error as UsageError {
                // The message names the digest by its path; the page names it by its name.
                let message = error.message.replacingOccurrences(of: job.digest.path, with: job.digest.name)
                job.finish(.failed(diagnostics: [], message: message))
            } catch {
                FileHandle.standardError.write("gazette serve: build of \(job.digest.name): \(error)\n")
                job.finish(.failed(diagnostics: [], message: "the files could not be written; the details are in the server's log"))
            }
        }
    }
}

extension Handout {
    /// What `gazette handout` says about arguments it refuses, without its usage text.
    static func message(for error: any Error) -> String {
        let full = fullMessage(for: error)
        return full.split(separator: "\n").first.map(String.init) ?? "these handout options cannot be used together"
    }
}

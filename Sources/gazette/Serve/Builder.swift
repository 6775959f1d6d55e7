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
        let job = BuildJob(digest: digest, title: "PDF" + (layout.map { " (\($0))" } ?? ""), key: "pdf \(layout ?? "")")
        let path = digest.outputFolder + "/" + digest.name + ".pdf"
        let pipeline = Pipeline(resources: resources, layout: options)
        return run(job) { console in
            let outcome = try buildOnce(pipeline, folder: digest.path, to: path, console: console)
            guard outcome.result != nil else { return .failed(diagnostics: outcome.diagnostics, message: nil) }
            let editions = outcome.spec?.editions ?? []
            let files = editions.isEmpty ? [digest.name + ".pdf"] : editions.map { "\(digest.name)-\($0).pdf" }
            return .finished(files: files, diagnostics: outcome.diagnostics)
        }
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
        let job = BuildJob(digest: digest, title: title, key: (["handout"] + arguments).joined(separator: "\u{0}"))
        let pipeline = Pipeline(resources: resources, layout: handout.handoutLayout)
        return run(job) { console in
            let outcome = try handout.make(with: pipeline, console: console)
            guard !outcome.written.isEmpty else { return .failed(diagnostics: outcome.diagnostics, message: nil) }
            let files = outcome.written.map { URL(fileURLWithPath: $0).lastPathComponent }
            return .finished(files: files, diagnostics: outcome.diagnostics)
        }
    }

    /// Adds `job` and queues `body`, which gets a console that reports progress to the job;
    /// or, when the same build of the digest is already waiting, returns that one instead
    /// (see `BuildJobs.add`), so pressing the button twice builds once.
    private func run(_ job: BuildJob, _ body: @escaping @Sendable (Console) throws -> BuildJob.State) -> BuildJob {
        let queued = jobs.add(job)
        guard queued === job else { return queued }
        workshop.enqueue(id: job.id) {
            // Out of `.waiting` before a file is read, so the job is no longer joined.
            job.update("starting", fraction: 0)
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
        return job
    }
}

extension Handout {
    /// What `gazette handout` says about arguments it refuses, without its usage text.
    static func message(for error: any Error) -> String {
        let full = fullMessage(for: error)
        return full.split(separator: "\n").first.map(String.init) ?? "these handout options cannot be used together"
    }
}

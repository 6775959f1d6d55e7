import Foundation
import Testing
@testable import gazette
import TestSupport

extension ServeTests {
    /// The workshop's one queue: the position a waiting build shows, and the same build
    /// asked for twice while it waits.
    @Suite struct Queue {
        /// A workshop held busy by a piece of work that waits for `release`, so what is queued
        /// behind it stays waiting for as long as the test needs, whatever the machine's speed.
        struct HeldWorkshop {
            let workshop = Workshop()
            let jobs = BuildJobs()
            let release = DispatchSemaphore(value: 0)
            let builder: Builder
            let digest: DigestFolder
            let folder: String

            init() throws {
                folder = try temporaryFolder()
                try FileManager.default.copyItem(atPath: exampleMonth, toPath: folder + "/2024-06")
                let root = try #require(RootFolder(folder))
                digest = try root.digest("2024-06")
                builder = Builder(workshop: workshop, jobs: jobs, resources: try Resources.locate())
                let release = release
                workshop.enqueue { release.wait() }
            }

            func finished(_ job: BuildJob) -> BuildJob.State {
                while !job.state.isOver { usleep(50_000) }
                return job.state
            }
        }

        @Test func theSameBuildAskedForTwiceWhileItWaitsIsMadeOnce() throws {
            let held = try HeldWorkshop()
            defer { try? FileManager.default.removeItem(atPath: held.folder) }
            let first = try held.builder.buildPDF(held.digest, layout: nil)
            let second = try held.builder.buildPDF(held.digest, layout: nil)
            let other = try held.builder.buildPDF(held.digest, layout: "compact")
            #expect(second === first, "the second press joins the waiting build")
            #expect(other !== first, "another layout is another build")
            #expect(held.jobs.jobs(of: held.digest).count == 2)
            #expect(held.workshop.position(of: first.id) == 1, "behind the running work")
            #expect(held.workshop.position(of: other.id) == 2)
            #expect(JobPage.summary(other.state, position: held.workshop.position(of: other.id)) == "waiting: 2 ahead in the queue")
            held.release.signal()
            guard case .finished(let files, _) = held.finished(first) else { Issue.record("\(first.state)"); return }
            #expect(files == ["2024-06.pdf"])
            #expect(try pdfInfo(Data(contentsOf: URL(fileURLWithPath: held.digest.outputFolder + "/2024-06.pdf"))).contains("Pages:           25"))
            _ = held.finished(other)
            let again = try held.builder.buildPDF(held.digest, layout: nil)
            #expect(again !== first, "a build that has run is never joined")
            _ = held.finished(again)
        }

        @Test func handoutsWithOtherOptionsAreNotJoined() throws {
            let held = try HeldWorkshop()
            defer { try? FileManager.default.removeItem(atPath: held.folder) }
            let twoUp = try held.builder.buildHandout(held.digest, arguments: ["--nup", "2"], title: "Handout, 2 up")
            let again = try held.builder.buildHandout(held.digest, arguments: ["--nup", "2"], title: "Handout, 2 up")
            let fourUp = try held.builder.buildHandout(held.digest, arguments: ["--nup", "4"], title: "Handout, 4 up")
            #expect(again === twoUp)
            #expect(fourUp !== twoUp)
            held.release.signal()
            #expect(held.finished(twoUp).isOver && held.finished(fourUp).isOver)
        }
    }
}

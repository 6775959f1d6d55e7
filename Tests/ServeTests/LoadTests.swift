import Foundation
import Testing

extension ServeTests {
    /// Bounded load on this machine's loopback only: the server keeps serving while it builds.
    @Suite struct UnderLoad {
        @Test func fiftyClientsFetchPreviewsWhileTwoBuildsRun() throws {
            let server = try ServedRoot()
            let builds = [try server.post("/d/2024-06/build", form: [("layout", "monthly")]),
                          try server.post("/d/2024-06/handout", form: [("nup", "2")])]
            let statuses = Statuses()
            let group = DispatchGroup()
            let port = server.port
            for client in 0..<50 {
                group.enter()
                let thread = Thread {
                    defer { group.leave() }
                    let page = client % 25 + 1
                    let reply = try? HTTP.send("GET", "/d/2024-06/pages/\(page).png?size=thumbnail", port: port,
                                               headers: ["Host": "127.0.0.1:\(port)"], body: nil)
                    let isPNG = reply?.body.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47])
                    statuses.add(reply.map { isPNG ? $0.status : -$0.status } ?? 0)
                }
                thread.start()
            }
            #expect(group.wait(timeout: .now() + 120) == .success, "every client was answered")
            #expect(statuses.all == Array(repeating: 200, count: 50), "\(statuses.all)")
            for build in builds {
                let (page, _) = try server.finishedBuild(build)
                #expect(page.text.contains("<p class=\"status\">done</p>"))
            }
        }

        @Test func aClientThatLeavesMidStreamCostsNothing() throws {
            let server = try ServedRoot()
            let started = try server.post("/d/2024-06/build", form: [("layout", "monthly")])
            let location = try #require(started.header("Location"))
            // Ten clients open the event stream and the download and hang up at once.
            for _ in 0..<10 {
                try HTTP.hangUp("GET", location + "/events", port: server.port)
            }
            let (page, _) = try server.finishedBuild(started)
            #expect(page.text.contains("<p class=\"status\">done</p>"))
            for _ in 0..<10 {
                try HTTP.hangUp("GET", "/d/2024-06/files/2024-06.pdf", port: server.port)
            }
            let pdf = try server.send("GET", "/d/2024-06/files/2024-06.pdf")
            #expect(pdf.status == 200)
            #expect(pdf.body.prefix(5) == Data("%PDF-".utf8))
        }
    }
}

/// Statuses collected from many threads.
private final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int] = []
    func add(_ status: Int) { lock.withLock { statuses.append(status) } }
    var all: [Int] { lock.withLock { statuses.sorted() } }
}

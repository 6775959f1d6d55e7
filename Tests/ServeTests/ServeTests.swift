import Foundation
import Testing
import TestSupport

/// `gazette serve`, over HTTP: the built binary serves a copy of the example month and
/// each test talks to it as a browser would. One server at a time, since builds share
/// the machine's two cores.
@Suite(.serialized) struct ServeTests {}

extension ServeTests {
    /// The command itself: where it listens, and how it stops.
    @Suite struct Command {
        @Test(arguments: ["0.0.0.0", "192.168.1.10", "::"])
        func anotherHostNeedsATokenFile(host: String) throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try run(try gazette(), ["serve", folder, "--host", host, "--port", "0"])
            #expect(result.status == 64)
            #expect(result.stderr.contains("--token-file"), "\(result.stderr)")
        }

        @Test func aShortTokenIsRefused() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try "short\n".write(toFile: folder + "/token", atomically: true, encoding: .utf8)
            let result = try run(try gazette(), ["serve", folder, "--host", "0.0.0.0", "--port", "0", "--token-file", folder + "/token"])
            #expect(result.status == 64)
            #expect(result.stderr.contains("at least 16"), "\(result.stderr)")
        }

        @Test(arguments: [SIGINT, SIGTERM])
        func aSignalStopsTheServerCleanly(signal: Int32) throws {
            let server = try ServedRoot()
            #expect(try server.send("GET", "/").status == 200)
            #expect(server.stop(with: signal) == 0)
            #expect(server.errors.contains("stopped serving"), "\(server.errors)")
            #expect(throws: HTTP.Failure.self) { try server.send("GET", "/") }
        }
    }
}

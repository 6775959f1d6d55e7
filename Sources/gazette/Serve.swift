import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `gazette serve`: a web page for editors who do not use a terminal, to pick a month, see
/// its problems and pages, fix an article, build, and download the PDF and handouts.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a web page for editors: every digest under a folder, to check, edit, preview and build.",
        discussion: """
            Lists every digest folder directly under ROOT (a folder with a digest.yaml) at \
            http://127.0.0.1:8080/. Builds run one at a time in the server; what they make is \
            kept in each digest's hidden .gazette/ folder, with the earlier versions of every \
            file saved from the page.

            The page is for this machine only unless --host is given; any other address needs \
            --token-file, a file holding a secret that editors type in once (or send as \
            `Authorization: Bearer`). Ctrl-C stops the server.

            Examples:
              gazette serve ~/digests
              gazette serve ~/digests --host 0.0.0.0 --port 8080 --token-file ~/.gazette-token
            """)

    @Argument(help: "The folder whose subfolders are digests.", completion: .directory)
    var root: String

    @Option(help: "The address to listen on. Any address but the loopback one needs --token-file.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the address is printed).")
    var port = 8080

    @Option(name: .customLong("token-file"), help: "A file holding the token editors must give.",
            completion: .file())
    var tokenFile: String?

    /// Shorter tokens are too easy to guess over the network.
    static let shortestToken = 16

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port \(port) is not a port; give one from 1 to 65535, or 0 for any free one")
        }
        if !Self.isLoopback(host), tokenFile == nil {
            throw ValidationError("--host \(host) lets other machines reach the page; give --token-file with a secret of at least \(Self.shortestToken) characters, or leave --host out to serve this machine only")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func run() throws {
        // Before any thread of the server allocates: see `Allocator`.
        Allocator.keepThresholdsFixed()
        let resources = try Resources.locate()
        guard let folder = RootFolder(root) else {
            throw UsageError(command: "serve", message: "'\(root)' is not a folder; give the folder that holds your digest folders")
        }
        let token = try tokenFile.map(Self.readToken)
        // Bound to loopback without a token: only requests naming this address are answered.
        let address = token == nil ? LoopbackAddress() : nil
        let server = EditorServer(root: folder, resources: resources, token: token, allowedHosts: address)
        var logger = Logger(label: "gazette-serve")
        logger.logLevel = .warning
        let host = self.host, root = folder.path
        let application = Application(
            router: server.router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                address?.bound(port: port)
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write("serving \(root) at http://\(shown):\(port)/; press Ctrl-C to stop\n")
            },
            logger: logger)
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                var configuration = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [.sigterm, .sigint],
                                                              logger: logger)
                // Open event streams end when cancelled; a build in the workshop is not waited for.
                configuration.maximumGracefulShutdownDuration = .seconds(2)
                try await ServiceGroup(configuration: configuration).run()
            } catch {
                failure.error = error
            }
            finished.signal()
        }
        finished.wait()
        AtomicFile.removePending()
        if let error = failure.error {
            throw InternalError("could not serve on \(host):\(port): \(error)")
        }
        FileHandle.standardError.write("stopped serving\n")
    }

    /// The token: the file's first line, without surrounding spaces.
    static func readToken(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UsageError(command: "serve", message: "cannot read the token file '\(path)'")
        }
        let token = String(text.split(whereSeparator: \.isNewline).first ?? "").trimmingCharacters(in: .whitespaces)
        guard token.count >= shortestToken else {
            throw UsageError(command: "serve", message: "the token in '\(path)' is \(token.count) characters long; write one of at least \(shortestToken), such as the output of `openssl rand -hex 24`")
        }
        return token
    }
}

/// The error that ended the server, handed from its task to the waiting main thread.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}

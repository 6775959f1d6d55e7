import Foundation

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Headless Chromium driven through chromedriver's W3C WebDriver HTTP API, with the same
/// little HTTP client as the other tests. Debian's `chromium` and `chromium-driver`
/// (installed by `make test`). The session and the driver end when this is let go.
final class Browser {
    private let driver: Process
    private let port: Int
    private let session: String
    /// Where the browser saves what it downloads.
    let downloads: String

    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    init(downloads: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.chromium),
              FileManager.default.isExecutableFile(atPath: Self.chromedriver) else {
            throw WebDriverFailure(description: "chromium and chromedriver are not installed; `make test` installs them")
        }
        self.downloads = downloads
        port = try freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let deadline = Date().addingTimeInterval(20)
        while (try? HTTP.send("GET", "/status", port: port, headers: ["Host": "127.0.0.1:\(port)"], body: nil))?.status != 200 {
            guard Date() < deadline else { throw WebDriverFailure(description: "chromedriver did not start") }
            usleep(100_000)
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": Self.chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1100", "--no-first-run"],
                "prefs": ["download.default_directory": downloads, "download.prompt_for_download": false],
            ],
        ]]]
        let reply = try Self.call(port: port, "POST", "/session", capabilities)
        guard let value = reply["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw WebDriverFailure(description: "no session: \(reply)")
        }
        session = id
    }

    deinit {
        _ = try? Self.call(port: port, "DELETE", "/session/\(session)", nil)
        // chromedriver does not end on SIGTERM.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    func open(_ url: String) throws { _ = try command("POST", "url", ["url": url]) }

    var currentURL: String { ((try? command("GET", "url", nil)) as? String) ?? "" }

    /// The first element that `css` selects, waiting up to `seconds` for it to appear.
    @discardableResult
    func element(_ css: String, within seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let reply = try Self.call(port: port, "POST", "/session/\(session)/element", ["using": "css selector", "value": css])
            if let value = reply["value"] as? [String: Any], let id = value.values.first as? String, value.count == 1 { return id }
            guard Date() < deadline else { throw WebDriverFailure(description: "no element '\(css)' on \(currentURL)") }
            usleep(200_000)
        }
    }

    func click(_ css: String, within seconds: Double = 10) throws {
        _ = try command("POST", "element/\(try element(css, within: seconds))/click", [:])
    }

    /// The text of the page's body, as the browser renders it.
    /// The page's text. Finding the body and reading its text are two requests; a page that
    /// reloads itself in between (the digest page does, when a check ends) makes the body
    /// found stale, so that is asked again, a few times.
    func text() throws -> String {
        var attempt = 1
        while true {
            do {
                return (try command("GET", "element/\(try element("body"))/text", nil) as? String) ?? ""
            } catch let failure as WebDriverFailure where failure.description.contains("stale element") && attempt < 5 {
                attempt += 1
            }
        }
    }

    /// Runs `script` in the page and returns what it returned.
    func run(_ script: String) throws -> Any? {
        try command("POST", "execute/sync", ["script": script, "args": []])
    }

    /// A PNG of the window, written to `path`.
    func screenshot(to path: String) throws {
        guard let base64 = try command("GET", "screenshot", nil) as? String, let data = Data(base64Encoded: base64) else {
            throw WebDriverFailure(description: "no screenshot")
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Waits for a file named `name` to be downloaded completely.
    func downloaded(_ name: String, within seconds: Double = 30) throws -> String {
        let path = downloads + "/" + name
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []
            if names.contains(name), !names.contains(where: { $0.hasSuffix(".crdownload") }) { return path }
            usleep(200_000)
        }
        throw WebDriverFailure(description: "'\(name)' was not downloaded: \((try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? [])")
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) throws -> Any? {
        let reply = try Self.call(port: port, method, "/session/\(session)/\(path)", body)
        if let value = reply["value"] as? [String: Any], let error = value["error"] as? String {
            throw WebDriverFailure(description: "\(path): \(error): \(value["message"] ?? "")")
        }
        return reply["value"]
    }

    private static func call(port: Int, _ method: String, _ path: String, _ body: [String: Any]?) throws -> [String: Any] {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let reply = try HTTP.send(method, path, port: port,
                                  headers: ["Host": "127.0.0.1:\(port)", "Content-Type": "application/json"], body: data)
        return (try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]) ?? [:]
    }
}

struct WebDriverFailure: Error, CustomStringConvertible {
    var description: String
}

/// A port no one listens on now, found by binding port 0.
func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
            Glibc.bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
        }
    }
    guard bound else { throw WebDriverFailure(description: "no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

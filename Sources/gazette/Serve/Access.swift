import Foundation
import Hummingbird

/// Who may use the server, and which requests may change things.
///
/// - Host: bound to a loopback address without a token, requests must name that address
///   in `Host`, so a web page on another site cannot reach the server through a DNS name
///   it points at 127.0.0.1 (DNS rebinding).
/// - Token: with `--token-file`, every request but the login form and the style sheet
///   carries the token as `Authorization: Bearer …`, or the session cookie that the login
///   form sets after the token was typed in. Tokens are compared in constant time.
/// - Same origin: a POST (build, save, login) from a browser must come from one of the
///   server's own pages: its `Origin`, or else its `Referer`, is this server. A request
///   with a valid bearer token is not a browser's, and needs neither.
struct Access<Context: RequestContext>: RouterMiddleware {
    var sessions: Sessions
    /// The names `Host` may have; nil accepts any (a token guards the server).
    var allowedHosts: LoopbackAddress?

    /// Addresses anyone may fetch, also without the token.
    static var publicPaths: Set<String> { ["/login", "/assets/style.css"] }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority ?? ""
        if let allowedHosts, !allowedHosts.allows(host) {
            throw Refusal(status: .misdirectedRequest, message: "This server answers only to its own address.")
        }
        let bearer = request.headers[.authorization].flatMap(Self.bearerToken)
        let hasBearer = bearer.map { sessions.matchesToken($0) } ?? false
        if sessions.requiresToken, !Self.publicPaths.contains(request.uri.path) {
            let cookie = request.cookies["gazette_session"]?.value
            guard hasBearer || cookie.map(sessions.isSession) == true else {
                return Reply.page("Sign in", LoginPage.form(message: nil), status: .unauthorized)
            }
        }
        if request.method == .post, !hasBearer, !Self.isSameOrigin(request, host: host) {
            throw Refusal(status: .forbidden, message: "This form can be sent only from Gazette's own pages.")
        }
        return try await next(request, context)
    }

    /// `Origin` when the browser sent one, else `Referer`, names `http://host`.
    static func isSameOrigin(_ request: Request, host: String) -> Bool {
        guard !host.isEmpty else { return false }
        let own = "http://" + host.lowercased()
        if let origin = request.headers[.origin] { return origin.lowercased() == own }
        if let referer = request.headers[.referer]?.lowercased() { return referer == own || referer.hasPrefix(own + "/") }
        return false
    }

    static func bearerToken(_ header: String) -> String? {
        let prefix = "bearer "
        guard header.lowercased().hasPrefix(prefix) else { return nil }
        return String(header.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }
}

/// The token and the sessions of those who typed it into the login form. Sessions live in
/// memory only: a restart signs everyone out, and no secret is ever written to disk.
final class Sessions: @unchecked Sendable {
    private let token: [UInt8]?
    private let lock = NSLock()
    private var sessions: Set<String> = []

    /// - Parameter token: nil when the server needs none (bound to loopback).
    init(token: String?) {
        self.token = token.map { Array($0.utf8) }
    }

    var requiresToken: Bool { token != nil }

    /// Whether `candidate` is the token, in time that depends only on their lengths.
    func matchesToken(_ candidate: String) -> Bool {
        guard let token else { return false }
        return Self.constantTimeEqual(Array(candidate.utf8), token)
    }

    /// A new session for someone who gave the token: 32 random bytes, as hex.
    func open() -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
        lock.withLock { _ = sessions.insert(id) }
        return id
    }

    func isSession(_ id: String) -> Bool {
        let known = lock.withLock { sessions }
        // Compared one by one in constant time, so the time says nothing of a near miss.
        var found = false
        for session in known where Self.constantTimeEqual(Array(id.utf8), Array(session.utf8)) { found = true }
        return found
    }

    /// True when `a` and `b` are the same bytes. Every byte of the longer is looked at
    /// whatever the first difference, so the time taken does not tell how much matched.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | (a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}

/// The names a browser on this machine uses for a server bound to loopback, with the port
/// that was bound (known only once listening, when `--port 0` let the system choose).
final class LoopbackAddress: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    func bound(port: Int) { lock.withLock { self.port = port } }

    /// Whether `host`, a request's `Host`, is `127.0.0.1`, `localhost` or `[::1]` with the port.
    func allows(_ host: String) -> Bool {
        guard let port = lock.withLock({ port }) else { return false }
        return ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"].contains(host.lowercased())
    }
}

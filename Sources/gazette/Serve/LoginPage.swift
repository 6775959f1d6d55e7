import Foundation
import Hummingbird

/// `GET /login` and `POST /login`: the form where an editor types the token once; the
/// browser then keeps a session cookie (HttpOnly, SameSite=Strict) instead of the token.
enum LoginPage {
    static func form(message: String?) -> HTML {
        """
        <h1>Sign in</h1>
        \(message.map { "<p class=\"message\">\($0)</p>" as HTML } ?? .empty)
        <form method="post" action="/login" class="login">
        <label>Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
        <button type="submit">Sign in</button>
        </form>
        <p class="hint">The token is in the file given to <code>gazette serve --token-file</code>.</p>
        """
    }

    static func show() -> Response {
        Reply.page("Sign in", form(message: nil))
    }

    static func signIn(_ request: Request, sessions: Sessions) async throws -> Response {
        let form = try await Form.read(request)
        guard sessions.requiresToken else { return Reply.redirect(to: "/") }
        guard let token = form["token"], sessions.matchesToken(token) else {
            return Reply.page("Sign in", Self.form(message: "That is not the token."), status: .unauthorized)
        }
        var headers = HTTPFields()
        headers[.setCookie] = "gazette_session=\(sessions.open()); Path=/; HttpOnly; SameSite=Strict"
        return Reply.redirect(to: "/", headers: headers)
    }
}

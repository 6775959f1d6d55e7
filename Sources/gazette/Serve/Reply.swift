import Foundation
import Hummingbird

/// The responses the server sends, with the headers every one of them needs.
enum Reply {
    /// Headers on every page: no sniffing, no framing by another site, scripts and styles
    /// only from this server (so even markup that escaped escaping could run nothing).
    static func securityHeaders() -> HTTPFields {
        var headers = HTTPFields()
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'"
        headers[HeaderName.referrerPolicy] = "same-origin"
        headers[HeaderName.frameOptions] = "DENY"
        return headers
    }

    /// A whole page: `body` inside the common frame (title, style sheet, script).
    static func page(_ title: String, _ body: HTML, status: HTTPResponse.Status = .ok,
                     headers extra: HTTPFields = [:]) -> Response {
        let document: HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Gazette</title>
            <link rel="stylesheet" href="/assets/style.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <header class="top"><a href="/">Gazette</a></header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
        var headers = securityHeaders()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.markup)))
    }

    /// A plain page saying what went wrong, in words for an editor, with no internals.
    static func problem(_ status: HTTPResponse.Status, _ message: String) -> Response {
        page(status.reasonPhrase, """
            <h1>\(status.reasonPhrase)</h1>
            <p class="message">\(message)</p>
            <p><a href="/">Back to the digests</a></p>
            """, status: status)
    }

    /// 303 See Other: after a POST, the browser fetches `location` with GET.
    static func redirect(to location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = securityHeaders()
        headers[.location] = location
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    /// A file's bytes with its type; `downloadName` makes the browser save it under that name.
    static func file(_ data: Data, type: String, downloadName: String? = nil, extra: HTTPFields = [:]) -> Response {
        var headers = securityHeaders()
        headers[.contentType] = type
        headers[.contentLength] = String(data.count)
        if let downloadName {
            headers[.contentDisposition] = "attachment; filename=\"\(downloadName)\"; filename*=UTF-8''\(Address.encode(downloadName))"
        }
        headers.append(contentsOf: extra)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A request the server refuses or cannot answer, with the words shown to the editor.
/// Every route throws this (never a raw error) for anything the user should see.
struct Refusal: Error {
    var status: HTTPResponse.Status
    var message: String

    /// The answer to any path that does not name something the server shows: the same for a
    /// file that is not there and one that is outside the root, so nothing can be probed.
    static let notFound = Refusal(status: .notFound, message: "There is nothing at this address.")
}

/// A header's name. (`HTTPField` itself is not re-exported by Hummingbird.)
typealias HeaderName = HTTPFields.Element.Name

extension HTTPFields.Element.Name {
    static let referrerPolicy = HeaderName("Referrer-Policy")!
    static let frameOptions = HeaderName("X-Frame-Options")!
}

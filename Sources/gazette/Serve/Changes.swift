import Foundation
import Hummingbird

/// `GET /d/NAME/changes?since=KEY`: one server-sent event, `changed`, as soon as the
/// digest's files are no longer in the state `KEY` names (an editor's own text editor saved,
/// a git pull); the digest page and the preview reload on it, as `build --watch` rebuilds.
/// Looked at twice a second, like `build --watch`; a comment every fifteen seconds finds a
/// client that went away.
enum Changes {
    static func events(_ folder: DigestFolder, since key: String, inspections: Inspections) -> Response {
        var headers = Reply.securityHeaders()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            // At most an hour; the page opens a new stream when it reloads.
            for tick in 0..<7_200 {
                let now = inspections.stateKey(folder)
                if now != key {
                    try await writer.write(ByteBuffer(string: "event: changed\ndata: \(now)\n\n"))
                    break
                }
                if tick % 30 == 0 { try await writer.write(ByteBuffer(string: ": waiting\n\n")) }
                try await Task.sleep(for: .milliseconds(500))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Where a page showing the files in state `key` listens for a change.
    static func address(_ folder: DigestFolder, key: String) -> String {
        Address.path(["d", folder.name, "changes"], query: [("since", key)])
    }
}

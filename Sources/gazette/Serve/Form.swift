import Foundation
import Hummingbird

/// The fields of a form a browser sent as `application/x-www-form-urlencoded`, in order,
/// a name possibly repeated (`article=a&article=b`).
struct Form: Sendable {
    var fields: [(name: String, value: String)]

    /// The largest form accepted: an article's Markdown is a few tens of kilobytes.
    static let sizeLimit = 2 * 1024 * 1024

    /// Reads the body of `request`.
    /// - Throws: `Refusal` 413 past `sizeLimit`, 400 when it is not a form.
    static func read(_ request: Request) async throws -> Form {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > sizeLimit {
            throw Refusal(status: .contentTooLarge, message: "What was sent is larger than \(sizeLimit / 1024 / 1024) MB.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: sizeLimit)
        } catch {
            throw Refusal(status: .contentTooLarge, message: "What was sent is larger than \(sizeLimit / 1024 / 1024) MB.")
        }
        guard let form = Form(encoded: String(buffer: body)) else {
            throw Refusal(status: .badRequest, message: "The form could not be read.")
        }
        return form
    }

    /// Parses `name=value&…`, with `+` for a space and percent-encoded bytes; nil when an
    /// encoded byte sequence is not UTF-8.
    init?(encoded: String) {
        var fields: [(String, String)] = []
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]),
                  let value = parts.count > 1 ? Self.decode(parts[1]) : "" else { return nil }
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a socket, so a test sends exactly the bytes it means:
/// URLSession would resolve `..` and decode `%2F` before the server ever saw them.
enum HTTP {
    struct Reply {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: Data

        /// The first header named `name`, compared without case.
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request on a new connection (`Connection: close`) and reads the whole reply.
    static func send(_ method: String, _ target: String, port: Int, headers: [String: String], body: Data?) throws -> Reply {
        let socket = try connected(port: port)
        defer { close(socket) }
        try write(method, target, headers: headers, body: body, to: socket)
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
            // Not every server closes after `Connection: close` (chromedriver does not):
            // a reply with a length is complete once that much has come.
            if let length = completeLength(received), received.count >= length { break }
        }
        return try parse(received)
    }

    /// Sends a request, reads the first bytes of the reply and hangs up: a browser tab closed
    /// in the middle of a download or an event stream.
    static func hangUp(_ method: String, _ target: String, port: Int) throws {
        let socket = try connected(port: port)
        defer { close(socket) }
        try write(method, target, headers: ["Host": "127.0.0.1:\(port)"], body: nil, to: socket)
        var buffer = [UInt8](repeating: 0, count: 64)
        _ = recv(socket, &buffer, buffer.count, 0)
    }

    private static func connected(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket") }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to port \(port)")
        }
        return socket
    }

    private static func write(_ method: String, _ target: String, headers: [String: String], body: Data?, to socket: Int32) throws {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        var fields = headers
        fields["Connection"] = "close"
        if let body { fields["Content-Length"] = String(body.count) }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var request = Data(head.utf8)
        if let body { request.append(body) }
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = Glibc.send(socket, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                // The server may answer (413) and close before it has read everything.
                if count <= 0 { if sent > 0 { return }; throw Failure(description: "send failed") }
                sent += count
            }
        }
    }

    /// Headers plus `Content-Length`, once the headers are in and give a length.
    static func completeLength(_ data: Data) -> Int? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
        return end.upperBound + length
    }

    static func parse(_ data: Data) throws -> Reply {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no reply: \(data.count) bytes") }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(data[end.upperBound...])
        let reply = Reply(status: status, headers: headers, body: body)
        if reply.header("Transfer-Encoding")?.lowercased() == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    /// The body of a chunked reply, as far as it was received.
    static func dechunk(_ data: Data) -> Data {
        var body = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { body.append(rest[start...]); break }
            let stop = rest.index(start, offsetBy: size)
            body.append(rest[start..<stop])
            rest = rest[stop...].dropFirst(2)
        }
        return body
    }

    /// `a=1&b=x+y`, as a browser sends a form.
    static func formEncoded(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
        return fields.map { name, value in
            let encode = { (text: String) in
                text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
            }
            return encode(name) + "=" + encode(value)
        }.joined(separator: "&")
    }
}

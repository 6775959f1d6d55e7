import Foundation

/// The parts of a `multipart/form-data` body, as a browser sends a form with a file.
struct Multipart {
    struct Part {
        var name: String
        /// The file's name as the browser gave it; nil for a plain field.
        var filename: String?
        var data: Data
    }

    var parts: [Part]

    /// The boundary named by a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// Splits `body` at `boundary`; nil when it is not well formed.
    init?(body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let separator = Data("\r\n\r\n".utf8)
        var parts: [Part] = []
        var rest = body[...]
        guard let first = rest.range(of: delimiter) else { return nil }
        rest = rest[first.upperBound...]
        while !rest.starts(with: Data("--".utf8)) {
            guard rest.starts(with: Data("\r\n".utf8)), let end = rest.range(of: separator),
                  let next = rest.range(of: Data("\r\n".utf8) + delimiter, in: end.upperBound..<rest.endIndex) else { return nil }
            let head = String(decoding: rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound], as: UTF8.self)
            guard let disposition = Self.disposition(head), let name = disposition["name"] else { return nil }
            parts.append(Part(name: name, filename: disposition["filename"], data: Data(rest[end.upperBound..<next.lowerBound])))
            rest = rest[next.upperBound...]
        }
        self.parts = parts
    }

    /// The first part named `name`.
    subscript(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The text of the field `name`.
    func field(_ name: String) -> String? { self[name].map { String(decoding: $0.data, as: UTF8.self) } }

    /// `name` and `filename` of a part's `Content-Disposition: form-data; name="…"; filename="…"`.
    private static func disposition(_ head: String) -> [String: String]? {
        for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            var values: [String: String] = [:]
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
                values[key] = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            return values
        }
        return nil
    }
}

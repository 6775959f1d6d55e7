/// Markup to send to a browser. Text interpolated into it is escaped, markup interpolated
/// into it is kept: so nothing an editor wrote (a title, an article's Markdown, a message
/// that quotes it) can ever become markup, and no page is built by concatenating strings.
///
/// ```swift
/// let row: HTML = "<td>\(article.title)</td>"   // the title is escaped
/// let table: HTML = "<table>\(rows)</table>"     // `rows: [HTML]` is kept as markup
/// ```
struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    /// The markup, ready to send.
    private(set) var markup: String

    init(stringLiteral literal: String) { markup = literal }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    /// Nothing at all, for an optional part of a page.
    static let empty: HTML = ""

    /// Builds markup piece by piece; see `HTML`.
    struct Interpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity * 2)
        }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// A number, as text.
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// Markup: kept.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Pieces of markup, one after another.
        mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { markup += piece.markup }
        }
    }

    /// `text` with the five characters that are special in HTML text and in quoted attribute
    /// values replaced by character references.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

/// Addresses inside the server, built from path segments that are percent-encoded one by
/// one, so a folder or file name can never add a segment or a query of its own.
enum Address {
    /// `/d/2024-06/edit/articles/a.md` from `["d", "2024-06", "edit", "articles", "a.md"]`.
    static func path(_ segments: [String], query: [(String, String)] = []) -> String {
        let path = "/" + segments.map(encode).joined(separator: "/")
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// Every byte but the unreserved characters of RFC 3986 percent-encoded.
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}

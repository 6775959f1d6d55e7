/// Destination names and URIs in the forms cairo 1.16 writes correctly.
///
/// Cairo copies destination names into the PDF's name tree as raw literal strings: a
/// parenthesis or backslash there damages the file, and a non-ASCII name is written as UTF-8
/// in the tree but as UTF-16 in links, so the two never match. URIs lose their backslashes.
/// Both are therefore reduced to printable ASCII by percent-encoding before cairo sees them.
package enum PDFStrings {
    /// `name` with every byte outside the URI unreserved set (`A–Z a–z 0–9 - . _ ~`) written as
    /// `%XX`. One-to-one, so distinct anchors stay distinct; typical slugs come out unchanged.
    package static func destinationName(_ name: String) -> String {
        percentEncoded(name) { byte in
            isASCIILetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        }
    }

    /// `uri` with spaces, non-ASCII and characters not allowed in URIs percent-encoded.
    /// Existing `%XX` escapes are kept as they are.
    package static func uri(_ uri: String) -> String {
        let unsafe = Set("\"<>\\^`{|}".utf8)
        return percentEncoded(uri) { byte in
            (0x21...0x7E).contains(byte) && !unsafe.contains(byte)
        }
    }

    private static func percentEncoded(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if keep(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

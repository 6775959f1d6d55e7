import Foundation
import TestSupport

/// Every object of a PDF as qpdf reads it back (`qpdf --json`, version 2), streams decoded.
///
/// Object references are the JSON's strings `"12 0 R"`; `resolve` follows one.
struct PDFObjects {
    /// Values by reference ("12 0 R"); a stream's value is its dictionary.
    var values: [String: Any] = [:]
    /// Decoded stream data by reference.
    var streams: [String: Data] = [:]
    /// The trailer dictionary.
    var trailer: [String: Any] = [:]
    /// The page objects' references, in page order.
    var pages: [String] = []

    init(_ pdf: String) throws {
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", "--json-key=pages", "--json-stream-data=inline",
                                          "--decode-level=generalized", pdf]).stdout
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        let objects = ((root["qpdf"] as? [Any])?.last as? [String: Any]) ?? [:]
        for (key, object) in objects {
            guard let object = object as? [String: Any] else { continue }
            if key == "trailer" { trailer = object["value"] as? [String: Any] ?? [:]; continue }
            let reference = String(key.dropFirst("obj:".count))
            if let stream = object["stream"] as? [String: Any] {
                values[reference] = stream["dict"]
                if let data = (stream["data"] as? String).flatMap({ Data(base64Encoded: $0) }) { streams[reference] = data }
            } else {
                values[reference] = object["value"]
            }
        }
        pages = ((root["pages"] as? [[String: Any]]) ?? []).compactMap { $0["object"] as? String }
    }

    /// `value`, or the object it refers to.
    func resolve(_ value: Any?) -> Any? {
        if let reference = value as? String, reference.hasSuffix(" R") { return values[reference] }
        return value
    }

    func dictionary(_ value: Any?) -> [String: Any] { resolve(value) as? [String: Any] ?? [:] }

    var catalog: [String: Any] { dictionary(trailer["/Root"]) }
    var info: [String: Any] { dictionary(trailer["/Info"]) }

    /// Every dictionary object whose `/S` is `role` (a structure element such as `/Figure`).
    func elements(_ role: String) -> [[String: Any]] {
        values.values.compactMap { $0 as? [String: Any] }.filter { ($0["/S"] as? String) == role }
    }

    /// The references of every element of the structure tree, depth first.
    func structureElements() -> [String] {
        var found: [String] = []
        func walk(_ value: Any?) {
            for kid in items(dictionary(value)["/K"]) {
                guard let reference = kid as? String, dictionary(reference)["/S"] != nil else { continue }
                found.append(reference)
                walk(reference)
            }
        }
        walk(catalog["/StructTreeRoot"])
        return found
    }

    /// The items of an array, or the one object that stands for a one-item array.
    func items(_ value: Any?) -> [Any] {
        let resolved = resolve(value)
        if let array = resolved as? [Any] { return array }
        return resolved.map { [$0] } ?? []
    }

    /// A PDF text string as JSON gives it ("u:…" for text, "b:…" for bytes as hex).
    static func text(_ value: Any?) -> String? {
        guard let string = value as? String, string.hasPrefix("u:") else { return nil }
        return String(string.dropFirst(2))
    }

    /// The page's content streams, decoded and joined as a reader joins them.
    func content(ofPage index: Int) -> Data {
        var data = Data()
        for stream in items(dictionary(pages[index])["/Contents"]) {
            if let reference = stream as? String, let bytes = streams[reference] { data += bytes; data.append(0x0A) }
        }
        return data
    }

    /// A form XObject's content, by its name in the page's resources.
    func form(_ name: String, onPage index: Int) -> Data? {
        let resources = dictionary(dictionary(pages[index])["/Resources"])
        guard let reference = dictionary(resources["/XObject"])[name] as? String else { return nil }
        return streams[reference]
    }
}

/// What a content stream paints outside both a structure element and an artifact.
///
/// A small reader of the content-stream syntax (ISO 32000-1, 7.8.2): operands are skipped
/// whole (strings with their escapes and nesting, dictionaries, arrays, inline images), and
/// marked-content operators kept on a stack. A painting operator is claimed when an enclosing
/// sequence is an `/Artifact` or carries an `/MCID` (so belongs to a structure element).
struct MarkedContentScan {
    /// The painting operators found outside any claimed sequence, with their position.
    var unclaimed: [(operator: String, offset: Int)] = []
    /// Painting operators inside an `/Artifact` and inside structure content.
    var artifactPaints = 0, contentPaints = 0
    /// Text-showing operators inside an `/Artifact`.
    var artifactText = 0
    /// `BMC`/`BDC` without `EMC`, or `EMC` without an opening, at the end.
    var unbalanced = false

    static let painting: Set<String> = ["Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s",
                                        "sh", "BI"]
    static let showingText: Set<String> = ["Tj", "TJ", "'", "\""]

    init(_ data: Data) {
        let bytes = [UInt8](data)
        var index = 0
        /// Whether each open sequence claims its content, and whether as an artifact.
        var stack: [(claims: Bool, artifact: Bool)] = []
        var operands: [String] = []
        func isWhite(_ byte: UInt8) -> Bool { [0, 9, 10, 12, 13, 32].contains(byte) }
        func isDelimiter(_ byte: UInt8) -> Bool { Array("()<>[]{}/%".utf8).contains(byte) }
        /// Moves `index` from a string's `(` past its matching `)`, over nested parentheses
        /// and backslash escapes.
        func skipString() {
            var depth = 0
            repeat {
                if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                else if bytes[index] == UInt8(ascii: "(") { depth += 1 }
                else if bytes[index] == UInt8(ascii: ")") { depth -= 1 }
                index += 1
            } while index < bytes.count && depth > 0
        }
        while index < bytes.count {
            let byte = bytes[index]
            if isWhite(byte) { index += 1; continue }
            switch byte {
            case UInt8(ascii: "%"):
                while index < bytes.count, bytes[index] != 10, bytes[index] != 13 { index += 1 }
            case UInt8(ascii: "("):
                skipString()
                operands.append("(string)")
            case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "<"):
                // A dictionary: its tokens matter only for `/MCID`.
                var depth = 0, start = index
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") { depth += 1; index += 2; continue }
                    if bytes[index] == UInt8(ascii: ">"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                        depth -= 1; index += 2
                        if depth == 0 { break }
                        continue
                    }
                    if bytes[index] == UInt8(ascii: "(") {
                        skipString()  // a string inside the dictionary
                        continue
                    }
                    index += 1
                }
                operands.append(String(decoding: bytes[start..<index], as: UTF8.self))
            case UInt8(ascii: "<"):
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                index += 1
                operands.append("<hex>")
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                index += 1
            case UInt8(ascii: "/"):
                let start = index
                index += 1
                while index < bytes.count, !isWhite(bytes[index]), !isDelimiter(bytes[index]) { index += 1 }
                operands.append(String(decoding: bytes[start..<index], as: UTF8.self))
            default:
                let start = index
                while index < bytes.count, !isWhite(bytes[index]), !isDelimiter(bytes[index]) { index += 1 }
                if index == start { index += 1; continue }
                let token = String(decoding: bytes[start..<index], as: UTF8.self)
                if let first = token.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                    || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
                    operands.append(token)
                    continue
                }
                switch token {
                case "BMC":
                    let artifact = operands.last == "/Artifact"
                    stack.append((artifact, artifact))
                case "BDC":
                    let tag = operands.count >= 2 ? operands[operands.count - 2] : ""
                    let properties = operands.last ?? ""
                    let artifact = tag == "/Artifact"
                    stack.append((artifact || properties.contains("/MCID"), artifact))
                case "EMC":
                    if stack.popLast() == nil { unbalanced = true }
                case "ID":
                    // Inline image data runs to the `EI` that follows white space.
                    index += 1
                    while index + 2 < bytes.count,
                          !(isWhite(bytes[index]) && bytes[index + 1] == UInt8(ascii: "E") && bytes[index + 2] == UInt8(ascii: "I")) {
                        index += 1
                    }
                    index += 3
                default:
                    if Self.painting.contains(token) {
                        if let claim = stack.last(where: \.claims) {
                            if claim.artifact {
                                artifactPaints += 1
                                if Self.showingText.contains(token) { artifactText += 1 }
                            } else {
                                contentPaints += 1
                            }
                        } else {
                            unclaimed.append((token, start))
                        }
                    }
                }
                operands.removeAll(keepingCapacity: true)
            }
        }
        if !stack.isEmpty { unbalanced = true }
    }
}

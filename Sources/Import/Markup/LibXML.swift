internal import CLibXML2
import Foundation

/// libxml2's two parsers, wrapped once: bytes in, a `MarkupElement` tree out.
///
/// Both are set up for input from strangers. Nothing is fetched from the network
/// (`NONET`), and a process-wide entity loader refuses every external entity or DTD, so
/// `<!ENTITY x SYSTEM "file:///etc/passwd">` reads nothing. Entities are not substituted
/// (no `NOENT`) and `HUGE` is off, so libxml2's own limits stop "billion laughs" and
/// documents nested more than 256 deep; the copy into Swift values stops at
/// `maximumDepth` as well, so HTML (which libxml2 nests without limit) cannot overflow the stack.
enum LibXML {
    /// Deeper elements are flattened into their text when the tree is copied out.
    static let maximumDepth = 200

    /// Parses a whole XML document; the result is the root element.
    /// - Throws: `MarkupError` with libxml2's message and position when it is not well-formed.
    static func parseXML(_ data: Data) throws(MarkupError) -> MarkupElement {
        setUp()
        guard let context = xmlNewParserCtxt() else { throw MarkupError(message: "out of memory", line: 0, column: 0) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let document = data.withUnsafeBytes { bytes in
            xmlCtxtReadMemory(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count),
                              nil, nil, options)
        }
        guard let document else { throw error(of: context, fallback: "it is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        if context.pointee.wellFormed == 0 { throw error(of: context, fallback: "it is not well-formed XML") }
        guard let root = xmlDocGetRootElement(document) else {
            throw MarkupError(message: "it holds no element", line: 1, column: 1)
        }
        var flattened = 0
        return copy(root, depth: 0, html: false, flattened: &flattened)
    }

    /// Parses HTML as a browser would, repairing what is broken; never fails on content.
    ///
    /// - Parameter encoding: the bytes' encoding when the caller knows it (`UTF-8` for a
    ///   WordPress post body); nil lets libxml2 read `<meta charset>`.
    /// - Returns: the document's top-level nodes (comments before `<html>`, then `<html>`)
    ///   under an element named `#document`, and how many elements were nested too deep.
    static func parseHTML(_ data: Data, encoding: String?) -> (document: MarkupElement, flattened: Int) {
        setUp()
        guard let context = htmlNewParserCtxt() else { return (MarkupElement(name: "#document"), 0) }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
        let bytes = data.isEmpty ? Data(" ".utf8) : data
        let document = bytes.withUnsafeBytes { raw in
            htmlCtxtReadMemory(context, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count),
                               nil, encoding, options)
        }
        guard let document else { return (MarkupElement(name: "#document"), 0) }
        defer { xmlFreeDoc(document) }
        var top = MarkupElement(name: "#document", line: 1)
        var flattened = 0
        var node = document.pointee.children
        while let current = node {
            if let copied = copyNode(current, depth: 0, html: true, flattened: &flattened) { top.children.append(copied) }
            node = current.pointee.next
        }
        return (top, flattened)
    }

    // MARK: - Copying the tree out

    private static func copy(_ node: xmlNodePtr, depth: Int, html: Bool, flattened: inout Int) -> MarkupElement {
        var element = MarkupElement(name: name(of: node, html: html), line: Int(xmlGetLineNo(node)))
        if !html, let namespace = node.pointee.ns?.pointee.href { element.namespace = String(cString: namespace) }
        var attribute = node.pointee.properties
        while let current = attribute {
            let key = current.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            var child = current.pointee.children
            while let part = child {
                if let content = part.pointee.content { value += String(cString: content) }
                child = part.pointee.next
            }
            element.attributes.append((html ? key.lowercased() : key, value))
            attribute = current.pointee.next
        }
        if depth >= maximumDepth {
            flattened += 1
            element.children = [.text(flatText(node))]
            return element
        }
        var child = node.pointee.children
        while let current = child {
            if let copied = copyNode(current, depth: depth + 1, html: html, flattened: &flattened) {
                element.children.append(copied)
            }
            child = current.pointee.next
        }
        return element
    }

    private static func copyNode(_ node: xmlNodePtr, depth: Int, html: Bool, flattened: inout Int) -> MarkupNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            return .element(copy(node, depth: depth, html: html, flattened: &flattened))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return node.pointee.content.map { .text(String(cString: $0)) }
        case XML_COMMENT_NODE:
            return node.pointee.content.map { .comment(String(cString: $0)) }
        default:
            // Entity references (never expanded), processing instructions, DTDs.
            return nil
        }
    }

    /// The text below `node`, gathered without recursion (the subtree may be very deep).
    private static func flatText(_ root: xmlNodePtr) -> String {
        var text = ""
        var node = root.pointee.children
        while let current = node {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                text += String(cString: content)
            }
            if type == XML_ELEMENT_NODE, let first = current.pointee.children {
                node = first
                continue
            }
            var next: xmlNodePtr? = current
            while let up = next, up != root, up.pointee.next == nil { next = up.pointee.parent }
            guard let up = next, up != root else { break }
            node = up.pointee.next
        }
        return text
    }

    private static func name(of node: xmlNodePtr, html: Bool) -> String {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        return html ? name.lowercased() : name
    }

    private static func error(of context: xmlParserCtxtPtr, fallback: String) -> MarkupError {
        let last = context.pointee.lastError
        guard last.code != 0, let text = last.message else { return MarkupError(message: fallback, line: 1, column: 1) }
        let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return MarkupError(message: message, line: Int(last.line), column: Int(last.int2))
    }

    // MARK: - Once per process

    private static let initialised: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    private static func setUp() { _ = initialised }
}

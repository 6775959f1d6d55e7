internal import CLibXML2
import Foundation

/// An XML document built through libxml2's tree API and written out by libxml2: the only
/// place PDFFinishing sees libxml2.
///
/// Names, namespaces, escaping and encoding are libxml2's, never string formatting, so a
/// title holding `<`, `&` or any script comes out as well-formed UTF-8 XML.
final class XMLTree {
    /// An element of the tree; valid while its tree lives.
    struct Element {
        fileprivate let node: xmlNodePtr
    }

    /// A namespace declared on an element, for naming elements and attributes in it.
    struct Namespace {
        fileprivate let pointer: xmlNsPtr
    }

    private let document: xmlDocPtr
    let root: Element

    /// A document whose root element is `name`, in the namespace `uri` written with `prefix`.
    init(root name: String, prefix: String, uri: String) {
        document = xmlNewDoc("1.0")
        let node = xmlNewDocNode(document, nil, name, nil)!
        xmlDocSetRootElement(document, node)
        root = Element(node: node)
        xmlSetNs(node, xmlNewNs(node, uri, prefix))
    }

    deinit { xmlFreeDoc(document) }

    /// Declares the namespace `uri` with `prefix` on `element`.
    func declare(prefix: String, uri: String, on element: Element) -> Namespace {
        Namespace(pointer: xmlNewNs(element.node, uri, prefix))
    }

    /// Adds an element `name` in `namespace` as the last child of `parent`, holding `text`
    /// (escaped by libxml2) when given.
    @discardableResult
    func add(_ name: String, in namespace: Namespace, to parent: Element, text: String? = nil) -> Element {
        let node = xmlNewChild(parent.node, namespace.pointer, name, nil)!
        if let text { xmlNodeAddContent(node, text) }
        return Element(node: node)
    }

    /// Sets the attribute `name` in `namespace` on `element`.
    func setAttribute(_ name: String, in namespace: Namespace, to value: String, on element: Element) {
        xmlSetNsProp(element.node, namespace.pointer, name, value)
    }

    /// Sets `xml:lang` on `element`.
    func setLanguage(_ language: String, on element: Element) {
        xmlNodeSetLang(element.node, language)
    }

    /// Adds a processing instruction before the root element (`first`) or after it.
    func addProcessingInstruction(_ target: String, content: String, first: Bool) {
        guard let instruction = xmlNewDocPI(document, target, content) else { return }
        if first { xmlAddPrevSibling(root.node, instruction) } else { xmlAddNextSibling(root.node, instruction) }
    }

    /// The document as UTF-8, without an XML declaration (an XMP packet starts with its
    /// `xpacket` instruction) and indented by libxml2.
    func serialized() -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        guard let context = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_NO_DECL.rawValue | XML_SAVE_FORMAT.rawValue)) else {
            return []
        }
        xmlSaveDoc(context, document)
        xmlSaveClose(context)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}

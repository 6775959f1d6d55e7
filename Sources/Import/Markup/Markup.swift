/// A parsed XML or HTML document as plain Swift values: what libxml2 built, copied out once
/// so that nothing past `LibXML.swift` sees a C pointer.
public indirect enum MarkupNode: Sendable, Equatable {
    case element(MarkupElement)
    /// Character data, entities already decoded; CDATA sections arrive here too.
    case text(String)
    /// `<!-- … -->`: Gutenberg's block delimiters, Chrome's `saved from url` line.
    case comment(String)
}

public struct MarkupElement: Sendable, Equatable {
    /// Lower-case for HTML; the local name (without prefix) for XML.
    public var name: String
    /// The namespace URI of an XML element (`http://wordpress.org/export/1.2/`); nil in HTML.
    public var namespace: String?
    /// In document order; names lower-case in HTML.
    public var attributes: [(name: String, value: String)]
    public var children: [MarkupNode]
    /// The 1-based line the element starts on in its file; 0 when libxml2 did not know.
    public var line: Int

    public init(name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [],
                children: [MarkupNode] = [], line: Int = 0) {
        self.name = name; self.namespace = namespace; self.attributes = attributes
        self.children = children; self.line = line
    }

    public static func == (a: MarkupElement, b: MarkupElement) -> Bool {
        a.name == b.name && a.namespace == b.namespace && a.line == b.line && a.children == b.children
            && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
    }

    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The words of the `class` attribute.
    public var classes: [String] {
        (self[attribute: "class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }

    /// The element children, in order.
    public var elements: [MarkupElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element called `name` (and, for XML, in a namespace whose URI starts
    /// with `namespace`: WordPress has written 1.0, 1.1 and 1.2 URIs over the years).
    public func child(_ name: String, namespace: String? = nil) -> MarkupElement? {
        elements.first { $0.name == name && Self.matches($0.namespace, namespace) }
    }

    public func children(_ name: String, namespace: String? = nil) -> [MarkupElement] {
        elements.filter { $0.name == name && Self.matches($0.namespace, namespace) }
    }

    private static func matches(_ actual: String?, _ wanted: String?) -> Bool {
        guard let wanted else { return actual == nil || actual == "" }
        return actual?.hasPrefix(wanted) ?? false
    }

    /// All text below this element, as written (whitespace kept).
    public var text: String {
        var result = ""
        func collect(_ nodes: [MarkupNode]) {
            for node in nodes {
                switch node {
                case .text(let text): result += text
                case .element(let element): collect(element.children)
                case .comment: break
                }
            }
        }
        collect(children)
        return result
    }

    /// Every element below this one, depth first, in document order.
    public func descendants(where include: (MarkupElement) -> Bool) -> [MarkupElement] {
        var found: [MarkupElement] = []
        func walk(_ element: MarkupElement) {
            for child in element.elements {
                if include(child) { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    /// The first element below this one for which `match` holds, depth first.
    public func first(where match: (MarkupElement) -> Bool) -> MarkupElement? {
        for child in elements {
            if match(child) { return child }
            if let found = child.first(where: match) { return found }
        }
        return nil
    }
}

/// A document libxml2 could not read: what it said, and where.
public struct MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { message }
}

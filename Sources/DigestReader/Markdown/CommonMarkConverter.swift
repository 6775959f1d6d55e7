internal import CCmark
import DigestModel

/// The one place that talks to cmark-gfm: parses Markdown with the GitHub table extension,
/// copies the tree into `MarkdownNode` values in a single walk and frees the C nodes.
///
/// Smart punctuation stays off so the text is exactly what the author typed.
enum CommonMarkConverter {
    /// Nodes nested deeper than this are dropped (and reported by the caller), so that a
    /// hostile file of ten thousand `>` cannot exhaust the stack of the recursive steps.
    static let maximumDepth = 64

    /// cmark-gfm's registration of its extensions sets a plain global flag and appends to a
    /// global list: not safe to run from two threads at once. A static `let` runs it exactly once.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses a Markdown text into cmark's tree, copied.
    static func parse(_ markdown: String) -> MarkdownDocument {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            return MarkdownDocument(root: MarkdownNode(kind: .document, line: 1, column: 1, children: []))
        }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownDocument(root: MarkdownNode(kind: .document, line: 1, column: 1, children: []))
        }
        defer { cmark_node_free(root) }
        var tooDeep: (line: Int, column: Int)?
        let tree = copy(root, depth: 0, tooDeep: &tooDeep)
        return MarkdownDocument(root: tree, tooDeep: tooDeep)
    }

    private static func copy(_ node: OpaquePointer, depth: Int,
                             tooDeep: inout (line: Int, column: Int)?) -> MarkdownNode {
        var result = MarkdownNode(
            kind: kind(of: node),
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)),
            children: [])
        var child = cmark_node_first_child(node)
        if child != nil, depth >= maximumDepth {
            if tooDeep == nil { tooDeep = (result.line, result.column) }
            return result
        }
        while let current = child {
            result.children.append(copy(current, depth: depth + 1, tooDeep: &tooDeep))
            child = cmark_node_next(current)
        }
        return result
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
        let literal = { string(cmark_node_get_literal(node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            return .list(start: ordered ? Int(cmark_node_get_list_start(node)) : nil)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal())
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal())
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(literal())
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal())
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal())
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)))
        case CMARK_NODE_IMAGE: return .image(source: string(cmark_node_get_url(node)))
        default: break
        }
        // Extension nodes: Debian's headers do not export their type constants.
        let name = string(cmark_node_get_type_string(node))
        switch name {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [Table.Alignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for index in 0..<columns {
                    switch raw[index] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            } else {
                alignments = Array(repeating: .none, count: columns)
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        default: return .other(name)
        }
    }
}

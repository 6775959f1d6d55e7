import DigestModel

/// One node of cmark-gfm's syntax tree, copied into Swift.
///
/// This is cmark's tree as is, before Gazette's conventions (timelines, callouts, quizzes,
/// figures) are applied: `BodyReader` turns it into `Block`s. Positions are cmark's: a
/// 1-based line of the parsed text and a 1-based column in UTF-8 bytes; 0 when cmark gives
/// none (soft breaks, padded table cells).
struct MarkdownNode: Sendable {
    enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(start: Int?)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [Table.Alignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String)
        case image(source: String)
        /// A node type Gazette does not use (an extension's); its children are kept.
        case other(String)
    }

    var kind: Kind
    var line: Int
    var column: Int
    var children: [MarkdownNode]
}

/// The result of parsing one Markdown text.
struct MarkdownDocument: Sendable {
    var root: MarkdownNode
    /// The position of the first node deeper than `CommonMarkConverter.maximumDepth`, whose
    /// content was dropped.
    var tooDeep: (line: Int, column: Int)?
}

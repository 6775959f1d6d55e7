import Diagnostics

/// One line of a fenced block's content, with where it is.
struct FencedLine {
    /// The line without its indentation and trailing spaces.
    var text: String
    /// The line of the parsed text it is on.
    var line: Int
    /// Characters before `text` in that line.
    var character: Int
}

extension BodyReader {
    /// The non-blank content lines of a fenced code block.
    ///
    /// cmark hands back the content without the container's prefix (`> `, list indentation),
    /// so each line's column is found by matching it against the end of its source line.
    func fencedLines(of node: MarkdownNode, literal: String) -> [FencedLine] {
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var result: [FencedLine] = []
        for (index, content) in lines.enumerated() {
            let trimmed = content.trimmingWhitespace
            if trimmed.isEmpty { continue }
            let line = node.line + 1 + index
            let source = positions.text(ofLine: line)
            var character = 0
            if source.hasSuffix(content) {
                character = source.unicodeScalars.count - content.unicodeScalars.count
            }
            let indent = content.prefix(while: { $0 == " " || $0 == "\t" }).unicodeScalars.count
            result.append(FencedLine(text: trimmed, line: line, character: character + indent))
        }
        return result
    }

    /// The place of a character offset in a fenced line.
    func location(of line: FencedLine, offset: Int = 0) -> SourceLocation {
        positions.location(line: line.line, character: line.character + offset)
    }
}

extension StringProtocol {
    /// The length of a prefix in Unicode scalars, the unit of columns.
    func scalarCount(upTo index: Index) -> Int {
        self[startIndex..<index].unicodeScalars.count
    }
}

import Diagnostics

/// Turns cmark's positions (line of the parsed text, column in UTF-8 bytes) into places in
/// the real file (line of the file, column in Unicode scalars, like libyaml's marks).
///
/// The body of an article starts after its front matter, and inline text re-parsed from a
/// timeline or quiz line starts somewhere inside a line: `lineOffset` and `columnOffset`
/// carry that shift.
struct PositionMap: Sendable {
    var file: String
    /// The UTF-8 bytes of every line of the parsed text.
    var lines: [[UInt8]]
    /// Lines of the real file before the parsed text's first line.
    var lineOffset: Int
    /// Characters before the parsed text's first column (for one-line texts cut from a line).
    var columnOffset: Int

    init(file: String, lines: [String], lineOffset: Int, columnOffset: Int = 0) {
        self.file = file; self.lines = lines.map { Array($0.utf8) }
        self.lineOffset = lineOffset; self.columnOffset = columnOffset
    }

    /// The real position of cmark's `line`/`column`, nil where cmark gives none (0).
    func location(line: Int, column: Int) -> SourceLocation? {
        guard line > 0, column > 0 else { return nil }
        var characters = column - 1
        if line <= lines.count {
            let bytes = lines[line - 1].prefix(column - 1)
            characters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        return SourceLocation(file: file, line: line + lineOffset, column: characters + 1 + columnOffset)
    }

    /// The real position of a character offset in one of the parsed text's lines.
    func location(line: Int, character: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: character + 1 + columnOffset)
    }

    /// The text of the parsed text's line `line` (1-based), empty when out of range.
    func text(ofLine line: Int) -> String {
        guard line > 0, line <= lines.count else { return "" }
        return String(decoding: lines[line - 1], as: UTF8.self)
    }
}

import DigestModel
import Diagnostics

/// One-liners: a ```` ```oneliners ```` fenced block with one short fact a line, inline
/// Markdown allowed. A leading `- `, `* ` or `12. ` is dropped, so a pasted list reads the same.
extension BodyReader {
    mutating func oneLinersBlock(_ node: MarkdownNode, literal: String, at place: SourceLocation) -> [Block] {
        var facts: [[Inline]] = []
        for line in fencedLines(of: node, literal: literal) {
            let text = line.text
            let marker = Self.listMarkerLength(text)
            let fact = String(text.unicodeScalars.dropFirst(marker))
            guard !fact.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            facts.append(inlineMarkdown(fact, line: line.line, character: line.character + marker))
        }
        guard !facts.isEmpty else {
            report(.warning("empty oneliners block", at: place,
                            hint: "write one fact per line, or remove the block"))
            return []
        }
        return [Block(.oneLiners(facts), at: place)]
    }

    /// Length in scalars of a bullet (`- `, `* `) or number (`3. `, `3) `) and its spaces at
    /// the start of `text`; 0 when there is none.
    private static func listMarkerLength(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        if let first = scalars.first, first == "-" || first == "*" {
            index = 1
        } else {
            while index < scalars.count, index < 3, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > 0, index < scalars.count, scalars[index] == "." || scalars[index] == ")" else { return 0 }
            index += 1
        }
        guard index < scalars.count, scalars[index] == " " || scalars[index] == "\t" else { return 0 }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }
}

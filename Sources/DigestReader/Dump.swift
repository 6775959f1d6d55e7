import DigestModel
import Diagnostics

/// A compact, stable text picture of an article's model, one node a line, for tests and
/// debugging:
///
///     article 'pact' "Pact Signed" 2024-06-19 section "International Relations" lang en
///     ├─ heading @9:1 level 2
///     │  └─ text "Key Features"
///     └─ timeline @12:1
///        └─ event "1961"
///           └─ text "Treaty signed."
///
/// - Parameters:
///   - article: the article to show.
///   - folder: when given, stripped from the front of figure paths so the dump does not
///     depend on where the digest folder is.
package func dump(_ article: Article, relativeTo folder: String? = nil) -> String {
    var head = "article '\(article.slug)' \(quoted(article.title)) \(article.date)"
    head += " section \(quoted(article.section)) lang \(article.language)"
    if !article.tags.isEmpty { head += " tags [\(article.tags.map(quoted).joined(separator: ", "))]" }
    if let summary = article.summary { head += " summary \(quoted(summary))" }
    if let source = article.source { head += " source \(quoted(source))" }
    head += " quiz \(article.quiz.count)"
    let tree = DumpNode(head, article.blocks.map { DumpNode($0, folder: folder) })
    return tree.rendered().joined(separator: "\n")
}

/// One line of a dump and the lines under it.
private struct DumpNode {
    var label: String
    var children: [DumpNode]

    init(_ label: String, _ children: [DumpNode] = []) {
        self.label = label; self.children = children
    }

    init(_ block: Block, folder: String?) {
        let at = "@\(block.location.line):\(block.location.column)"
        switch block.content {
        case .heading(let level, let text):
            self.init("heading \(at) level \(level)", inlineNodes(text))
        case .paragraph(let text):
            self.init("paragraph \(at)", inlineNodes(text))
        case .list(let list):
            let kind = list.start.map { "ordered start \($0)" } ?? "bullet"
            self.init("list \(at) \(kind)", list.items.enumerated().map { index, item in
                DumpNode("item \(index + 1)", item.map { DumpNode($0, folder: folder) })
            })
        case .timeline(let events):
            self.init("timeline \(at)", events.map { DumpNode("event \(quoted($0.when))", inlineNodes($0.what)) })
        case .oneLiners(let facts):
            self.init("oneliners \(at)", facts.enumerated().map { DumpNode("fact \($0.offset + 1)", inlineNodes($0.element)) })
        case .table(let table):
            let alignments = table.alignments.map { "\($0)" }.joined(separator: " ")
            let header = DumpNode("header", table.header.map { DumpNode("cell", inlineNodes($0)) })
            let rows = table.rows.enumerated().map { index, row in
                DumpNode("row \(index + 1)", row.map { DumpNode("cell", inlineNodes($0)) })
            }
            self.init("table \(at) [\(alignments)]", [header] + rows)
        case .callout(let callout):
            var children: [DumpNode] = []
            if !callout.title.isEmpty { children.append(DumpNode("title", inlineNodes(callout.title))) }
            children += callout.blocks.map { DumpNode($0, folder: folder) }
            self.init("callout \(at) \(callout.kind.rawValue)", children)
        case .quiz(let questions):
            self.init("quiz \(at)", questions.map { question in
                var children = [DumpNode("prompt", inlineNodes(question.prompt))]
                children += question.options.enumerated().map { index, option in
                    DumpNode("option \(index + 1)\(index == question.answer ? " (answer)" : "")",
                             inlineNodes(option))
                }
                if let explanation = question.explanation {
                    children.append(DumpNode("explanation", inlineNodes(explanation)))
                }
                let place = "@\(question.location.line):\(question.location.column)"
                return DumpNode("question \(place)", children)
            })
        case .image(let figure):
            var path = figure.path
            if let folder, path.hasPrefix(folder + "/") { path.removeFirst(folder.count + 1) }
            let size = "\(figure.pixelWidth)x\(figure.pixelHeight)"
            self.init("image \(at) \(quoted(path)) \(figure.format.rawValue) \(size)",
                      [DumpNode("caption", inlineNodes(figure.caption))])
        case .code(let code):
            self.init("code \(at) \(quoted(code))")
        case .quote(let blocks):
            self.init("quote \(at)", blocks.map { DumpNode($0, folder: folder) })
        case .rule:
            self.init("rule \(at)")
        }
    }

    func rendered() -> [String] {
        var lines = [label]
        for (index, child) in children.enumerated() {
            let last = index == children.count - 1
            let childLines = child.rendered()
            lines.append((last ? "└─ " : "├─ ") + childLines[0])
            lines += childLines.dropFirst().map { (last ? "   " : "│  ") + $0 }
        }
        return lines
    }
}

private func inlineNodes(_ inlines: [Inline]) -> [DumpNode] {
    inlines.map { inline in
        switch inline {
        case .text(let text): DumpNode("text \(quoted(text))")
        case .code(let code): DumpNode("code \(quoted(code))")
        case .emphasis(let content): DumpNode("emphasis", inlineNodes(content))
        case .strong(let content): DumpNode("strong", inlineNodes(content))
        case .link(let destination, let content): DumpNode("link \(quoted(destination))", inlineNodes(content))
        case .softBreak: DumpNode("softBreak")
        case .lineBreak: DumpNode("lineBreak")
        }
    }
}

/// The text in double quotes with `"`, `\` and line ends escaped.
private func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
        switch character {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        default: result.append(character)
        }
    }
    return result + "\""
}

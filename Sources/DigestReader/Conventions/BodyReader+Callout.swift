import DigestModel
import Diagnostics

/// Callouts: a block quote whose first line is `[!kind] Optional title`.
extension BodyReader {
    mutating func quoteOrCallout(_ node: MarkdownNode, at place: SourceLocation) -> Block {
        guard let first = node.children.first, case .paragraph = first.kind,
              let lead = first.children.first, case .text(let text) = lead.kind,
              text.hasPrefix("[!"), let close = text.firstIndex(of: "]")
        else { return Block(.quote(blocks(node.children)), at: place) }

        let name = String(text[text.index(text.startIndex, offsetBy: 2)..<close])
        guard let kind = Callout.Kind(rawValue: name.lowercased()) else {
            var kindPlace = location(of: lead, or: location(of: first, or: place))
            kindPlace.column += 2
            let kinds = Callout.Kind.allCases.map(\.rawValue)
            let expected = "expected \(Suggestion.list(kinds, quoted: false))"
            let hint = Suggestion.closest(to: name, in: kinds).map { "did you mean '\($0)'? \(expected)" }
            report(.error("unknown callout kind '\(name)'", at: kindPlace, hint: hint ?? expected))
            return Block(.quote(blocks(node.children)), at: place)
        }

        // The title: the rest of the first line.
        var titleNodes: [MarkdownNode] = []
        let afterClose = text[text.index(after: close)...].drop(while: { $0 == " " || $0 == "\t" })
        if !afterClose.isEmpty {
            var titleText = lead
            titleText.kind = .text(String(afterClose))
            titleNodes.append(titleText)
        }
        var index = 1
        while index < first.children.count {
            let child = first.children[index]
            if child.kind == .softBreak || child.kind == .lineBreak { break }
            titleNodes.append(child)
            index += 1
        }
        let title = inlines(titleNodes, at: place).trimmingTrailingSpaces

        // The body: the rest of the first paragraph, then the quote's other blocks.
        var content: [Block] = []
        let rest = Array(first.children.dropFirst(index + 1))
        if let restStart = rest.first {
            content += paragraph(rest, at: location(of: restStart, or: place))
            content += takePendingFigures()
        }
        content += blocks(node.children.dropFirst())
        return Block(.callout(Callout(kind: kind, title: title, blocks: content)), at: place)
    }
}

extension Array where Element == Inline {
    /// Without trailing spaces and breaks.
    var trimmingTrailingSpaces: [Inline] {
        var result = self
        while let last = result.last {
            switch last {
            case .softBreak, .lineBreak:
                result.removeLast()
            case .text(let text):
                let trimmed = String(text.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
                if trimmed.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(trimmed); return result }
            default:
                return result
            }
        }
        return result
    }
}

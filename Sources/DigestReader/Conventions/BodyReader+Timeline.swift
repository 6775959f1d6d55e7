import DigestModel
import Diagnostics

/// Timelines: a ```` ```timeline ```` fenced block of `WHEN: what` lines, or a bullet list
/// whose every item starts with a bold label containing a digit, then a colon.
extension BodyReader {
    mutating func timelineBlock(_ node: MarkdownNode, literal: String,
                                at place: SourceLocation) -> [Block] {
        var events: [TimelineEvent] = []
        var failed = false
        for line in fencedLines(of: node, literal: literal) {
            let text = line.text
            guard let separator = text.firstRange(of: ": ") else {
                failed = true
                report(.error(
                    "timeline entry '\(text)' has no ': ' after its date", at: location(of: line),
                    hint: "write each entry as 'WHEN: what', e.g. '1961: The treaty is signed.'"))
                continue
            }
            let when = text[..<separator.lowerBound].trimmingWhitespace
            guard !when.isEmpty else {
                failed = true
                report(.error(
                    "timeline entry '\(text)' has no date before ': '", at: location(of: line),
                    hint: "write each entry as 'WHEN: what', e.g. '1961: The treaty is signed.'"))
                continue
            }
            let rest = text[separator.upperBound...]
            let start = rest.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? rest.endIndex
            let what = inlineMarkdown(String(rest[start...]), line: line.line,
                                      character: line.character + text.scalarCount(upTo: start))
            events.append(TimelineEvent(when: when, what: what))
        }
        if events.isEmpty {
            if !failed {
                report(.warning("empty timeline", at: place,
                                hint: "add one 'WHEN: what' line per event, or remove the block"))
            }
            return []
        }
        return [Block(.timeline(events), at: place)]
    }

    /// The events of a bullet list in which every item's first paragraph starts with a bold
    /// date label and a colon (`- **1961**: …`), or nil for an ordinary list.
    ///
    /// A label counts as a date when it contains a decimal digit of any script (so
    /// `**27 सितंबर 2014**` does, `**Trade and Investment**` does not). A list whose items
    /// hold more than one block (say, nested bullets) stays a list so nothing is dropped.
    mutating func boldLabelTimeline(_ list: MarkdownNode) -> [TimelineEvent]? {
        var labelled: [(when: String, paragraph: MarkdownNode, after: String)] = []
        for item in list.children {
            guard item.children.count == 1, let paragraph = item.children.first,
                  case .paragraph = paragraph.kind, paragraph.children.count >= 2,
                  case .strong = paragraph.children[0].kind,
                  case .text(let after) = paragraph.children[1].kind, after.hasPrefix(":")
            else { return nil }
            let label = paragraph.children[0].plainText.trimmingWhitespace
            guard label.unicodeScalars.contains(where: { $0.properties.numericType == .decimal })
            else { return nil }
            labelled.append((label, paragraph, after))
        }
        guard !labelled.isEmpty else { return nil }
        return labelled.map { entry in
            var rest = Array(entry.paragraph.children.dropFirst(2))
            let lead = entry.after.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
            if !lead.isEmpty {
                var text = entry.paragraph.children[1]
                text.kind = .text(String(lead))
                rest.insert(text, at: 0)
            }
            let place = location(of: entry.paragraph)
            checkCharacters(in: entry.paragraph.children[0], at: place)
            return TimelineEvent(when: entry.when, what: inlines(rest, at: place))
        }
    }
}

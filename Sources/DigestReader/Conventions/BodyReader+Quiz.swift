import DigestModel
import Diagnostics

/// Quizzes: a ```` ```quiz ```` fenced block of questions separated by blank lines:
///
///     Q: prompt
///     - [ ] wrong option
///     - [x] right option
///     Explanation: why
extension BodyReader {
    private struct Draft {
        var prompt: [Inline]
        var place: SourceLocation
        var options: [(text: [Inline], ticked: Bool, place: SourceLocation)] = []
        var explanation: [Inline]?
    }

    mutating func quizBlock(_ node: MarkdownNode, literal: String, at place: SourceLocation) -> [Block] {
        var questions: [QuizQuestion] = []
        var draft: Draft?
        var failed = false
        var orphaned = false
        var previousLine = node.line

        for line in fencedLines(of: node, literal: literal) {
            // A blank line (skipped by fencedLines) ends the question.
            if line.line > previousLine + 1, let finished = draft {
                if let question = finish(finished) { questions.append(question) } else { failed = true }
                draft = nil
            }
            previousLine = line.line
            let text = line.text
            if optionMarker(text) == nil { orphaned = false }

            if text.hasPrefix("Q:") {
                if let finished = draft {
                    if let question = finish(finished) { questions.append(question) } else { failed = true }
                }
                let (body, offset) = afterMarker(text, length: 2)
                if body.isEmpty {
                    failed = true
                    report(.error("question has no text", at: location(of: line),
                                  hint: "write the question after 'Q: '"))
                }
                draft = Draft(prompt: inlineMarkdown(body, line: line.line, character: line.character + offset),
                              place: location(of: line))
            } else if let ticked = optionMarker(text) {
                if draft == nil {
                    // Options with no question: left out, once for the run of them.
                    if !orphaned {
                        report(.warning("options without a 'Q:' line; \(Self.leftOut)", at: location(of: line),
                                        hint: "write the question above them as 'Q: …'"))
                    }
                    orphaned = true
                    failed = true
                    continue
                }
                guard draft?.explanation == nil else { failed = true; strayLine(line); continue }
                let (body, offset) = afterMarker(text, length: 5)
                if body.isEmpty {
                    failed = true
                    report(.error("option has no text", at: location(of: line),
                                  hint: "write the answer after '- [ ] '"))
                }
                let option = inlineMarkdown(body, line: line.line, character: line.character + offset)
                draft?.options.append((option, ticked, location(of: line)))
            } else if text.hasPrefix("Explanation:") {
                guard draft != nil, draft?.explanation == nil else { failed = true; strayLine(line); continue }
                let (body, offset) = afterMarker(text, length: 12)
                draft?.explanation = inlineMarkdown(body, line: line.line, character: line.character + offset)
            } else {
                failed = true; strayLine(line)
            }
        }
        if let finished = draft {
            if let question = finish(finished) { questions.append(question) } else { failed = true }
        }

        if questions.isEmpty {
            if !failed {
                report(.warning("empty quiz", at: place,
                                hint: "add questions ('Q: …' with '- [ ]' options), or remove the block"))
            }
            return []
        }
        quiz += questions
        return [Block(.quiz(questions), at: place)]
    }

    private mutating func strayLine(_ line: FencedLine) {
        report(.error(
            "unexpected line '\(line.text)' in quiz", at: location(of: line),
            hint: "start a question with 'Q: ', write its options as '- [ ] text' and one '- [x] text', "
                + "then an optional 'Explanation: ' line; separate questions with a blank line"))
    }

    /// What happens to a question that cannot be printed with exactly one right answer.
    static let leftOut = "the question is left out of the article, the practice questions and the answer key"

    /// Checks a question's options: at least one, exactly one ticked. A question that fails
    /// is left out with a warning (an error with `--strict`): it must never print with a
    /// missing or a double answer, and it must not stop the rest of the month.
    private mutating func finish(_ draft: Draft) -> QuizQuestion? {
        guard !draft.options.isEmpty else {
            report(.warning("question has no options; \(Self.leftOut)", at: draft.place,
                          hint: "add options as '- [ ] text' lines and tick the right one as '- [x] text'"))
            return nil
        }
        let ticked = draft.options.indices.filter { draft.options[$0].ticked }
        guard let answer = ticked.first else {
            report(.warning("question has no ticked option; \(Self.leftOut)", at: draft.place,
                          hint: "mark the right answer as '- [x] text'"))
            return nil
        }
        guard ticked.count == 1 else {
            report(.warning("question has \(ticked.count) ticked options; \(Self.leftOut)",
                          at: draft.options[ticked[1]].place,
                          hint: "tick exactly one option with '[x]', the others '[ ]'"))
            return nil
        }
        return QuizQuestion(prompt: draft.prompt, options: draft.options.map(\.text), answer: answer,
                            explanation: draft.explanation, location: draft.place)
    }

    /// Whether a line is an option (`- [ ] `, `- [x] `, `- [X] `, also with `*` or `+`), and
    /// whether it is ticked.
    private func optionMarker(_ text: String) -> Bool? {
        let scalars = Array(text.unicodeScalars.prefix(6))
        guard scalars.count >= 5, ["-", "*", "+"].contains(scalars[0]), scalars[1] == " ",
              scalars[2] == "[", scalars[4] == "]", scalars.count == 5 || scalars[5] == " "
        else { return nil }
        switch scalars[3] {
        case " ": return false
        case "x", "X": return true
        default: return nil
        }
    }

    /// The text after a marker of `length` characters (and the spaces after it), with its
    /// offset in characters.
    private func afterMarker(_ text: String, length: Int) -> (String, Int) {
        let scalars = text.unicodeScalars
        var index = scalars.index(scalars.startIndex, offsetBy: length, limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" {
            index = scalars.index(after: index)
        }
        return (String(scalars[index...]), scalars.distance(from: scalars.startIndex, to: index))
    }
}

import Foundation

/// The pages `--pages` asks for, as the user wrote them: `1,3-5`, `7-` (to the last page).
///
/// Parsed before the digest is read, so a typo fails at once with exit 64; whether the
/// pages exist is known only after layout (`pages(in:)`).
struct PageSelection: Equatable {
    /// 1-based, inclusive; `last` nil means "to the last page".
    struct Span: Equatable {
        var first: Int
        var last: Int?
    }

    var spans: [Span]

    /// Why a `--pages` value cannot be read; the message quotes the part at fault.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `1,3-5`, `2`, `10-`; spaces around numbers are allowed.
    /// - Throws: `Problem` for an empty list, a part that is not a number or a range, page 0,
    ///   or a range that runs backwards.
    init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.contains(where: { !$0.isEmpty }) else {
            throw Problem(description: "no pages given; write pages as 1,3-5")
        }
        spans = try parts.map { part in
            guard !part.isEmpty else { throw Problem(description: "empty part in '\(text)'; write pages as 1,3-5") }
            let ends = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let first = try Self.number(ends[0], in: part)
            guard ends.count == 2 else { return Span(first: first, last: first) }
            if ends[1].isEmpty { return Span(first: first, last: nil) }
            let last = try Self.number(ends[1], in: part)
            guard first <= last else {
                throw Problem(description: "'\(part)' runs backwards; write \(last)-\(first)")
            }
            return Span(first: first, last: last)
        }
    }

    /// The 0-based indices of the selected pages in a document of `count` pages, in order,
    /// each once.
    /// - Throws: `Problem` naming the first page past the end.
    func pages(in count: Int) throws -> [Int] {
        var selected: [Int] = []
        for span in spans {
            let last = span.last ?? count
            guard last <= count, span.first <= count else {
                let page = max(span.first, last)
                throw Problem(description: "there is no page \(page); the digest has \(plural(count, "page"))")
            }
            for page in span.first...last where !selected.contains(page - 1) { selected.append(page - 1) }
        }
        return selected.sorted()
    }

    private static func number(_ text: String, in part: String) throws -> Int {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), let value = Int(text) else {
            throw Problem(description: "'\(part)' is not a page or a range of pages; write pages as 1,3-5")
        }
        guard value >= 1 else { throw Problem(description: "there is no page \(value); pages are numbered from 1") }
        return value
    }
}

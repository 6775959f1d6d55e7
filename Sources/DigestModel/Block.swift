import Diagnostics
import Geometry

/// A block of an article's body, with the place in the source it came from.
public struct Block: Sendable, Equatable {
    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content; self.location = location
    }

    public indirect enum Content: Sendable, Equatable {
        /// Level 2…6 (a level-1 heading in the body is read as level 2: the title is level 1).
        case heading(level: Int, text: [Inline])
        case paragraph([Inline])
        case list(ListBlock)
        case timeline([TimelineEvent])
        case table(Table)
        case callout(Callout)
        /// A ```` ```oneliners ```` fenced block: short facts, one a line, set as a compact
        /// numbered list (the "one-liner" revision pages of an exam digest).
        case oneLiners([[Inline]])
        /// The questions of one `quiz` fenced block (also collected in `Article.quiz`).
        case quiz([QuizQuestion])
        case image(Figure)
        /// A fenced or indented code block that is not a timeline or a quiz.
        case code(String)
        /// A block quote that is not a callout.
        case quote([Block])
        case rule
    }
}

public struct ListBlock: Sendable, Equatable {
    /// The number of the first item for an ordered list, nil for a bullet list.
    public var start: Int?
    public var items: [[Block]]
    public init(start: Int?, items: [[Block]]) { self.start = start; self.items = items }
    public var isOrdered: Bool { start != nil }
}

public struct TimelineEvent: Sendable, Equatable {
    /// The date label as written: "1961", "Mid-2000s", "2024-06-19", "27 सितंबर 2014".
    public var when: String
    public var what: [Inline]
    public init(when: String, what: [Inline]) { self.when = when; self.what = what }
}

public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case none, left, center, right }
    public var alignments: [Alignment]
    /// The header row's cells.
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments; self.header = header; self.rows = rows
    }
}

public struct Callout: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case note, summary, important, exam, fact
    }
    public var kind: Kind
    /// The title after `[!kind]`, empty when none was given.
    public var title: [Inline]
    public var blocks: [Block]
    public init(kind: Kind, title: [Inline], blocks: [Block]) {
        self.kind = kind; self.title = title; self.blocks = blocks
    }
}

public struct QuizQuestion: Sendable, Equatable {
    public var prompt: [Inline]
    public var options: [[Inline]]
    /// Index into `options` of the one ticked option.
    public var answer: Int
    public var explanation: [Inline]?
    public var location: SourceLocation
    public init(prompt: [Inline], options: [[Inline]], answer: Int, explanation: [Inline]?,
                location: SourceLocation) {
        self.prompt = prompt; self.options = options; self.answer = answer
        self.explanation = explanation; self.location = location
    }
}

public struct Figure: Sendable, Equatable {
    /// The caption, also the image's alternative text.
    public var caption: [Inline]
    /// Resolved path of the image file, inside the digest folder.
    public var path: String
    public enum Format: String, Sendable, Equatable { case png, jpeg }
    public var format: Format
    /// Size in pixels, read from the file's header.
    public var pixelWidth: Int
    public var pixelHeight: Int
    public init(caption: [Inline], path: String, format: Format, pixelWidth: Int, pixelHeight: Int) {
        self.caption = caption; self.path = path; self.format = format
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight
    }
}

/// Inline content of a paragraph, heading or cell.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(destination: String, content: [Inline])
    /// A line end inside a paragraph: laid out as a space.
    case softBreak
    /// A hard line break (two spaces or a backslash at the end of a line).
    case lineBreak

    /// The text without formatting, soft breaks as spaces.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .emphasis(let c), .strong(let c), .link(_, let c): c.plainText
        case .softBreak: " "
        case .lineBreak: "\n"
        }
    }
}

extension Array where Element == Inline {
    /// The text without formatting, soft breaks as spaces.
    public var plainText: String { map(\.plainText).joined() }
}

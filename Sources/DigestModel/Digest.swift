import Diagnostics

/// One edition: the contents of `digest.yaml` and every article, sorted into sections.
public struct Digest: Sendable, Equatable {
    public var title: String
    /// Shown on the cover and in running heads, e.g. "June 2024".
    public var edition: String
    public var publisher: String?
    /// BCP 47 tag; articles may override it.
    public var language: String
    /// A layout name from `Layouts/` or a path, as written in `digest.yaml`.
    public var layout: String?
    /// Sections in the order `digest.yaml` lists them, each with its articles sorted by date.
    public var sections: [Section]
    /// Collect every article's quiz into a practice section with an answer key.
    public var collectsQuizzes: Bool
    /// The digest folder, as given on the command line.
    public var folder: String
    /// What the publisher puts on every page: watermark, copyright, logo, About page.
    public var branding = Branding()

    public init(title: String, edition: String, publisher: String? = nil, language: String = "en",
                layout: String? = nil, sections: [Section], collectsQuizzes: Bool = false,
                folder: String) {
        self.title = title; self.edition = edition; self.publisher = publisher
        self.language = language; self.layout = layout; self.sections = sections
        self.collectsQuizzes = collectsQuizzes; self.folder = folder
    }

    /// Every article in reading order: section by section.
    public var articles: [Article] { sections.flatMap(\.articles) }
}

/// The publisher's marks from `digest.yaml`; each is optional, and the layout decides where
/// (and whether) it shows.
public struct Branding: Sendable, Equatable {
    /// Text across every page, e.g. "For personal study — not for sale"; overrides the layout's.
    public var watermark: String?
    /// A PNG, JPEG or SVG file inside the digest folder (the path includes the folder); it
    /// replaces the layout's logo.
    public var logo: String?
    /// `#RRGGBB`; replaces the layout's brand colour.
    public var brandColor: String?
    /// A line for the footer, e.g. "© 2024 Gazette Learning".
    public var copyright: String?
    /// A paragraph about the publisher for the About page.
    public var about: String?
    /// How to reach the publisher (an address, an e-mail, a telephone number).
    public var contact: String?
    /// Web addresses for the About page, each printed and clickable.
    public var links: [String]
    /// Slugs (file names without `.md`) of the articles the cover points to, in order.
    public var highlights: [String]

    public init(watermark: String? = nil, logo: String? = nil, brandColor: String? = nil, copyright: String? = nil,
                about: String? = nil, contact: String? = nil, links: [String] = [], highlights: [String] = []) {
        self.watermark = watermark; self.logo = logo; self.brandColor = brandColor; self.copyright = copyright
        self.about = about; self.contact = contact; self.links = links; self.highlights = highlights
    }

    /// Whether the digest says anything for an About page.
    public var hasAboutPage: Bool { about != nil || contact != nil || !links.isEmpty }
}

public struct Section: Sendable, Equatable {
    public var name: String
    public var articles: [Article]
    public init(name: String, articles: [Article]) { self.name = name; self.articles = articles }
}

/// A calendar date as written in front matter (ISO 8601, no time zone).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n); return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

public struct Article: Sendable, Equatable {
    /// The file name without `.md`: stable, unique in the digest, used for anchors.
    public var slug: String
    public var title: String
    public var date: CalendarDate
    public var section: String
    public var tags: [String]
    public var summary: String?
    public var source: String?
    /// BCP 47 tag: the article's `lang`, else the digest's language.
    public var language: String
    public var blocks: [Block]
    /// Every question of the article's `quiz` blocks, in order.
    public var quiz: [QuizQuestion]
    /// Where the article's file is, for warnings.
    public var location: SourceLocation

    public init(slug: String, title: String, date: CalendarDate, section: String, tags: [String] = [],
                summary: String? = nil, source: String? = nil, language: String = "en",
                blocks: [Block], quiz: [QuizQuestion] = [], location: SourceLocation) {
        self.slug = slug; self.title = title; self.date = date; self.section = section
        self.tags = tags; self.summary = summary; self.source = source; self.language = language
        self.blocks = blocks; self.quiz = quiz; self.location = location
    }
}

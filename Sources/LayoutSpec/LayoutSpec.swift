import Geometry

/// Every dimension, font and colour of a design, resolved into one value.
///
/// Layout reads nothing else, and the value comes from `Layouts/*.yaml` (see
/// `LayoutLibrary`), so changing the look of a digest never means changing code.
public struct LayoutSpec: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var page: PageSpec
    public var fonts: FontFamilies
    public var colors: Palette
    public var text: TextSpec
    /// Styles of body headings from level 2 on; deeper levels share the last.
    public var headings: [HeadingStyle]
    public var article: ArticleHeaderStyle
    public var section: SectionStyle
    public var lists: ListStyle
    public var table: TableStyle
    public var callout: CalloutStyle
    public var timeline: TimelineStyle
    public var caption: CaptionStyle
    public var quiz: QuizStyle
    public var running: RunningStyle
    public var cover: CoverStyle
    public var strings: Strings
    /// The fixed words in each language the layout translates (`languages:`), by primary
    /// language subtag: an article in Hindi gets Hindi dates in an English digest.
    public var translations: [String: Strings] = [:]

    /// The callouts' labels in each language the layout translates, like `translations`.
    public var calloutLabelTranslations: [String: [String: String]] = [:]

    /// The fixed words for text in `language`: its translation, else the digest's.
    public func strings(for language: String) -> Strings {
        translations[Self.primarySubtag(language)] ?? strings
    }

    /// The label of a callout of `kind` in an article in `language`.
    public func calloutLabel(_ kind: String, language: String) -> String {
        (calloutLabelTranslations[Self.primarySubtag(language)] ?? callout.labels)[kind] ?? kind
    }

    private static func primarySubtag(_ language: String) -> String {
        String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
    }
    public var watermark: WatermarkStyle
    public var output: OutputSpec
    /// Names of the layout's editions (`editions:`), in the file's order; `gazette build`
    /// writes one PDF per edition. Empty for a single PDF.
    public var editions: [String]

    /// The style of body heading `level` (2…6).
    public func heading(level: Int) -> HeadingStyle {
        headings[min(max(level - 2, 0), headings.count - 1)]
    }
}

public struct PageSpec: Sendable, Equatable {
    public var size: Size
    /// With `mirrored`, `left` is the inner margin and `right` the outer one of a right-hand
    /// (odd) page; even pages swap them.
    public var margins: Insets
    public var mirrored: Bool
    public var columns: Int
    public var columnGap: Length
    /// A hairline between columns.
    public var columnRule: Bool
    /// Space between a spanning element (an article header) and the columns around it.
    public var spanGap: Length

    /// The area inside the margins of a right-hand page.
    public var body: Rect { Rect(origin: .zero, size: size).inset(by: margins) }

    /// Width of one column.
    public var columnWidth: Length {
        (body.width - columnGap * Double(columns - 1)) / Double(columns)
    }

    /// How far a left-hand page's content moves so that its margins mirror a right-hand page's.
    public var mirrorShift: Length { mirrored ? margins.right - margins.left : .zero }
}

/// Font family lists in Pango's comma-separated form: the first family that has a glyph
/// wins, so each list names the fallbacks for other scripts (the font folder has no aliases).
public struct FontFamilies: Sendable, Equatable {
    public var body: String
    public var heading: String
    public var mono: String
}

public struct Palette: Sendable, Equatable {
    public var brand: Color
    public var accent: Color
    public var text: Color
    public var muted: Color
    public var rule: Color
    public var link: Color
    public var highlight: Color
    /// Text on brand-coloured bands.
    public var onBrand: Color
    public var onBrandMuted: Color
}

public struct TextSpec: Sendable, Equatable {
    public var size: Length
    /// Baseline-to-baseline distance of body text.
    public var leading: Length
    public var justify: Bool
    /// How justified paragraphs are broken into lines.
    public var lineBreaking: LineBreaking
    public var hyphenate: Bool
    /// Where words may break: only words this long, leaving this many letters on each side.
    public var hyphenation: HyphenationRules
    public var paragraphSpacing: Length
    /// Space around lists, tables, callouts, figures, timelines.
    public var blockSpacing: Length
    public var smallSize: Length
    public var smallLeading: Length
}

/// How justified text is broken into lines; ragged text is always broken first-fit.
public enum LineBreaking: String, Sendable, Equatable, CaseIterable {
    /// Knuth–Plass total fit over the whole paragraph: fewer loose lines and stacked hyphens.
    case optimal
    /// Pango's own first-fit breaking: each line as full as it can be.
    case greedy
}

/// Limits on where a word may be hyphenated.
public struct HyphenationRules: Sendable, Equatable, Hashable {
    /// Shortest word, in letters, that may be hyphenated.
    public var minimumWord: Int
    /// Fewest letters left before the hyphen, and carried to the next line.
    public var minimumBefore: Int
    public var minimumAfter: Int
    public init(minimumWord: Int = 6, minimumBefore: Int = 2, minimumAfter: Int = 3) {
        self.minimumWord = minimumWord; self.minimumBefore = minimumBefore; self.minimumAfter = minimumAfter
    }
}

public struct HeadingStyle: Sendable, Equatable {
    public var size: Length
    public var leading: Length
    public var spaceBefore: Length
    public var spaceAfter: Length
    public var color: Color
}

public struct ArticleHeaderStyle: Sendable, Equatable {
    public var titleSize: Length
    public var titleLeading: Length
    public var summarySize: Length
    public var metaSize: Length
    /// Width of the rule under the header; zero for none.
    public var rule: Length
    /// A QR code of the article's `source:` URL at the header's right, so a reader of the
    /// printed page can open the original with a phone.
    public var qrCode: Bool
    /// Side of the QR code, its 4-module quiet zone included.
    public var qrSize: Length
}

public struct SectionStyle: Sendable, Equatable {
    /// A filled band in the brand colour, or the title between two rules.
    public var filledBanner: Bool
    public var titleSize: Length
}

public struct ListStyle: Sendable, Equatable {
    public var indent: Length
    /// Bullet glyph per level, cycling.
    public var bullets: [String]
    /// Numbering per level, cycling: `decimal`, `lower-alpha`, `upper-alpha`, `lower-roman`, `upper-roman`.
    public var numbering: [String]
    public var itemSpacing: Length
    /// Nesting deeper than this indents only by the marker's width, so text keeps its room.
    public var maxIndentLevels: Int
}

public struct TableStyle: Sendable, Equatable {
    public var fontSize: Length
    public var leading: Length
    /// The smallest type a table too wide for the text width is set in before words in its
    /// cells are broken.
    public var smallestSize: Length
    public var cellPadding: Length
    public var ruleWidth: Length
    /// Nil for no fill.
    public var headerFill: Color?
    public var zebraFill: Color?
}

public struct CalloutStyle: Sendable, Equatable {
    public var padding: Length
    public var barWidth: Length
    /// A tinted box, or an outlined one for black-and-white printing.
    public var tinted: Bool
    /// Heading shown for each kind, before the callout's own title.
    public var labels: [String: String]
    public var tints: [String: Color]
    public var accents: [String: Color]
}

public struct TimelineStyle: Sendable, Equatable {
    /// Width of the date column.
    public var dateWidth: Length
    public var dotDiameter: Length
    public var ruleWidth: Length
}

public struct CaptionStyle: Sendable, Equatable {
    public var size: Length
    public var italic: Bool
    public var color: Color
}

/// Questions, their lettered options and the answer key.
public struct QuizStyle: Sendable, Equatable {
    /// Room for the question number ("12.") before the question.
    public var numberWidth: Length
    /// How far options sit right of the question text, for their letters "(a)".
    public var optionIndent: Length
    public var numberColor: Color
}

/// Text in the three slots of a running header or footer; placeholders are filled per page.
public struct RunningSlots: Sendable, Equatable {
    public var left: String
    public var center: String
    public var right: String
}

public struct RunningStyle: Sendable, Equatable {
    public var fontSize: Length
    /// Distance from the top edge to the header's baseline, and from the bottom edge to the footer's.
    public var headerBaseline: Length
    public var footerBaseline: Length
    public var rule: Bool
    /// The cover's logo at the header's left, before the left slot.
    public var logo: Bool
    /// Placeholders: `{title}`, `{edition}`, `{section}`, `{publisher}`, `{copyright}`, `{page}`, `{pages}`.
    public var header: RunningSlots
    public var footer: RunningSlots
}

public struct CoverStyle: Sendable, Equatable {
    public enum Element: String, Sendable, Equatable, CaseIterable {
        case logo, publisher, title, edition, highlights, sections, facts
    }
    public var band: Bool
    /// Share of the page height the band takes.
    public var bandHeight: Double
    public var logo: Logo?
    public var show: [Element]
    public var titleSize: Length
    public var editionSize: Length
}

/// An image for the cover, with what layout needs to place it.
public struct Logo: Sendable, Equatable {
    public var path: String
    public var isJPEG: Bool
    /// Drawn as vector shapes; its "pixel" size is its own size in points.
    public var isSVG: Bool
    public var pixelWidth: Int
    public var pixelHeight: Int
    public init(path: String, isJPEG: Bool, isSVG: Bool = false, pixelWidth: Int, pixelHeight: Int) {
        self.path = path; self.isJPEG = isJPEG; self.isSVG = isSVG
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight
    }
}

/// The fixed words of a digest, so that a layout can put them in another language.
public struct Strings: Sendable, Equatable {
    public var contents: String
    /// With `{number}`.
    public var section: String
    public var inThisIssue: String
    public var practice: String
    public var practiceLabel: String
    public var answers: String
    public var answersLabel: String
    public var answer: String
    /// Before an article's source address.
    public var source: String
    /// January to December, for dates.
    public var months: [String]
    /// A date, with `{day}`, `{month}` and `{year}`.
    public var date: String
    /// The fields a handout asks the student to fill in, and the heading over its ruled lines.
    public var name: String
    public var className: String
    public var dateField: String
    public var notes: String
    /// The cover's counts: "14 articles", "6 sections", "42 practice questions with answers".
    public var articleCount: Plural
    public var sectionCount: Plural
    public var questionCount: Plural
    /// The About page's title, and the labels of its contact and links.
    public var about: String
    public var contact: String
    public var links: String
    /// The label over the cover's highlights.
    public var highlights: String

    /// `date` in words: "21 June 2024".
    public func format(year: Int, month: Int, day: Int) -> String {
        date.replacingOccurrences(of: "{day}", with: String(day))
            .replacingOccurrences(of: "{month}", with: months[min(max(month - 1, 0), months.count - 1)])
            .replacingOccurrences(of: "{year}", with: String(year))
    }
}

/// A phrase with `{count}` in a singular and a plural form.
public struct Plural: Sendable, Equatable {
    public var one: String
    public var other: String
    public init(one: String, other: String) { self.one = one; self.other = other }

    public func callAsFunction(_ count: Int) -> String {
        (count == 1 ? one : other).replacingOccurrences(of: "{count}", with: String(count))
    }
}

/// A line of text across every page, to discourage passing the PDF on.
public struct WatermarkStyle: Sendable, Equatable {
    /// Nil for none; `digest.yaml`'s `watermark:` replaces it.
    public var text: String?
    /// The largest size; a long text is set smaller so it fits along the page's diagonal.
    public var size: Length
    public var color: Color
    /// 0 to 1: how much of the page beneath it shows through, inverted.
    public var opacity: Double
}

/// What the PDF file may weigh: picture resolution and compression, and a size to warn above.
public struct OutputSpec: Sendable, Equatable {
    /// Pixels per inch at a picture's placed size; pictures with more are scaled down. Nil
    /// keeps every pixel (`image-resolution: none`).
    public var imageResolution: Double?
    /// Quality (1–100) of pictures stored as JPEG after scaling.
    public var jpegQuality: Int
    /// Bytes above which `gazette build` warns; nil for no limit.
    public var sizeBudget: Int?
    public init(imageResolution: Double?, jpegQuality: Int, sizeBudget: Int?) {
        self.imageResolution = imageResolution; self.jpegQuality = jpegQuality; self.sizeBudget = sizeBudget
    }
}

import DigestModel
import Foundation

/// The text of the files `gazette new` writes: a `digest.yaml`, a sample article that uses
/// every construct of the format (so an editor can learn it by reading one file beside its
/// PDF), and the front matter of a new article.
///
/// Values the user typed are written as double-quoted YAML strings, so a title with a colon
/// or a quote in it cannot break the file.
enum Scaffold {
    /// The file name of the sample article and of its picture.
    static let sampleSlug = "welcome-to-your-digest"
    static let sampleImage = "images/sample-chart.png"

    /// The sections of the example month, used when `--sections` is not given.
    static let defaultSections = ["National", "International Relations", "Economy",
                                  "Science and Technology", "Environment", "Sports"]

    /// Everything `digest.yaml` holds.
    struct Settings {
        var title: String
        var edition: String
        var publisher: String?
        var language: String
        var sections: [String]
        var quiz: Bool
    }

    static func digestYAML(_ settings: Settings) -> String {
        let publisher = settings.publisher.map { "publisher: \(quoted($0))" }
            ?? "# publisher: \"Your organisation\""
        return """
            # The edition. Articles go in articles/, pictures in images/; see the README.
            title: \(quoted(settings.title))
            edition: \(quoted(settings.edition))         # on the cover and in the running heads
            \(publisher)
            language: \(quoted(settings.language))              # BCP 47; an article may set its own with `lang:`
            layout: monthly             # a name from Layouts/ or a path to a .yaml file
            sections:                   # in reading order; each article names one
            \(settings.sections.map { "  - \(quoted($0))" }.joined(separator: "\n"))
            quiz: \(settings.quiz)                  # collect every quiz into Practice Questions and an Answer Key

            # Your brand, each line optional (remove the # to use it):
            # logo: images/logo.svg      # PNG, JPEG or SVG: cover, every header, the About page
            # brand-color: "#1B3A5C"     # the colour of bands, titles and headings
            # copyright: "© Your organisation"    # in every footer
            # watermark: "For personal study — not for sale"    # across every page
            # about: "Who you are, in a sentence or two."        # an About page at the back,
            # contact: "editors@example.org"                      # with how to reach you
            # links: [https://example.org/]                       # and your web addresses
            # highlights: [welcome-to-your-digest]                # articles the cover points to

            """
    }

    /// The front matter and a first paragraph of a new article.
    static func article(title: String, date: CalendarDate, section: String) -> String {
        """
        ---
        title: \(quoted(title))
        date: \(date)
        section: \(quoted(section))
        tags: []
        # summary: "One sentence for the contents page."
        # source: https://example.org/where-the-story-came-from
        ---

        > [!summary] Why in news
        > In one or two sentences: what happened, and why it matters to the reader.

        Write the article here. A blank line starts a new paragraph, and a line that starts
        with `## ` starts a new part with its own heading.

        """
    }

    /// An original article that shows each construct once, and explains it as it goes.
    static func sampleArticle(date: CalendarDate, section: String) -> String {
        """
        ---
        title: "Welcome to Your Digest: Every Kind of Block in One Article"
        date: \(date)
        section: \(quoted(section))
        tags: [sample, how-to]
        summary: "A sample written by gazette new: read its source beside the PDF, then replace it with your own articles."
        source: https://commonmark.org/help/
        ---

        > [!summary] Why in news
        > This is a **sample article**. Open its source, `articles/\(sampleSlug).md`, next to
        > the PDF: every box, table and timeline you see here comes from a few lines of plain
        > text. Delete the file once your first real article is in.

        An article is a Markdown file in `articles/`. It starts with *front matter* between two
        lines of three dashes: the title, the date, one of the sections listed in `digest.yaml`
        and, if you like, tags, a one-line summary and a source. The text follows. Write
        paragraphs as you would an email: a blank line starts a new one. Words can be **bold**,
        *italic* or `code`, and a link such as [the CommonMark help page](https://commonmark.org/help/)
        can be clicked in the PDF.

        ## Headings Divide an Article

        A line that starts with two hash signs is a heading; three give a smaller one beneath
        it. Headings of the first kind appear in the PDF's bookmarks, so a reader can jump
        straight to them.

        ### Lists

        - A line that starts with a dash is a bullet point.
        - Indent a line by two spaces to put a point inside a point:
          - like this one,
          - and this one.
        - A long list may continue in the next column, but never leaves one line behind.

        1. Numbered lists count by themselves.
        2. You can write `1.` on every line; the numbers still come out in order.

        ## Tables

        Put a row of dashes under the header row. Colons in that row align a column: on the
        right for numbers, on both sides to centre it.

        | Step | What you do | Where | Minutes |
        |-----:|-------------|:-----:|--------:|
        | 1 | Start the month with `gazette new` | terminal | 1 |
        | 2 | Add an article with `gazette new article` | terminal | 1 |
        | 3 | Write, and save | your editor | 20 |
        | 4 | Look at a page with `gazette preview` | terminal | 1 |
        | 5 | Build the PDF with `gazette build` | terminal | 1 |

        ## Timelines

        A fenced block marked `timeline` holds one event a line, the date before the colon:

        ```timeline
        Day 1: Start the digest folder and list its sections in digest.yaml.
        Days 2–25: Add an article for each story worth keeping.
        Day 26: Run gazette check and fix what it reports.
        Day 28: Build the PDF and send it out.
        ```

        A bullet list in which every item starts with a bold date and a colon is drawn the
        same way:

        - **1440s**: Gutenberg's press makes printing from movable type practical in Europe.
        - **1886**: The Linotype machine casts whole lines of type at once.
        - **1985**: Desktop publishing brings page layout to personal computers.

        ## Callouts

        A block quote whose first line is an exclamation mark and a kind in brackets becomes a
        tinted box. The summary at the top is one; here are the other four.

        > [!note] Background
        > Use a note for context that a hurried reader may skip.

        > [!important] Do not miss
        > Use this for the one point nobody should overlook.

        > [!exam] For the exam
        > Say what is likely to be asked about the story, and in what form.

        > [!fact] Quick fact
        > The *Relation*, printed in Strasbourg from 1605, is often called the first newspaper.

        A block quote without a kind stays an ordinary quotation:

        > A quotation is set in from the margin, without a box around it.

        ## Pictures, Code and Rules

        Put PNG or JPEG files in `images/`, then write an exclamation mark, the caption in
        brackets and the path in parentheses:

        ![A sample chart drawn by gazette new; replace images/sample-chart.png with a picture of your own](\(sampleImage))

        A fenced block with no name keeps its lines exactly as typed:

        ```
        gazette build . --watch
        ```

        A fenced block marked `oneliners` holds short facts, one a line, printed as a compact
        numbered list for quick revision:

        ```oneliners
        Every article is one Markdown file in the articles folder.
        The front matter names the article's **section**, one of those in digest.yaml.
        An article's `source:` becomes a link and a QR code beside its title.
        ```

        Three asterisks on a line of their own draw a rule across the column.

        ***

        ## Practice Questions

        A fenced block marked `quiz` holds questions. Tick the right option with `[x]`. With
        `quiz: true` in `digest.yaml`, every question is gathered at the end of the digest,
        followed by an answer key.

        ```quiz
        Q: Where does an article say which section it belongs to?
        - [ ] In its file name
        - [x] In its front matter
        - [ ] In its first heading
        - [ ] In the images folder
        Explanation: The front matter's section must be one of the sections listed in digest.yaml.

        Q: Which command draws chosen pages as pictures?
        - [ ] gazette check
        - [ ] gazette new
        - [x] gazette preview
        - [ ] gazette build
        Explanation: gazette preview writes one PNG per page, drawn exactly as the PDF prints it.
        ```

        """
    }

    /// `text` as a double-quoted YAML string: a JSON string literal is one, escapes included.
    static func quoted(_ text: String) -> String { JSON.string(text) }

    /// "July 2024" for a folder named `2024-07` (a month folder, as the README suggests).
    static func edition(fromFolderName name: String) -> String? {
        let parts = name.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month) else { return nil }
        return "\(monthNames[month - 1]) \(year)"
    }

    /// The first day of the month an edition such as "July 2024" names.
    static func firstDay(ofEdition edition: String) -> CalendarDate? {
        let words = edition.split(separator: " ")
        guard words.count == 2, let year = Int(words[1]),
              let month = monthNames.firstIndex(where: { $0.lowercased() == words[0].lowercased() }) else { return nil }
        return CalendarDate(year: year, month: month + 1, day: 1)
    }

    /// Today in the local time zone: an article's default date is content the editor will
    /// read, not output that must be reproducible.
    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
}

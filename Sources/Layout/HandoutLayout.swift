import Diagnostics
import DigestModel
import Geometry
import LayoutSpec
import PageModel
import TextShaping

/// What a handout layout produced: the pupils' pages, the teacher's answers when they go in
/// a file of their own, and what layout had to warn about.
public struct HandoutResult: Sendable {
    public var document: PagedDocument
    /// The answer key as its own document (`Answers.separate`); nil otherwise, or when the
    /// articles have no questions.
    public var answers: PagedDocument?
    public var warnings: [Diagnostic]
}

/// Lays articles out as sheets to hand out in class: for each article, a strip of blanks
/// for the pupil's name, class and date, the article, its questions without their answers,
/// and ruled lines for notes down to the foot of its last page; the answers come last.
///
/// Built beside `DigestLayout` from the same parts (article header, quiz, answer key), with
/// no cover, contents or section openers: a handout is read on paper, one article at a time.
public enum HandoutLayout {
    /// Where the answer key goes.
    public enum Answers: String, Sendable, CaseIterable {
        /// On pages of their own after the last article.
        case end
        /// In a document of their own (`HandoutResult.answers`), for the teacher.
        case separate
        /// Nowhere.
        case none
    }

    /// - Parameters:
    ///   - articles: the articles to print, in order; each starts on a new page.
    ///   - digest: the digest they come from (title, publisher and language for the running
    ///     heads and the metadata).
    public static func layout(_ articles: [Article], of digest: Digest, spec: LayoutSpec, shaper: TextShaper,
                              hyphenator: Hyphenator? = nil, answers: Answers = .end,
                              creationDate: String? = nil) -> HandoutResult {
        var selection = digest
        let slugs = Set(articles.map(\.slug))
        selection.sections = digest.sections.map { section in
            var section = section
            section.articles = section.articles.filter { slugs.contains($0.slug) }
            return section
        }
        let composer = BlockComposer(spec: spec, shaper: shaper, hyphenator: hyphenator,
                                     columnHeight: spec.page.body.height)
        composer.articleTitleLevel = 1
        let parts = DocumentParts(spec: spec, composer: composer, digest: selection)
        let sheet = HandoutParts(spec: spec, composer: composer, language: digest.language)
        var paginator = Paginator(spec: spec)
        var outline: [OutlineEntry] = []

        for article in articles {
            let anchor = "article-\(article.slug)"
            paginator.startPage(section: article.section)
            paginator.placeSpan(sheet.fillInBlanks())
            // Each article is a section of the tree, in its own language when that is not the
            // digest's, as in the digest; the header first, so it is read before the body.
            composer.structureParent = composer.articleSection(under: StructureTree.root, language: article.language,
                                                               digestLanguage: digest.language)
            let header = parts.articleHeader(article, anchor: anchor)
            var headings: [(level: Int, title: String, anchor: String)] = []
            let blocks = article.blocks.filter { if case .quiz = $0.content { false } else { true } }
            let flow = composer.flow(blocks, width: spec.page.columnWidth, language: article.language,
                                     anchorPrefix: anchor, headings: &headings)
            paginator.placeSpan(header, following: spec.text.leading * 4)
            composer.reportMissingGlyphs(at: article.location)
            paginator.placeColumns(flow, locate: { composer.blockLocations[$0] })
            if !article.quiz.isEmpty {
                // The heading's element first, so that the tree reads it before the questions.
                let practice = sheet.heading(spec.strings.practice,
                                             as: composer.element(.heading(level: composer.articleTitleLevel + 1)))
                let questions = composer.quiz(article.quiz, firstNumber: 1, width: spec.page.columnWidth,
                                              language: article.language, showAnswers: false,
                                              block: composer.newBlockID(at: article.quiz.first?.location))
                paginator.placeSpan(practice, following: spec.text.leading * 4)
                paginator.placeColumns(questions, locate: { composer.blockLocations[$0] })
            }
            if paginator.remaining < sheet.notesMinimum { paginator.startPage(section: nil) }
            paginator.placeSpan(sheet.notes(height: paginator.remaining))
            outline.append(OutlineEntry(
                title: article.title, destination: anchor,
                children: headings.filter { $0.level == 2 }.map { OutlineEntry(title: $0.title, destination: $0.anchor) }))
        }

        composer.structureParent = StructureTree.root
        let hasQuestions = articles.contains { !$0.quiz.isEmpty }
        var answerPages: [PageDraft] = []
        if answers != .none, hasQuestions {
            var key = Paginator(spec: spec)
            key.startPage(section: spec.strings.answers)
            key.placeSpan(parts.sectionBanner(label: spec.strings.answersLabel, title: spec.strings.answers,
                                              anchor: QuizPart.answers.anchor))
            key.placeColumns(parts.quizFlow(.answers), locate: { composer.blockLocations[$0] })
            answerPages = key.pages
        }
        let running = RunningHeads(spec: spec, shaper: shaper, digest: digest)
        var metadata = DigestLayout.metadata(for: digest, spec: spec, creationDate: creationDate)
        if articles.count == 1, let only = articles.first { metadata.title = only.title }
        metadata.keywords = Array(Set(articles.map(\.section))).sorted()

        let answerEntry = OutlineEntry(title: spec.strings.answers, destination: QuizPart.answers.anchor)
        let together = answers == .end ? paginator.pages + answerPages : paginator.pages
        let document = finished(together, outline: outline + (answers == .end && !answerPages.isEmpty ? [answerEntry] : []),
                                metadata: metadata, running: running, structure: composer.structure)
        var separate: PagedDocument?
        if answers == .separate, !answerPages.isEmpty {
            var keyMetadata = metadata
            keyMetadata.title = "\(metadata.title) — \(spec.strings.answers)"
            separate = finished(answerPages, outline: [answerEntry], metadata: keyMetadata, running: running,
                                structure: composer.structure)
        }
        return HandoutResult(document: document, answers: separate, warnings: composer.warnings + paginator.warnings)
    }

    /// Pages with their running heads, numbered within this document; links to articles that
    /// are not in it (the answer key's titles, printed apart from the articles) are dropped.
    private static func finished(_ drafts: [PageDraft], outline: [OutlineEntry], metadata: Metadata,
                                 running: RunningHeads, structure: StructureTree) -> PagedDocument {
        let anchors = Set(DigestLayout.pageIndexByAnchor(drafts.map(\.items)).keys)
        let pages = drafts.enumerated().map { index, draft in
            let items = draft.items.filter { item in
                if case .link(let link) = item, case .destination(let name) = link.target { return anchors.contains(name) }
                return true
            }
            return Page(size: running.spec.page.size,
                        items: items + [.structure(nil)]
                            + running.items(pageNumber: index + 1, folio: String(index + 1), pageCount: drafts.count,
                                            section: draft.section))
        }
        return PagedDocument(pages: pages, outline: outline, metadata: metadata, structure: structure)
    }
}

/// The parts only a handout has: the blanks for name, class and date, a plain heading, and
/// the ruled lines for notes.
struct HandoutParts {
    let spec: LayoutSpec
    let composer: BlockComposer
    let language: String

    private var width: Length { spec.page.body.width }

    /// Distance between two ruled lines: roomy enough to write on by hand.
    var lineSpacing: Length { max(spec.text.leading * 1.5, .mm(8)) }

    /// Notes are worth printing only with room for a heading and three lines; with less,
    /// they go on a page of their own.
    var notesMinimum: Length { lineSpacing * 4 + .pt(12) }

    private func label(_ text: String, size: Length = .pt(9), color: Color? = nil) -> [Piece] {
        let look = TextLook(font: FontStyle(family: spec.fonts.heading, size: size, bold: true),
                            color: color ?? spec.colors.muted, leading: size * 1.25)
        return composer.setter.pieces([TextSpan(text, font: look.font, color: look.color)], width: width, look: look,
                                      alignment: .left, language: language, kind: .heading, block: nil)
    }

    /// "Name ____  Class ____  Date ____" across the page, then a thin rule under the strip.
    ///
    /// The labels are the layout's strings for the digest's language; each blank is a rule on
    /// the labels' baseline.
    func fillInBlanks() -> Piece {
        let fields: [(String, Double)] = [(spec.strings.name, 0.5), (spec.strings.className, 0.22),
                                          (spec.strings.dateField, 0.28)]
        let height = Length.pt(26)
        let baseline = Length.pt(16)
        var items: [PageItem] = []
        var x = Length.zero
        for (index, (name, share)) in fields.enumerated() {
            let fieldWidth = width * share
            let text = label(name)
            let labelWidth = text.first.map(Self.textWidth) ?? .zero
            let textBaseline = text.first?.baseline ?? .pt(9)
            items += text.flatMap(\.items).map { $0.translated(by: Point(x: x, y: baseline - textBaseline)) }
            let gapAfter = index == fields.count - 1 ? Length.zero : .pt(14)
            let start = x + labelWidth + .pt(5)
            items.append(.rule(Rule(from: Point(x: start, y: baseline + .pt(1)),
                                    to: Point(x: x + fieldWidth - gapAfter, y: baseline + .pt(1)),
                                    width: .pt(0.6), color: spec.colors.text)))
            x += fieldWidth
        }
        items.append(.rule(Rule(from: Point(x: .zero, y: height), to: Point(x: width, y: height),
                                width: .pt(0.4), color: spec.colors.rule)))
        return Piece(height: height + .pt(4), items: items, kind: .graphic)
    }

    /// A heading in the layout's heading font and brand colour, across the page, the content
    /// of structure element `element`.
    func heading(_ text: String, as element: Int) -> Piece {
        let style = spec.heading(level: 3)
        let look = TextLook(font: FontStyle(family: spec.fonts.heading, size: style.size, bold: true),
                            color: spec.colors.brand, leading: style.leading)
        let lines = composer.setter.pieces([TextSpan(text, font: look.font, color: look.color)], width: width,
                                           look: look, alignment: .left, language: language, kind: .heading, block: nil)
        return stack(lines.marked(element), kind: .heading)
    }

    /// "Notes" and ruled lines every `lineSpacing` down to `height`.
    func notes(height: Length) -> Piece {
        let title = label(spec.strings.notes.uppercased(), size: .pt(8.5), color: spec.colors.accent)
        let titleHeight = title.reduce(.zero) { $0 + $1.height }
        var items = title.flatMap(\.items)
        var y = titleHeight + lineSpacing
        while y <= height - .pt(1) {
            items.append(.rule(Rule(from: Point(x: .zero, y: y), to: Point(x: width, y: y),
                                    width: .pt(0.5), color: spec.colors.rule)))
            y += lineSpacing
        }
        return Piece(height: max(height - .pt(0.5), titleHeight), items: items, kind: .graphic)
    }

    private static func textWidth(_ piece: Piece) -> Length {
        piece.items.compactMap { item -> Length? in
            if case .text(let run) = item { return run.origin.x + run.width }
            return nil
        }.max() ?? .zero
    }
}

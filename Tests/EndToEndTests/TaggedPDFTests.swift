import DigestModel
import Foundation
import Testing
import TestSupport

/// The finished PDF is tagged: its structure tree, read back with poppler and qpdf, has the
/// elements a screen reader needs, in the order of the Markdown, with alternative text.
@Suite(.serialized) struct TaggedPDFTests {
    static let months = ["corpus", "example", "corpus in handout"]

    @Test(arguments: months)
    func theTreeHasEveryKindOfElement(month: String) throws {
        let (rendered, _) = try RenderedDigest.built(month)
        let info = try run(tool("pdfinfo"), [rendered.pdf]).stdout
        #expect(info.contains("Tagged:          yes"))
        let roles = Set(try run(tool("pdfinfo"), ["-struct", rendered.pdf]).stdout.split(separator: "\n").compactMap {
            // "TH:" when attributes follow on the next lines.
            $0.split(separator: " ").first.map { String($0.hasSuffix(":") ? $0.dropLast() : $0) }
        })
        for role in ["Document", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
                     "Figure", "Caption", "Div", "TOC", "TOCI", "Link"] {
            #expect(roles.contains(role), "no \(role) in the structure of \(month)")
        }
        // Every header cell says it heads its column.
        let tree = try run(tool("pdfinfo"), ["-struct", rendered.pdf]).stdout.split(separator: "\n")
        let headers = tree.indices.filter { tree[$0].trimmingCharacters(in: .whitespaces).hasPrefix("TH") }
        #expect(!headers.isEmpty)
        for index in headers {
            #expect(tree[index + 1].trimmingCharacters(in: .whitespaces) == "/Scope /Column", "\(tree[index])")
        }
    }

    @Test(arguments: months)
    func everyFigureHasItsCaptionAsAlternativeText(month: String) throws {
        let (rendered, digest) = try RenderedDigest.built(month)
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", rendered.pdf]).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let objects = ((root["qpdf"] as? [Any])?.last as? [String: Any]) ?? [:]
        let figures = objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
            .filter { ($0["/S"] as? String) == "/Figure" }
        var captions: [String] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block.content {
                case .image(let figure): captions.append(figure.caption.plainText)
                case .callout(let callout): collect(callout.blocks)
                case .quote(let inner): collect(inner)
                case .list(let list): list.items.forEach(collect)
                default: break
                }
            }
        }
        digest.articles.forEach { collect($0.blocks) }
        #expect(figures.count == captions.count)
        let alternatives = Set(figures.compactMap { ($0["/Alt"] as? String).map { String($0.dropFirst(2)) } })
        #expect(alternatives == Set(captions))
    }

    @Test func anArticleInAnotherLanguageSaysSo() throws {
        let (rendered, digest) = try RenderedDigest.built("corpus")
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", rendered.pdf]).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let objects = ((root["qpdf"] as? [Any])?.last as? [String: Any]) ?? [:]
        let values = objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
        let catalog = try #require(values.first { ($0["/Type"] as? String) == "/Catalog" })
        #expect(catalog["/Lang"] as? String == "u:\(digest.language)")
        let others = Set(digest.articles.map(\.language).filter { $0 != digest.language })
        try #require(!others.isEmpty, "the sample month has an article in another language")
        let sections = values.filter { ($0["/S"] as? String) == "/Sect" }.compactMap { $0["/Lang"] as? String }
        #expect(Set(sections.map { String($0.dropFirst(2)) }) == others)
    }

    /// Poppler prints each element's text only up to its first nested marked content (a line
    /// end, a ligature), so each paragraph is found by the start of its text, in order.
    @Test(arguments: ["corpus", "example"])
    func articlesReadInTheOrderOfTheirMarkdown(month: String) throws {
        let (rendered, digest) = try RenderedDigest.built(month)
        let tree = try run(tool("pdfinfo"), ["-struct-text", rendered.pdf]).stdout
        let fragments = tree.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.count > 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
            return normalized(String(text.dropFirst().dropLast()))
        }.filter { !$0.isEmpty }
        var cursor = 0
        for section in digest.sections {
            for article in section.articles where article.language.hasPrefix("en") {
                var expected = [article.title]
                for block in article.blocks {
                    switch block.content {
                    case .paragraph(let inlines), .heading(_, let inlines): expected.append(inlines.plainText)
                    default: break
                    }
                }
                for text in expected {
                    let key = String(normalized(text).prefix(12))
                    guard key.count >= 6 else { continue }
                    let found = fragments[cursor...].firstIndex { $0.hasPrefix(key) || ($0.count >= 4 && key.hasPrefix($0)) }
                    #expect(found != nil, "\(article.slug): '\(text.prefix(40))' is not next in the structure tree")
                    if let found { cursor = found + 1 }
                }
            }
        }
    }

    @Test func pagesAreLabelledLikeTheirFolios() throws {
        let (rendered, _) = try RenderedDigest.built("corpus")
        let json = try run(tool("qpdf"), ["--json", "--json-key=pagelabels", rendered.pdf]).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let labels = (root["pagelabels"] as? [[String: Any]]) ?? []
        let ranges = labels.map { ($0["index"] as? Int ?? -1, $0["label"] as? [String: Any] ?? [:]) }
        #expect(ranges.first?.0 == 0)
        #expect(ranges.first?.1["/P"] as? String == "u:i")
        // Arabic numbers from 1 start on the first body page, after the cover and the contents.
        let body = ranges.first { ($0.1["/S"] as? String) == "/D" }
        #expect(body?.1["/St"] as? Int == 1)
        let pages = try readPages(rendered.pdf)
        let firstBody = try #require(body?.0)
        #expect(pages[firstBody - 1].text.contains("CONTENTS") || pages[firstBody - 1].text.contains("Contents"))
        let footer = pages[firstBody].words.filter { $0.yMin > pages[firstBody].height - 60 }.map(\.text)
        #expect(footer.contains("1"), "the first body page's footer reads \(footer)")
    }
}

/// Text without white space, hyphens or ligatures, as poppler and the Markdown both give it.
private func normalized(_ text: String) -> String {
    let ligatures = ["ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"]
    var result = squeezed(text).replacingOccurrences(of: "\u{AD}", with: "").replacingOccurrences(of: "-", with: "")
    for (ligature, letters) in ligatures { result = result.replacingOccurrences(of: ligature, with: letters) }
    return result
}

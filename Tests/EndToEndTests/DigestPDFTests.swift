import DigestModel
import Foundation
import Testing
import TestSupport

/// The finished PDF of three months: the shared sample month, our example month and a
/// month of hostile content, each built once by the real `gazette` binary and read back
/// with poppler and qpdf.
@Suite(.serialized) struct DigestPDFTests {
    static let months = ["corpus", "example", "hard", "corpus in compact", "corpus in handout",
                         "corpus in large-print", "corpus in print-bw"]

    @Test(arguments: months)
    func qpdfFindsNoDamage(month: String) throws {
        let (rendered, _) = try RenderedDigest.built(month)
        let check = try run(tool("qpdf"), ["--check", rendered.pdf])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
    }

    @Test(arguments: months)
    func everyArticleTitleIsInTheText(month: String) throws {
        let (rendered, digest) = try RenderedDigest.built(month)
        let text = squeezed(try readPages(rendered.pdf).map(\.text).joined(separator: " "))
        for article in digest.articles {
            #expect(text.contains(squeezed(article.title)), "title of \(article.slug) not found")
        }
    }

    @Test(arguments: months)
    func contentsNumbersAreThePagesWhereArticlesStart(month: String) throws {
        let (rendered, digest) = try RenderedDigest.built(month)
        let pages = try readPages(rendered.pdf)
        let contentsPages = pages.enumerated().filter { $0.offset > 0 && $0.element.text.contains("CONTENTS") }.map(\.element)
        let contents = readContents(contentsPages)
        let bodyStart = contentsPages.count + 1
        for article in digest.articles {
            let entry = try #require(contents.first { squeezed($0.title) == squeezed(article.title) },
                                     "\(article.slug) is not in the contents")
            // The first page after the front matter that shows the title is where it starts, the
            // body's pages counted from 1 after the cover and contents (numbered i, ii, …)…
            let first = pages.indices.first { $0 >= bodyStart && squeezed(pages[$0].text).contains(squeezed(article.title)) }
            #expect(first.map { $0 - bodyStart + 1 } == entry.page, "\(article.slug): contents says \(entry.page)")
            // …and that page's folio, in the footer, prints the same number.
            let page = pages[bodyStart + entry.page - 1]
            let footer = page.words.filter { $0.yMin > page.height - 60 }.map(\.text)
            #expect(footer.contains(String(entry.page)), "\(article.slug): footer reads \(footer)")
        }
    }

    @Test(arguments: months)
    func theOutlineLeadsToEveryArticlesFirstPage(month: String) throws {
        let (rendered, digest) = try RenderedDigest.built(month)
        let json = try run(tool("qpdf"), ["--json", "--json-key=outlines", rendered.pdf])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        var entries: [String: Int] = [:]
        func walk(_ nodes: [[String: Any]]) {
            for node in nodes {
                if let title = node["title"] as? String, let page = node["destpageposfrom1"] as? Int { entries[squeezed(title)] = page }
                walk(node["kids"] as? [[String: Any]] ?? [])
            }
        }
        walk(root["outlines"] as? [[String: Any]] ?? [])
        let pages = try readPages(rendered.pdf)
        for article in digest.articles {
            let page = try #require(entries[squeezed(article.title)], "no outline entry for \(article.slug)")
            #expect(squeezed(pages[page - 1].text).contains(squeezed(article.title)))
        }
    }

    @Test(arguments: months)
    func noWordLeavesThePageOrLiesOnAnother(month: String) throws {
        let (rendered, _) = try RenderedDigest.built(month)
        for (index, page) in try readPages(rendered.pdf).enumerated() {
            for word in page.words {
                #expect(word.xMin >= -0.5 && word.yMin >= -0.5 && word.xMax <= page.width + 0.5 && word.yMax <= page.height + 0.5,
                        "page \(index + 1): '\(word.text)' leaves the page")
            }
            // Poppler's boxes are a little taller than the glyphs: compare their middle band.
            let words = page.words.sorted { $0.yMin < $1.yMin }
            for i in words.indices {
                let a = words[i]
                let aTop = a.yMin + (a.yMax - a.yMin) * 0.3, aBottom = a.yMax - (a.yMax - a.yMin) * 0.3
                for b in words[(i + 1)...] {
                    let bTop = b.yMin + (b.yMax - b.yMin) * 0.3
                    if bTop >= aBottom { break }
                    let bBottom = b.yMax - (b.yMax - b.yMin) * 0.3
                    let overlapX = min(a.xMax, b.xMax) - max(a.xMin, b.xMin)
                    let overlapY = min(aBottom, bBottom) - max(aTop, bTop)
                    #expect(!(overlapX > 0.8 && overlapY > 0.5), "page \(index + 1): '\(a.text)' lies on '\(b.text)'")
                }
            }
        }
    }

    @Test(arguments: months)
    func everyFontIsEmbedded(month: String) throws {
        let (rendered, _) = try RenderedDigest.built(month)
        let fonts = try run(tool("pdffonts"), [rendered.pdf]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type [type…] encoding emb sub uni object ID: "emb" is the fifth column from the end.
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(line)")
        }
    }

    @Test(arguments: ["corpus", "example", "corpus in compact", "corpus in large-print"])
    func devanagariWordsCanBeFoundInTheText(month: String) throws {
        let (rendered, digest) = try RenderedDigest.built(month)
        var sources = ""
        for article in digest.articles {
            sources += try String(contentsOfFile: article.location.file, encoding: .utf8) + "\n"
        }
        let expected = devanagariWords(sources)
        let found = Set(devanagariWords(try run(tool("pdftotext"), [rendered.pdf, "-"]).stdout))
        #expect(expected.count > 200, "the month should have Hindi text")
        let missing = expected.filter { !found.contains($0) }
        let share = 1 - Double(missing.count) / Double(max(expected.count, 1))
        #expect(share >= 0.995, "only \(share) found; missing: \(missing.prefix(20))")
    }

    @Test(arguments: months)
    func aSecondBuildIsByteIdentical(month: String) throws {
        let (rendered, _) = try RenderedDigest.built(month)
        let again = try temporaryFolder() + "/again.pdf"
        let build = try run(gazette(), ["build", rendered.folder, "--output", again] + rendered.layoutArguments)
        #expect(build.status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: rendered.pdf))
        let second = try Data(contentsOf: URL(fileURLWithPath: again))
        // Compared as a Bool: a failed comparison of two Data values makes the test
        // library compute their difference, which takes minutes for a PDF.
        let identical = first == second
        #expect(identical, "\(first.count) bytes, then \(second.count)")
    }

    /// Articles are composed, and the furniture drawn during the qpdf pass, on two threads by
    /// default; one thread must give the same bytes.
    @Test(arguments: months)
    func aBuildOnOneThreadIsByteIdenticalToOneOnTwo(month: String) throws {
        let (rendered, _) = try RenderedDigest.built(month)
        let serial = try temporaryFolder() + "/serial.pdf"
        let build = try run(gazette(), ["build", rendered.folder, "--output", serial] + rendered.layoutArguments,
                            environment: ["GAZETTE_THREADS": "1"])
        #expect(build.status == 0)
        let parallel = try Data(contentsOf: URL(fileURLWithPath: rendered.pdf))
        let single = try Data(contentsOf: URL(fileURLWithPath: serial))
        let identical = parallel == single
        #expect(identical, "\(parallel.count) bytes on two threads, \(single.count) on one")
    }

    /// However many highlights come first, the cover lists every section that has articles.
    @Test(arguments: ["corpus", "example", "hard"])
    func theCoverListsEverySection(month: String) throws {
        let (rendered, digest) = try RenderedDigest.built(month)
        let cover = try run(tool("pdftotext"), ["-f", "1", "-l", "1", rendered.pdf, "-"]).stdout
        for section in digest.sections where !section.articles.isEmpty {
            #expect(cover.contains(section.name), "'\(section.name)' is not on the cover")
        }
    }

    @Test func metadataComesFromTheDigestAndTheEditionNotTheClock() throws {
        let (rendered, digest) = try RenderedDigest.built("corpus")
        let info = try run(tool("pdfinfo"), ["-isodates", rendered.pdf]).stdout
        #expect(info.contains("Title:           \(digest.title) — \(digest.edition)"))
        #expect(info.contains("Author:          \(digest.publisher ?? "")"))
        #expect(info.contains("Subject:         \(digest.edition)"))
        #expect(info.contains("CreationDate:    2024-06-30T00:00:00Z"))
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
    }

    @Test func sourceDateEpochSetsTheCreationDate() throws {
        let output = try temporaryFolder() + "/dated.pdf"
        let build = try run(gazette(), ["build", exampleMonth, "--output", output], environment: ["SOURCE_DATE_EPOCH": "1719792000"])
        #expect(build.status == 0)
        let info = try run(tool("pdfinfo"), ["-isodates", output]).stdout
        #expect(info.contains("CreationDate:    2024-07-01T00:00:00Z"))
    }

    @Test func externalAndInternalLinksAreClickable() throws {
        let (rendered, _) = try RenderedDigest.built("corpus")
        let json = try run(tool("qpdf"), ["--json", "--json-key=qpdf", rendered.pdf]).stdout
        #expect(json.contains("\"/URI\": \"u:https://www.un.org/en/about-us/un-charter/full-text\""))
        #expect(json.contains("\"/Dest\": \"u:article-russia-north-korea-pact\""))
    }
}

/// Words written in Devanagari: runs of its letters and marks (joiners included).
func devanagariWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
        let isDevanagari = (0x0900...0x097F).contains(scalar.value) && scalar.value != 0x0964 && scalar.value != 0x0965
        if isDevanagari || ((scalar.value == 0x200C || scalar.value == 0x200D) && !current.isEmpty) {
            current.unicodeScalars.append(scalar)
        } else if !current.isEmpty {
            words.append(current)
            current = ""
        }
    }
    if !current.isEmpty { words.append(current) }
    return words
}

import DigestModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// The PDF/UA-1 conditions of issue 18, each read back from the finished file with qpdf and
/// poppler: on the sample month built whole and on a handout of three of its articles (a
/// table, a figure, an article in Hindi).
@Suite(.serialized) struct PDFUATests {
    static let files = ["month", "handout"]

    /// `gazette handout` of articles that hold between them a table, a figure and another language.
    static let handout = BuiltHandout()

    final class BuiltHandout: Sendable {
        let pdf: String
        let build: ProcessOutput

        init() {
            let folder = (try? temporaryFolder()) ?? NSTemporaryDirectory()
            pdf = folder + "/handout.pdf"
            build = (try? run(try gazette(), ["handout", sharedCorpus, "--article", "rbi-monetary-policy-june-2024",
                                              "--article", "change-6-lunar-far-side", "--article", "international-yoga-day-2024",
                                              "--output", pdf]))
                ?? ProcessOutput(status: -1, stdout: "", stderr: "could not run gazette")
        }
    }

    /// The finished file, built once per run.
    static func pdf(_ name: String) throws -> String {
        if name == "handout" {
            try #require(handout.build.status == 0, "gazette handout failed: \(handout.build.stderr)")
            return handout.pdf
        }
        return try RenderedDigest.built("corpus").0.pdf
    }

    @Test(arguments: files)
    func xmpMetadataNamesTheTitleAndPDFUA1(file: String) throws {
        let pdf = try Self.pdf(file)
        let objects = try PDFObjects(pdf)
        let reference = try #require(objects.catalog["/Metadata"] as? String)
        let dictionary = objects.dictionary(reference)
        #expect(dictionary["/Type"] as? String == "/Metadata")
        #expect(dictionary["/Subtype"] as? String == "/XML")
        // Uncompressed in the file, as PDF/A and PDF/UA readers expect.
        #expect(dictionary["/Filter"] == nil, "\(dictionary)")
        let packet = try #require(objects.streams[reference])
        let raw = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(raw.range(of: packet) != nil, "the packet is not in the file as it reads")

        let xmp = try XMPReading(packet)
        #expect(xmp.instructions.first?.target == "xpacket")
        #expect(xmp.instructions.first?.content.hasPrefix("begin=\"\u{FEFF}\"") == true)
        #expect(xmp.instructions.last?.content == "end=\"w\"")
        let info = objects.info
        let title = try #require(PDFObjects.text(info["/Title"]) ?? (info["/Title"] as? String).map { String($0.dropFirst(2)) })
        #expect(!title.isEmpty)
        #expect(xmp.values["pdfuaid:part"] == ["1"])
        #expect(xmp.values["dc:title"] == [title])
        #expect(xmp.languages["dc:title"] == "x-default")
        #expect(xmp.values["dc:language"] == [PDFObjects.text(objects.catalog["/Lang"]) ?? "?"])
        #expect(xmp.values["pdf:Producer"] == [PDFObjects.text(info["/Producer"]) ?? "?"])
        #expect(xmp.values["xmp:CreatorTool"] == [PDFObjects.text(info["/Creator"]) ?? "?"])
        // The dates are /Info's: the edition's date, never the clock.
        let created = try #require(PDFObjects.text(info["/CreationDate"]))
        #expect(xmp.values["xmp:CreateDate"] == [isoDate(fromPDF: created)])
        #expect(xmp.values["xmp:ModifyDate"] == [isoDate(fromPDF: try #require(PDFObjects.text(info["/ModDate"])))])
    }

    @Test(arguments: files)
    func viewersShowTheTitleTabInStructureOrderAndTheFileIsMarked(file: String) throws {
        let objects = try PDFObjects(try Self.pdf(file))
        #expect(objects.dictionary(objects.catalog["/ViewerPreferences"])["/DisplayDocTitle"] as? Bool == true)
        #expect(objects.dictionary(objects.catalog["/MarkInfo"])["/Marked"] as? Bool == true)
        let lang = try #require(PDFObjects.text(objects.catalog["/Lang"]))
        #expect(lang == "en")
        let linked = objects.pages.map(objects.dictionary).filter { !objects.items($0["/Annots"]).isEmpty }
        #expect(!linked.isEmpty)
        for page in linked { #expect(page["/Tabs"] as? String == "/S") }
    }

    @Test(arguments: files)
    func figuresHaveAltTableHeadersHaveScopeAndOtherLanguagesSaySo(file: String) throws {
        let objects = try PDFObjects(try Self.pdf(file))
        let figures = objects.elements("/Figure")
        #expect(!figures.isEmpty)
        for figure in figures {
            #expect(!(PDFObjects.text(figure["/Alt"]) ?? "").isEmpty, "a figure without /Alt: \(figure)")
        }
        let headers = objects.elements("/TH")
        #expect(!headers.isEmpty)
        for header in headers {
            let attributes = objects.dictionary(header["/A"])
            #expect(attributes["/O"] as? String == "/Table" && attributes["/Scope"] as? String == "/Column", "\(header)")
        }
        let hindi = objects.structureElements().map(objects.dictionary).filter { PDFObjects.text($0["/Lang"]) == "hi" }
        #expect(!hindi.isEmpty, "no element says it is in Hindi")
    }

    /// Every list says how its items are marked, and says it truly: a bulleted list (whose
    /// bullets are artifacts) has no `Lbl`, a numbered one has a label on every item, and the
    /// labels poppler reads under each kind are numbers, letters or dates as the kind says.
    @Test(arguments: files)
    func everyListSaysHowItsItemsAreMarked(file: String) throws {
        let pdf = try Self.pdf(file)
        let objects = try PDFObjects(pdf)
        let bulleted: Set<String> = ["/Disc", "/Circle", "/Square"]
        var kinds: [String: Int] = [:]
        for reference in objects.structureElements() {
            let list = objects.dictionary(reference)
            guard list["/S"] as? String == "/L" else { continue }
            let attributes = objects.dictionary(list["/A"])
            #expect(attributes["/O"] as? String == "/List", "\(reference): \(list)")
            let numbering = try #require(attributes["/ListNumbering"] as? String, "\(reference) has no /ListNumbering")
            kinds[numbering, default: 0] += 1
            let items = objects.items(list["/K"]).map(objects.dictionary).filter { $0["/S"] as? String == "/LI" }
            #expect(!items.isEmpty, "\(reference) has no items")
            for item in items {
                let labelled = objects.items(item["/K"]).contains { objects.dictionary($0)["/S"] as? String == "/Lbl" }
                #expect(labelled != bulleted.contains(numbering), "\(reference) (\(numbering)) item \(item)")
            }
            // A list inside a disc-bulleted item is bulleted one level down: the layout's second bullet.
            if numbering == "/Disc" {
                for item in items {
                    for kid in objects.items(item["/K"]).map(objects.dictionary) where kid["/S"] as? String == "/LBody" {
                        for nested in objects.items(kid["/K"]).map(objects.dictionary) where nested["/S"] as? String == "/L" {
                            let inner = objects.dictionary(nested["/A"])["/ListNumbering"] as? String
                            #expect(inner == "/Circle" || !bulleted.contains(inner ?? ""), "a list in a • list is \(inner ?? "unnamed")")
                        }
                    }
                }
            }
        }
        if file == "month" {
            for kind in ["/Disc", "/Circle", "/Decimal", "/LowerAlpha", "/None"] {
                #expect(kinds[kind, default: 0] > 0, "no \(kind) list in the month: \(kinds)")
            }
        } else {
            #expect(!kinds.isEmpty)
        }

        // A second reader: under each kind, the first label poppler reads is what it names.
        // `pdfinfo -struct-text` indents a child under its parent, so a stack of the lists
        // open at each line finds the list a label belongs to.
        let tree = try run(tool("pdfinfo"), ["-struct-text", pdf]).stdout.split(separator: "\n")
        var open: [(indent: Int, numbering: String, labelled: Bool)] = [], checked = 0
        for (index, raw) in tree.enumerated() {
            let indent = raw.prefix { $0 == " " }.count
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("/ListNumbering "), !open.isEmpty {
                open[open.count - 1].numbering = String(line.dropFirst("/ListNumbering ".count))
                continue
            }
            while let last = open.last, last.indent >= indent { open.removeLast() }
            if line.hasPrefix("L (") { open.append((indent, "/None", false)); continue }
            guard line.hasPrefix("Lbl"), let list = open.last, !list.labelled, index + 1 < tree.count else { continue }
            open[open.count - 1].labelled = true
            let label = tree[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            switch list.numbering {
            case "/Decimal": #expect(label.wholeMatch(of: /[0-9]+\./) != nil, "a /Decimal list labelled \(label)")
            case "/LowerAlpha": #expect(label == "(a)", "a /LowerAlpha list labelled \(label)")
            case "/None":  // a timeline's dates: "2024-03-16", "1950s–60s", "December"
                #expect(!label.isEmpty && label.wholeMatch(of: /[0-9]+\.|\([a-z]\)/) == nil,
                        "a /None list labelled \(label) as a numbering does")
            default: Issue.record("a \(list.numbering) list has a label, \(label)")
            }
            checked += 1
        }
        #expect(checked > 0, "poppler read no list labels")
    }

    /// Every link annotation says what it is (PDF/UA-1 7.18.5), in the words drawn under it:
    /// a link to an article reads as the article's title (whole, or its first lines where
    /// the page shows only those, then the page number on a contents line), a web link as
    /// its words and its address.
    @Test(arguments: files)
    func everyLinkSaysWhatItIs(file: String) throws {
        let objects = try PDFObjects(try Self.pdf(file))
        let digest = try RenderedDigest.built("corpus").1
        let titles = Dictionary(uniqueKeysWithValues: digest.articles.map { ("article-\($0.slug)", $0.title) })
        let links = objects.values.values.compactMap { $0 as? [String: Any] }.filter { $0["/Subtype"] as? String == "/Link" }
        #expect(links.count >= 5)
        var articleLinks = 0, webLinks = 0
        for link in links {
            let contents = try #require(PDFObjects.text(link["/Contents"]), "a link without /Contents: \(link)")
            #expect(!contents.isEmpty)
            if let destination = PDFObjects.text(link["/Dest"]), let title = titles[destination] {
                let words = contents.replacing(/\s[0-9]+$/, with: "")
                #expect(words.count >= min(title.count, 12) && (title.hasPrefix(words) || words.hasPrefix(title)),
                        "a link to \(destination) says '\(contents)'")
                articleLinks += 1
            }
            if let uri = PDFObjects.text(objects.dictionary(link["/A"])["/URI"]) {
                let address = uri.replacing(/^https?:\/\//, with: "").replacing(/\/$/, with: "")
                #expect(contents.contains(address), "a link to \(uri) says '\(contents)'")
                webLinks += 1
            }
        }
        #expect(articleLinks > 0 && (file == "handout" || webLinks > 0), "\(articleLinks) article links, \(webLinks) web links")
    }

    /// Every row of a table has as many cells as its header, an empty cell too (the month's
    /// results table has a blank under "Party" in its total row): the grid a screen reader
    /// walks closes.
    @Test(arguments: files)
    func everyTableRowHasAllItsCells(file: String) throws {
        let objects = try PDFObjects(try Self.pdf(file))
        func kids(_ element: [String: Any], _ roles: Set<String>) -> [[String: Any]] {
            objects.items(element["/K"]).map(objects.dictionary).filter { roles.contains($0["/S"] as? String ?? "") }
        }
        var tables = 0
        for reference in objects.structureElements() {
            let table = objects.dictionary(reference)
            guard table["/S"] as? String == "/Table" else { continue }
            tables += 1
            let rows = kids(table, ["/TR"]).map { kids($0, ["/TH", "/TD"]) }
            let widths = Set(rows.map(\.count))
            #expect(widths.count == 1 && !rows.isEmpty, "\(reference): rows of \(widths.sorted()) cells")
        }
        #expect(tables > 0)
    }

    /// Every embedded TrueType CID font names its glyph map (PDF/UA-1 7.21.3.2).
    @Test(arguments: files)
    func everyTrueTypeCIDFontNamesItsGlyphMap(file: String) throws {
        let objects = try PDFObjects(try Self.pdf(file))
        let fonts = objects.values.values.compactMap { $0 as? [String: Any] }
            .filter { $0["/Subtype"] as? String == "/CIDFontType2" }
        #expect(fonts.count >= 3)
        for font in fonts {
            #expect(font["/CIDToGIDMap"] as? String == "/Identity", "\(font["/BaseFont"] ?? "?")")
        }
    }

    /// The headings, in reading order, start at H1 and never go down by more than one level
    /// (Matterhorn 14-002 and 14-003): a handout, which has no sections, titles its articles H1.
    @Test(arguments: files)
    func headingsStartAtH1AndSkipNoLevel(file: String) throws {
        let objects = try PDFObjects(try Self.pdf(file))
        let levels = objects.structureElements().compactMap { reference -> Int? in
            guard let role = objects.dictionary(reference)["/S"] as? String, role.wholeMatch(of: /\/H[1-6]/) != nil
            else { return nil }
            return Int(role.dropFirst(2))
        }
        #expect(levels.first == 1, "the first heading is H\(levels.first ?? 0)")
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "H\(previous) is followed by H\(next)")
        }
        #expect(levels.count >= 5)
    }

    /// Every mark on every page is content of a structure element or an artifact; the
    /// furniture (here the footer's "Page 3 of …") is an artifact that text extraction still
    /// reads but the structure tree does not.
    @Test(arguments: files)
    func nothingIsPaintedOutsideStructureOrArtifacts(file: String) throws {
        let pdf = try Self.pdf(file)
        let objects = try PDFObjects(pdf)
        #expect(objects.pages.count >= 3)
        for index in objects.pages.indices {
            let scan = MarkedContentScan(objects.content(ofPage: index))
            #expect(scan.unclaimed.isEmpty, "page \(index + 1) paints \(scan.unclaimed.prefix(5).map(\.operator)) unmarked")
            #expect(!scan.unbalanced, "page \(index + 1) has unbalanced marked content")
        }
        let tagged = objects.pages.indices.filter { MarkedContentScan(objects.content(ofPage: $0)).contentPaints > 0 }
        #expect(tagged.count * 2 > objects.pages.count, "only pages \(tagged.map { $0 + 1 }) hold tagged content")
        let third = MarkedContentScan(objects.content(ofPage: 2))
        #expect(third.artifactPaints >= 1)
        let above = try #require(objects.form("/GzFurnitureAbove", onPage: 2), "page 3 has no furniture above its content")
        let furniture = MarkedContentScan(above)
        #expect(furniture.unclaimed.contains { MarkedContentScan.showingText.contains($0.operator) },
                "the furniture of page 3 shows no text")

        // The folio as each layout's footer prints it: "Page 1 of 29" (the month), "3 / 13" (a handout).
        let text = try run(tool("pdftotext"), ["-f", "3", "-l", "3", pdf, "-"]).stdout
        let folio = try #require(text.split(separator: "\n").map(String.init).first {
            $0.wholeMatch(of: /(Page )?\d+ (of|\/) \d+/) != nil
        }, "no folio in \(text)")
        let tree = try run(tool("pdfinfo"), ["-struct-text", pdf]).stdout
        #expect(tree.contains("Document"))
        #expect(!tree.contains(folio), "the folio '\(folio)' reads as content")
    }

    /// The reader the tests above rely on, on a stream whose marks are known.
    @Test func theContentScanFindsWhatIsPaintedUnmarked() {
        let stream = """
            BT /F1 9 Tf (a \\) \\( b) Tj ET
            /P << /MCID 0 /ActualText (x >> y) >> BDC BT [(c) 5 <0041>] TJ ET /Span << >> BDC 0 0 1 1 re f EMC EMC
            /Artifact BMC q /Fm1 Do Q BT (folio) Tj ET EMC
            0 0 m 1 1 l S
            /Span << /Lang (en) >> BDC BT (d) ' ET EMC
            """
        let scan = MarkedContentScan(Data(stream.utf8))
        #expect(scan.unclaimed.map(\.operator) == ["Tj", "S", "'"])
        #expect(scan.contentPaints == 2)
        #expect(scan.artifactPaints == 2 && scan.artifactText == 1)
        #expect(!scan.unbalanced)
        #expect(MarkedContentScan(Data("/P << /MCID 1 >> BDC BT (e) Tj ET".utf8)).unbalanced)
    }

    /// A paragraph cairo wrote in pieces across a page break is one element, and the parent
    /// tree leads from each page's marked content back to that element.
    @Test(arguments: files)
    func aParagraphAcrossAPageBreakIsOneElement(file: String) throws {
        let objects = try PDFObjects(try Self.pdf(file))
        let pageOf = Dictionary(uniqueKeysWithValues: objects.pages.enumerated().map { ($1, $0) })
        let parentTree = try numberTree(objects, objects.dictionary(objects.catalog["/StructTreeRoot"])["/ParentTree"])
        var spanning = 0
        for reference in objects.structureElements() {
            let element = objects.dictionary(reference)
            var pages = Set<Int>()
            // A paragraph is a `P`, or the `LBody` of a list item that is one paragraph: an
            // `LBody` whose kids are all marked content, no elements.
            var holdsOnlyText = true
            for kid in objects.items(element["/K"]) {
                if let kid = kid as? String, objects.dictionary(kid)["/S"] != nil { holdsOnlyText = false }
                var page = element["/Pg"] as? String, mcid: Int?
                if let number = kid as? Int { mcid = number }
                else if let reference = kid as? [String: Any], reference["/MCID"] != nil {
                    mcid = reference["/MCID"] as? Int
                    page = reference["/Pg"] as? String ?? page
                }
                guard let mcid, let page, let pageIndex = pageOf[page] else { continue }
                pages.insert(pageIndex)
                let key = try #require(objects.dictionary(page)["/StructParents"] as? Int)
                let slots = objects.items(parentTree[key])
                #expect(slots.indices.contains(mcid) && slots[mcid] as? String == reference,
                        "page \(pageIndex + 1) MCID \(mcid) does not lead back to \(reference)")
            }
            let role = element["/S"] as? String
            if pages.count > 1, role == "/P" || (role == "/LBody" && holdsOnlyText) { spanning += 1 }
        }
        #expect(spanning > 0, "no paragraph crosses a page or column break")
    }

    @Test(arguments: files)
    func qpdfFindsNothingWrong(file: String) throws {
        let check = try run(tool("qpdf"), ["--check", try Self.pdf(file)])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stdout.contains("WARNING") && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = folder + "/a/digest.pdf", second = folder + "/b/digest.pdf"
        for path in [first, second] {
            let build = try run(try gazette(), ["build", sharedCorpus, "--output", path])
            try #require(build.status == 0, "\(build.stderr)")
        }
        #expect(try run(tool("cmp"), [first, second]).status == 0)
        let handouts = [folder + "/h1.pdf", folder + "/h2.pdf"]
        for path in handouts {
            let build = try run(try gazette(), ["handout", sharedCorpus, "--article", "change-6-lunar-far-side", "--output", path])
            try #require(build.status == 0, "\(build.stderr)")
        }
        #expect(try run(tool("cmp"), handouts).status == 0)
    }

    /// A handout's articles are sections of the tree, each read title first, as in the digest.
    @Test func aHandoutReadsEachArticlesTitleBeforeItsBody() throws {
        let tree = try run(tool("pdfinfo"), ["-struct-text", try Self.pdf("handout")]).stdout
        let lines = tree.split(separator: "\n").map(String.init)
        let title = try #require(lines.firstIndex { $0.contains("Chang'e-6 Brings Back") }, "\(tree)")
        let body = try #require(lines.firstIndex { $0.contains("Chinese Lunar Exploration Program") }, "\(tree)")
        #expect(title < body, "the body is read before the title")
        #expect(lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Sect") }.count >= 3,
                "one section per article")
    }

    /// Imposed sheets have no structure tree, so they claim no PDF/UA conformance.
    @Test func imposedSheetsMakeNoClaim() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = folder + "/sheets.pdf"
        let build = try run(try gazette(), ["handout", sharedCorpus, "--article", "change-6-lunar-far-side", "--nup", "2",
                                            "--output", pdf])
        try #require(build.status == 0, "\(build.stderr)")
        let objects = try PDFObjects(pdf)
        #expect(objects.catalog["/Metadata"] == nil)
        #expect(objects.pages.indices.allSatisfy { objects.form("/GzFurnitureAbove", onPage: $0) == nil })
    }
}

/// The leaves of a number tree (`/Nums` under `/Kids`) by key.
private func numberTree(_ objects: PDFObjects, _ node: Any?) throws -> [Int: Any] {
    var result: [Int: Any] = [:]
    let dictionary = objects.dictionary(node)
    for kid in objects.items(dictionary["/Kids"]) { result.merge(try numberTree(objects, kid)) { a, _ in a } }
    let nums = objects.items(dictionary["/Nums"])
    for index in stride(from: 0, to: nums.count - 1, by: 2) {
        if let key = nums[index] as? Int { result[key] = nums[index + 1] }
    }
    return result
}

/// A PDF date (`D:20240630000000Z`, or cairo 1.16's without `D:`) as ISO 8601, written out
/// here independently of the finishing pass's own conversion.
private func isoDate(fromPDF text: String) -> String {
    let digits = Array(text.hasPrefix("D:") ? text.dropFirst(2) : Substring(text))
    func part(_ range: Range<Int>) -> String { String(digits[range]) }
    var date = "\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(8..<10)):\(part(10..<12)):\(part(12..<14))"
    let zone = digits.count > 14 ? digits[14] : nil
    if zone == "Z" { date += "Z" }
    else if let zone { date += "\(zone)\(part(15..<17)):\(part(18..<20))" }
    return date
}

/// An XMP packet read back with Foundation's XML parser, names resolved to their usual
/// prefixes by namespace URI (so a packet that used other prefixes would still read).
final class XMPReading: NSObject, XMLParserDelegate {
    private static let prefixes = [
        "http://purl.org/dc/elements/1.1/": "dc", "http://ns.adobe.com/xap/1.0/": "xmp",
        "http://ns.adobe.com/pdf/1.3/": "pdf", "http://www.aiim.org/pdfua/ns/id/": "pdfuaid",
    ]
    /// Each property's text values (a list's items in order).
    private(set) var values: [String: [String]] = [:]
    /// The `xml:lang` of each property's first item.
    private(set) var languages: [String: String] = [:]
    private(set) var instructions: [(target: String, content: String)] = []
    private var property: String?
    private var text = ""

    init(_ packet: Data) throws {
        super.init()
        let parser = XMLParser(data: packet)
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.propertyListReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        if let prefix = namespaceURI.flatMap({ Self.prefixes[$0] }) {
            property = "\(prefix):\(name)"
        } else if name == "li", let property, languages[property] == nil, let language = attributes["xml:lang"] {
            languages[property] = language
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let property, !value.isEmpty { values[property, default: []].append(value) }
        if namespaceURI.flatMap({ Self.prefixes[$0] }) != nil { property = nil }
        text = ""
    }

    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
        instructions.append((target, data ?? ""))
    }
}

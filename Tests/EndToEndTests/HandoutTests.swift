import Foundation
import Testing
import TestSupport

/// `gazette handout` on the sample month: sheets read back from the PDFs it writes.
@Suite struct HandoutTests {
    /// The folio ("k / N" in the footer) of each page on a sheet, by the half it sits in.
    struct SheetFolios: Equatable {
        var left: Int?
        var right: Int?
    }

    /// Reads the footer folios of every sheet: a number followed by "/" in the lowest tenth.
    static func folios(_ pdf: String) throws -> [SheetFolios] {
        try readPages(pdf).map { page in
            var sheet = SheetFolios()
            for (index, word) in page.words.enumerated()
            where word.text == "/" && word.yMin > page.height * 0.9 && index > 0 {
                guard let number = Int(page.words[index - 1].text) else { continue }
                if word.xMin < page.width / 2 { sheet.left = number } else { sheet.right = number }
            }
            return sheet
        }
    }

    static func pageCount(_ pdf: String) throws -> Int {
        let info = try run(tool("pdfinfo"), [pdf]).stdout
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? -1
    }

    static func pageSize(_ pdf: String) throws -> String {
        let info = try run(tool("pdfinfo"), [pdf]).stdout
        let line = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        return line.dropFirst("Page size:".count).trimmingCharacters(in: .whitespaces)
    }

    /// The whole month as one handout, one page per page; built once for the tests that
    /// compare sheets against it.
    static let plain: (pdf: String, status: Int32) = {
        let pdf = ((try? temporaryFolder()) ?? NSTemporaryDirectory()) + "/plain.pdf"
        let result = try? run(gazette(), ["handout", sharedCorpus, "--output", pdf])
        return (pdf, result?.status ?? -1)
    }()

    /// The finishing pass once left qpdf's complaints on stderr for every handout: it reused
    /// one null handle to empty merged pieces of the structure tree, which qpdf refuses once
    /// the handle has become an object of the file.
    @Test func aTaggedHandoutWritesNothingToStandardError() throws {
        let output = try temporaryFolder() + "/handout.pdf"
        let result = try run(gazette(), ["handout", sharedCorpus, "--output", output])
        #expect(result.status == 0)
        #expect(result.stderr == "", "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote 1 file: \(output)"), "\(result.stdout)")
    }

    @Test func twoUpPutsPageKOnTheLeftAndKPlusOneOnTheRightOfA4Landscape() throws {
        try #require(Self.plain.status == 0)
        let pages = try Self.pageCount(Self.plain.pdf)
        let output = try temporaryFolder() + "/two-up.pdf"
        let result = try run(gazette(), ["handout", sharedCorpus, "--nup", "2", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.pageSize(output).hasPrefix("841.89 x 595.276 pts"), "A4 landscape")
        let folios = try Self.folios(output)
        #expect(folios.count == (pages + 1) / 2)
        let expected = (0..<folios.count).map { sheet in
            SheetFolios(left: 2 * sheet + 1, right: 2 * sheet + 2 <= pages ? 2 * sheet + 2 : nil)
        }
        #expect(folios == expected)
        #expect(try run(tool("qpdf"), ["--check", output]).status == 0)
    }

    @Test func fourUpReadsAcrossThenDown() throws {
        let output = try temporaryFolder() + "/four-up.pdf"
        let result = try run(gazette(), ["handout", sharedCorpus, "--article", "heatwave-2024", "--nup", "4",
                                         "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.pageSize(output).hasPrefix("595.276 x 841.89 pts"), "A4 portrait")
        let page = try #require(try readPages(output).first)
        var places: [Int: (right: Bool, lower: Bool)] = [:]
        for (index, word) in page.words.enumerated() where word.text == "/" && index > 0 {
            if let number = Int(page.words[index - 1].text) {
                places[number] = (word.xMin > page.width / 2, word.yMin > page.height / 2)
            }
        }
        #expect(places[1].map { !$0.right && !$0.lower } == true)
        #expect(places[2].map { $0.right && !$0.lower } == true)
        #expect(places[3].map { !$0.right && $0.lower } == true)
        #expect(places[4].map { $0.right && $0.lower } == true)
    }

    @Test func bookletSidesFoldIntoReadingOrder() throws {
        try #require(Self.plain.status == 0)
        let pages = try Self.pageCount(Self.plain.pdf)
        let output = try temporaryFolder() + "/booklet.pdf"
        let result = try run(gazette(), ["handout", sharedCorpus, "--booklet", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.pageSize(output).hasPrefix("1190.55 x 841.89 pts"), "twice an A4 page's width: A3 landscape")
        let sides = try Self.folios(output)
        let sheets = (pages + 3) / 4
        #expect(sides.count == sheets * 2)
        try #require(sides.count == sheets * 2)
        // Walk the folded booklet: into the middle on the fronts' right and the backs' left
        // halves, then out again on the others.
        var reading: [Int?] = []
        for sheet in 0..<sheets { reading += [sides[2 * sheet].right, sides[2 * sheet + 1].left] }
        for sheet in (0..<sheets).reversed() { reading += [sides[2 * sheet + 1].right, sides[2 * sheet].left] }
        #expect(reading == (1...(sheets * 4)).map { $0 <= pages ? $0 : nil })
    }

    @Test func perArticleWritesOnePDFPerArticleWithNotesAndAnswers() throws {
        let folder = try temporaryFolder() + "/handouts"
        let result = try run(gazette(), ["handout", sharedCorpus, "--per-article", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let slugs = try FileManager.default.contentsOfDirectory(atPath: sharedCorpus + "/articles")
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written == slugs.map { $0 + ".pdf" })
        for name in written {
            let pages = try readPages(folder + "/" + name)
            let first = pages.first?.text ?? ""
            #expect(first.contains("Name") && first.contains("Class") && first.contains("Date"), "\(name)")
            // Notes close the article; the answers are the last page, on their own.
            #expect(pages.dropLast().last?.text.contains("NOTES") == true, "\(name): notes before the answers")
            #expect(pages.last?.text.contains("Answer Key") == true, "\(name): answers on the last page")
            #expect(pages.dropLast().allSatisfy { !$0.text.contains("Answer Key") }, "\(name)")
        }
    }

    @Test func answersCanGoToTheirOwnFileOrNowhere() throws {
        let folder = try temporaryFolder()
        let separate = try run(gazette(), ["handout", sharedCorpus, "--article", "heatwave-2024", "--answers", "separate",
                                           "--output", folder + "/heat.pdf"])
        #expect(separate.status == 0, "\(separate.stderr)")
        let pupils = try readPages(folder + "/heat.pdf")
        let teacher = try readPages(folder + "/heat-answers.pdf")
        #expect(pupils.allSatisfy { !$0.text.contains("Answer Key") })
        #expect(teacher.count == 1 && teacher[0].text.contains("Answer Key"))
        #expect(try run(tool("qpdf"), ["--check", folder + "/heat-answers.pdf"]).status == 0)

        let none = try run(gazette(), ["handout", sharedCorpus, "--article", "heatwave-2024", "--answers", "none",
                                       "--output", folder + "/bare.pdf"])
        #expect(none.status == 0)
        #expect(try readPages(folder + "/bare.pdf").allSatisfy { !$0.text.contains("Answer Key") })
        #expect(!FileManager.default.fileExists(atPath: folder + "/bare-answers.pdf"))
    }

    @Test func sectionSelectsItsArticlesInOrder() throws {
        let output = try temporaryFolder() + "/section.pdf"
        let result = try run(gazette(), ["handout", sharedCorpus, "--section", "economy", "--answers", "none",
                                         "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try readPages(output).map(\.text).joined(separator: " ")
        #expect(text.contains("GST Council") && text.contains("Monetary Policy"))
        #expect(!text.contains("Heatwave"))
    }

    @Test func grayscaleHasNoColouredPixelPicturesIncluded() throws {
        let folder = try temporaryFolder()
        // The example month has a JPEG and PNG charts; every page is checked.
        let output = folder + "/gray.pdf"
        let result = try run(gazette(), ["handout", exampleMonth, "--grayscale", "--nup", "2", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let images = try run(tool("pdfimages"), ["-list", output]).stdout.split(separator: "\n").dropFirst(2)
        #expect(images.count >= 2)
        #expect(images.allSatisfy { $0.contains(" gray ") }, "\(images)")
        let drawn = try run(tool("pdftoppm"), ["-r", "20", output, folder + "/p"])
        #expect(drawn.status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ppm") }
        #expect(pages.count == (try Self.pageCount(output)))
        var coloured: [String] = []
        for page in pages {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + page)))
            if hasColour(bytes) { coloured.append(page) }
        }
        #expect(coloured.isEmpty, "sheets with colour: \(coloured.sorted())")
    }

    @Test func cropMarksSetTrimAndBleedBoxesAroundTheA4Page() throws {
        let output = try temporaryFolder() + "/marked.pdf"
        let result = try run(gazette(), ["handout", sharedCorpus, "--article", "heatwave-2024", "--crop-marks",
                                         "--bleed", "3mm", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let boxes = try run(tool("pdfinfo"), ["-box", output]).stdout.split(separator: "\n")
            .map { $0.split(separator: " ").joined(separator: " ") }
        // 3 mm bleed + 2 mm + 6 mm of marks on each side of 210 x 297 mm.
        #expect(boxes.contains("MediaBox: 0.00 0.00 657.64 904.25"), "\(boxes)")
        #expect(boxes.contains("TrimBox: 31.18 31.18 626.46 873.07"), "\(boxes)")
        #expect(boxes.contains("BleedBox: 22.68 22.68 634.96 881.58"), "\(boxes)")
        #expect(try run(tool("qpdf"), ["--check", output]).status == 0)
        // The page's text stays where it was, moved by the margin.
        let words = try #require(try readPages(output).first).words
        #expect(words.allSatisfy { $0.xMin > 31 && $0.xMax < 627 && $0.yMin > 31 && $0.yMax < 874 })
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let folder = try temporaryFolder()
        let arguments = ["handout", exampleMonth, "--article", "nvidia-most-valuable-company", "--grayscale",
                         "--booklet", "--crop-marks"]
        #expect(try run(gazette(), arguments + ["--output", folder + "/a.pdf"]).status == 0)
        #expect(try run(gazette(), arguments + ["--output", folder + "/b.pdf"]).status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf"))
        let same = a == b
        #expect(same)
    }

    @Test(arguments: [
        (["--article", "heatwav-2024"], "no article 'heatwav-2024' in", "did you mean 'heatwave-2024'?"),
        (["--section", "Econmy"], "no section 'Econmy' in", "did you mean 'Economy'?"),
        (["--nup", "4", "--booklet"], "--nup and --booklet cannot be used together", ""),
        (["--nup", "3"], "--nup 3 is not supported; give 2", ""),
        (["--bleed", "3mm"], "--bleed needs --crop-marks", ""),
        (["--crop-marks", "--bleed", "big"], "--bleed 'big' is not a length", ""),
        (["--sheet", "A3"], "--sheet needs --nup or --booklet", ""),
        (["--sheet", "B5", "--nup", "2"], "The value 'B5' is invalid for '--sheet", ""),
        (["--answers", "later"], "The value 'later' is invalid for '--answers", ""),
    ])
    func wrongUsageExits64AndWritesNothing(arguments: [String], message: String, hint: String) throws {
        let output = try temporaryFolder() + "/never.pdf"
        let result = try run(gazette(), ["handout", sharedCorpus] + arguments + ["--output", output])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(hint.isEmpty || result.stderr.contains(hint), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func badInputExitsOneAndWritesNothing() throws {
        let folder = try temporaryFolder() + "/month"
        try FileManager.default.copyItem(atPath: exampleMonth, toPath: folder)
        let article = folder + "/articles/euro-2024-group-stage.md"
        let text = try String(contentsOfFile: article, encoding: .utf8).replacingOccurrences(of: "> [!fact]", with: "> [!tip]")
        try text.write(toFile: article, atomically: true, encoding: .utf8)
        let result = try run(gazette(), ["handout", folder, "--per-article", folder + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("euro-2024-group-stage.md:"))
        #expect(result.stderr.contains("error: unknown callout kind 'tip'"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
}

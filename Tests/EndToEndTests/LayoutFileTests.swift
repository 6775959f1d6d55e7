import Foundation
import Testing
import TestSupport

/// Layout files as a user meets them on the command line.
@Suite struct LayoutFileTests {
    @Test func aThreeLineLayoutFileGivesAOneColumnLetterPDF() throws {
        let folder = try temporaryFolder()
        try "extends: monthly\npage: {size: Letter}\ncolumns: {count: 1}\n"
            .write(toFile: folder + "/ours.yaml", atomically: true, encoding: .utf8)
        let output = folder + "/letter.pdf"
        let build = try run(gazette(), ["build", exampleMonth, "--layout", folder + "/ours.yaml", "--output", output])
        #expect(build.status == 0, "\(build.stderr)")
        let info = try run(tool("pdfinfo"), [output]).stdout
        #expect(info.contains("Page size:       612 x 792 pts (letter)"))
        // One column: body lines run across the whole text width, none starts mid-page.
        let page = try #require(try readPages(output).dropFirst(2).first)
        let lines = printedLines(page.words.filter { $0.yMin > 120 && $0.yMax < page.height - 60 })
        let widest = lines.map { ($0.last?.xMax ?? 0) - ($0.first?.xMin ?? 0) }.max() ?? 0
        #expect(widest > 612 - 2 * 45.35 - 10)
        #expect(lines.allSatisfy { ($0.first?.xMin ?? 0) < 612 / 3 })
    }

    @Test func aMisspeltKeyStopsTheBuildAtItsLine() throws {
        let folder = try temporaryFolder()
        try "extends: monthly\npage:\n  sise: Letter\n".write(toFile: folder + "/typo.yaml", atomically: true, encoding: .utf8)
        let output = folder + "/out.pdf"
        let build = try run(gazette(), ["build", exampleMonth, "--layout", folder + "/typo.yaml", "--output", output])
        #expect(build.status == 1)
        #expect(build.stderr.contains("\(folder)/typo.yaml:3:3: error: unknown layout key 'page.sise'; did you mean 'size'?"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func setOverridesOneKeyForOneRun() throws {
        let output = try temporaryFolder() + "/a5.pdf"
        let build = try run(gazette(), ["build", exampleMonth, "--set", "page.size=A5", "--set", "columns.count=1",
                                        "--output", output])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try run(tool("pdfinfo"), [output]).stdout.contains("Page size:       419.528 x 595.276 pts"))
    }

    @Test func printBWHasNoColourOnAnyPageButItsPictures() throws {
        let rendered = RenderedDigest.named("corpus in print-bw")
        try #require(rendered.build.status == 0)
        // Render every page at low resolution and look for a pixel whose channels differ,
        // skipping pages that hold a picture (pictures keep their colour: that is --grayscale's job).
        let folder = try temporaryFolder()
        let result = try run(tool("pdftoppm"), ["-r", "20", rendered.pdf, folder + "/p"])
        #expect(result.status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ppm") }.sorted()
        #expect(pages.count > 20)
        let imagePages = try pageNumbersWithImages(rendered.pdf)
        var coloured: [String] = []
        for page in pages {
            let number = Int(page.dropFirst(2).dropLast(4)) ?? 0
            if imagePages.contains(number) { continue }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + page)))
            if hasColour(bytes) { coloured.append(page) }
        }
        #expect(coloured.isEmpty, "pages with colour: \(coloured)")
    }

    private func pageNumbersWithImages(_ pdf: String) throws -> Set<Int> {
        let list = try run(tool("pdfimages"), ["-list", pdf]).stdout.split(separator: "\n").dropFirst(2)
        return Set(list.compactMap { Int($0.split(separator: " ").first ?? "") })
    }
}

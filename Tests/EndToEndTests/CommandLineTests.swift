import Foundation
import Testing
import TestSupport

/// The command line as a user meets it: exit codes, messages, and files written or left alone.
@Suite struct CommandLineTests {
    /// A copy of the example month in a temporary folder, to break on purpose.
    func brokenCopy(_ breakIt: (String) throws -> Void) throws -> String {
        let folder = try temporaryFolder() + "/month"
        try FileManager.default.copyItem(atPath: exampleMonth, toPath: folder)
        try breakIt(folder)
        return folder
    }

    @Test func badInputPrintsEveryDiagnosticExitsOneAndWritesNothing() throws {
        let folder = try brokenCopy { folder in
            let article = folder + "/articles/bonn-climate-talks-sb60.md"
            var text = try String(contentsOfFile: article, encoding: .utf8)
            text = text.replacingOccurrences(of: "section: Environment", with: "section: Weather")
            try text.write(toFile: article, atomically: true, encoding: .utf8)
            let other = folder + "/articles/euro-2024-group-stage.md"
            var second = try String(contentsOfFile: other, encoding: .utf8)
            second = second.replacingOccurrences(of: "> [!fact]", with: "> [!tip]")
            try second.write(toFile: other, atomically: true, encoding: .utf8)
        }
        let output = folder + "/out.pdf"
        let result = try run(gazette(), ["build", folder, "--output", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(folder)/articles/bonn-climate-talks-sb60.md:4:10: error: unknown section 'Weather'"))
        #expect(result.stderr.contains("\(folder)/articles/euro-2024-group-stage.md:"))
        #expect(result.stderr.contains("error: unknown callout kind 'tip'"))
        #expect(result.stderr.contains("2 errors"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aFailedBuildLeavesLastMonthsPDFUntouched() throws {
        let folder = try brokenCopy { folder in
            try "title: [unclosed\n".write(toFile: folder + "/digest.yaml", atomically: true, encoding: .utf8)
        }
        let output = folder + "/june.pdf"
        let previous = Data("last month's PDF".utf8)
        try previous.write(to: URL(fileURLWithPath: output))
        let result = try run(gazette(), ["build", folder, "--output", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(folder)/digest.yaml:"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == previous)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func checkReportsProblemsWithoutWritingAPDF() throws {
        let good = try run(gazette(), ["check", exampleMonth])
        #expect(good.status == 0)
        #expect(good.stdout.contains("10 articles in 6 sections, no errors"))

        let folder = try temporaryFolder()
        let missing = try run(gazette(), ["check", folder])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("\(folder)/digest.yaml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let result = try run(gazette(), ["build"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument '<digest>'"))
        let unknown = try run(gazette(), ["publish", exampleMonth])
        #expect(unknown.status == 64)
    }

    @Test func buildReportsPagesAndSize() throws {
        let output = try temporaryFolder() + "/nested/folder/june.pdf"
        let result = try run(gazette(), ["build", exampleMonth, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote \(output): "))
        #expect(result.stdout.contains(" pages, "))
        #expect(FileManager.default.fileExists(atPath: output))
    }
}

import Foundation
import Testing
import TestSupport

/// The PDF depends on the digest's content only: the same month copied to two folders of
/// different names and depths, built from different working directories with absolute and
/// relative paths, gives the same bytes. No path may leak into the file.
@Suite struct PathIndependenceTests {
    @Test(arguments: [exampleMonth, hardMonth])
    func sameDigestFromTwoFoldersGivesTheSameBytes(month: String) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = root + "/a/2024-06"
        let second = root + "/somewhere/much/deeper/with-a-longer-name/copy-of-the-month"
        for folder in [first, second] {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: month, toPath: folder)
        }
        // Absolute paths, run from the root.
        let one = try run(gazette(), ["build", first, "--output", root + "/one.pdf"], in: root)
        // Relative paths, run from inside the second copy's parent, output elsewhere.
        let parent = URL(fileURLWithPath: second).deletingLastPathComponent().path
        let two = try run(gazette(), ["build", "copy-of-the-month", "--output", "../../two.pdf"], in: parent)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(two.status == 0, "\(two.stderr)")
        let a = try #require(contents(root + "/one.pdf"))
        let b = try #require(contents(root + "/much/two.pdf") ?? contents(root + "/somewhere/much/two.pdf"))
        #expect(a == b, "the PDFs differ: \(a.count) and \(b.count) bytes")

        // Neither the folder names nor the temporary root appear in the file.
        let text = String(decoding: a, as: UTF8.self)
        for leak in [root, "2024-06/images", "copy-of-the-month", NSTemporaryDirectory()] {
            #expect(!text.contains(leak), "'\(leak)' appears in the PDF")
        }
    }
}

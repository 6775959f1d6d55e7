import Foundation
import Testing
import DigestModel
import Diagnostics
@testable import DigestReader

/// Paths of the test inputs, computed from this file so tests run from any directory.
enum Paths {
    /// `Tests/DigestReaderTests`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    /// The repository root.
    static let repository = URL(fileURLWithPath: testsFolder).deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// The shared sample month, read in place (never copied into the repository).
    static let corpus = repository + "/../shared/corpus/2024-06"

    static func fixture(_ name: String) -> String { testsFolder + "/Fixtures/" + name }
}

/// The printed diagnostics of reading `folder`.
func diagnostics(of folder: String) -> [String] {
    DigestReader.read(folder: folder).diagnostics.map(\.description)
}

/// A fresh folder under the system's temporary folder, removed by `cleanUp()`.
struct TemporaryDigest {
    let folder: String

    /// Creates the folder with a `digest.yaml` (sections National and Sports) and `articles/`.
    init(digestYAML: String = "title: Temporary\nedition: June 2024\nsections: [National, Sports]\n") throws {
        folder = FileManager.default.temporaryDirectory.path + "/gazette-reader-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        try write(digestYAML, to: "digest.yaml")
    }

    func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        let full = folder + "/" + path
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: full).deletingLastPathComponent().path,
            withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: full, contents: Data(bytes)))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// Front matter for a sound article in a `TemporaryDigest`, 5 lines long.
let soundFrontMatter = """
    ---
    title: A Temporary Article
    date: 2024-06-10
    section: National
    ---

    """

/// A structurally whole PNG claiming the given size: signature, IHDR, one IDAT and IEND,
/// each with its right checksum. The IDAT does not hold the pixels (the reader never
/// decodes them), so a "20000×2000" picture takes a few dozen bytes.
func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        + pngChunk("IHDR", bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0])
        + pngChunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
        + pngChunk("IEND", [])
}

/// One PNG chunk: length, type, data and CRC.
func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + typed + bigEndian(CRC32.checksum(typed))
}

func bigEndian(_ n: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: n >> $0) } }

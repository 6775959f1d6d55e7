import Foundation
import Yams

/// What `gazette import` wrote into a digest folder, with a hash of each file as written:
/// kept in `.gazette-import.yaml`, so that a second import replaces only the files nobody
/// has changed since, and never one the editor wrote or edited.
struct ImportManifest {
    static let fileName = ".gazette-import.yaml"

    /// Path relative to the digest folder → hash of the bytes import wrote.
    private(set) var hashes: [String: String] = [:]

    /// The manifest in `folder`; empty when there is none (or it cannot be read, which makes
    /// every existing file count as the editor's: the safe side).
    static func read(folder: String) -> ImportManifest {
        var manifest = ImportManifest()
        guard let text = try? String(contentsOfFile: folder + "/" + fileName, encoding: .utf8),
              let yaml = try? Yams.load(yaml: text) as? [String: Any],
              let files = yaml["files"] as? [String: Any] else { return manifest }
        for (path, hash) in files { manifest.hashes[path] = "\(hash)" }
        return manifest
    }

    /// What to do with a file import wants to write.
    enum Decision: Equatable {
        case create, update, unchanged
        /// Left as it is: the editor wrote or changed it.
        case keep(reason: String)
    }

    func decide(_ path: String, in folder: String, newContent: Data) -> Decision {
        guard let current = FileManager.default.contents(atPath: folder + "/" + path) else {
            return FileManager.default.fileExists(atPath: folder + "/" + path) ? .keep(reason: "it cannot be read") : .create
        }
        guard let written = hashes[path] else { return .keep(reason: "import did not write it") }
        guard Self.hash(current) == written else { return .keep(reason: "edited since the last import") }
        return current == newContent ? .unchanged : .update
    }

    /// Whether `path` is a file import wrote and nobody has changed since.
    func isUntouched(_ path: String, in folder: String) -> Bool {
        guard let written = hashes[path], let current = FileManager.default.contents(atPath: folder + "/" + path) else { return false }
        return Self.hash(current) == written
    }

    mutating func record(_ path: String, content: Data) { hashes[path] = Self.hash(content) }

    var text: String {
        var lines = [
            "# Written by gazette import: the files it wrote here and a hash of each as written.",
            "# A later import replaces only files whose hash still matches, so your edits are kept.",
            "# Delete a line (or this file) to make import treat that file as yours.",
            "files:",
        ]
        for path in hashes.keys.sorted() { lines.append("  \(JSON.string(path)): \(hashes[path]!)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// FNV-1a, 64 bits, as 16 hex digits: enough to notice an edit (this is not a defence
    /// against someone forging a file).
    static func hash(_ data: Data) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

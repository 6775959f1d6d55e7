import Foundation

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/PDFRendererTests/Support/Files.swift → repository root.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A font committed in `Fonts/`.
    static func font(_ name: String) -> String { root + "/Fonts/" + name }
}

/// A fresh directory under the system's temporary directory, removed when released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-pdf-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path for `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }
}

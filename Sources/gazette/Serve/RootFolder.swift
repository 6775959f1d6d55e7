import DigestReader
import Foundation

/// The folder `gazette serve` was given, and the one rule for every path a request names:
/// it is resolved inside the root or it is not found.
///
/// A request names a place as URL path segments, still percent-encoded. Each segment is
/// decoded on its own and refused when it could leave its folder or reach something hidden:
/// empty, `.` or `..`, starting with `.` (`.gazette`, `.git`), or holding `/`, `\` or NUL
/// once decoded (`%2F`, `%2e%2e`). What is left is joined under the root and must still be
/// inside it with every symbolic link resolved (`FolderBoundary`, the reader's own rule).
/// Every refusal is the same 404 as a missing file, and nothing refused is ever opened.
struct RootFolder: Sendable {
    /// The root's real path, links resolved.
    let path: String
    private let boundary: FolderBoundary

    /// - Returns: nil when `path` is not a folder.
    init?(_ path: String) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
              let real = Self.realPath(path) else { return nil }
        self.path = real
        boundary = FolderBoundary(folder: real)
    }

    /// One segment of a request's path, decoded, or nil when it is not allowed (see above).
    static func name(_ segment: Substring) -> String? {
        guard let decoded = String(segment).removingPercentEncoding, !decoded.isEmpty,
              !decoded.hasPrefix("."),
              !decoded.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) else { return nil }
        return decoded
    }

    /// The digest folder named by `segment`: a folder directly under the root, inside it,
    /// that holds a `digest.yaml`.
    /// - Throws: `Refusal.notFound` otherwise.
    func digest(_ segment: Substring) throws -> DigestFolder {
        guard let name = Self.name(segment) else { throw Refusal.notFound }
        let folder = path + "/" + name
        guard boundary.contains(folder), isFolder(folder), boundary.kind(of: folder + "/digest.yaml") == .file else {
            throw Refusal.notFound
        }
        return DigestFolder(name: name, path: folder)
    }

    /// The regular file inside `digest` named by `segments`, such as `articles`, `a.md`.
    /// - Parameter extensions: the kinds of file this route serves, lower case.
    /// - Returns: the absolute path and the path inside the digest folder.
    /// - Throws: `Refusal.notFound` for anything else.
    func file(in digest: DigestFolder, _ segments: [Substring], extensions: Set<String>) throws -> (path: String, relative: String) {
        let names = segments.map(Self.name)
        guard !names.isEmpty, !names.contains(nil) else { throw Refusal.notFound }
        let relative = names.compactMap { $0 }.joined(separator: "/")
        let file = digest.path + "/" + relative
        guard extensions.contains(URL(fileURLWithPath: relative).pathExtension.lowercased()),
              boundary.kind(of: file) == .file else { throw Refusal.notFound }
        return (file, relative)
    }

    /// The digest folders directly under the root, by name.
    func digests() -> [DigestFolder] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().compactMap { try? digest(Substring($0)) }
    }

    private func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A digest folder under the root: its name in addresses and its path on disk.
struct DigestFolder: Sendable, Hashable {
    /// The folder's name, which is its segment in addresses: `2024-06`.
    var name: String
    /// Absolute, under the root's real path.
    var path: String

    /// Where the server keeps what it makes for this digest: built PDFs, previews, history.
    /// Hidden, so `build --watch`, the reader and the server's own routes never see it.
    var workFolder: String { path + "/.gazette" }
    var outputFolder: String { workFolder + "/output" }
    var historyFolder: String { workFolder + "/history" }
    var previewFolder: String { workFolder + "/previews" }

    /// The path of `file` inside this folder, for showing and linking, when it is inside.
    func relative(_ file: String) -> String? {
        file.hasPrefix(path + "/") ? String(file.dropFirst(path.count + 1)) : nil
    }
}

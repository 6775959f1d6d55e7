import Diagnostics
import Foundation

/// A diagnostic's place as an editor sees it: the file relative to the root (never the
/// server's own path), and the edit page that opens the file at that line.
struct Places {
    var root: RootFolder
    var folder: DigestFolder

    /// `2024-06/articles/a.md:12:5`.
    func text(_ location: SourceLocation) -> String {
        let file = location.file.hasPrefix(root.path + "/") ? String(location.file.dropFirst(root.path.count + 1))
            : URL(fileURLWithPath: location.file).lastPathComponent
        return location.isWholeFile ? file : "\(file):\(location.line):\(location.column)"
    }

    /// The edit page of the file at `location`, at its line, when the file is one of the
    /// digest's own text files.
    func editAddress(_ location: SourceLocation) -> String? {
        guard let relative = folder.relative(location.file),
              Edit.extensions.contains(URL(fileURLWithPath: relative).pathExtension.lowercased()) else { return nil }
        let segments = ["d", folder.name, "edit"] + relative.split(separator: "/").map(String.init)
        return Address.path(segments, query: location.isWholeFile ? [] : [("line", String(location.line))])
    }
}

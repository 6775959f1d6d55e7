import DigestModel
import Diagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the file an article's image refers to and checks that it is a usable picture.
///
/// A path is looked up relative to the article's file first, then relative to the digest
/// folder (see the corpus README: `images/x.png` in `articles/a.md` means the digest's
/// `images/`). Either way the file must stay inside the digest folder: no absolute paths, no
/// `..` above the folder, no symbolic link out of it. Only the header is read, and pictures
/// of absurd size are refused before any later stage tries to decode them.
struct ImageResolver: Sendable {
    /// The digest folder as given (diagnostics and `Figure.path` start with it).
    var folder: String
    /// The article's folder relative to the digest folder, as path components (`["articles"]`).
    var articleDirectory: [String]

    /// The largest side in pixels.
    static let maximumSide = 20_000
    /// The largest area in pixels (40 megapixels).
    static let maximumPixels = 40_000_000

    struct Image: Sendable {
        var path: String
        var format: Figure.Format
        var width: Int
        var height: Int
    }

    enum Resolution: Sendable {
        case found(Image)
        case failed(Diagnostic)
    }

    func resolve(_ source: String, at place: SourceLocation) -> Resolution {
        let written = source
        guard !written.isEmpty else {
            return .failed(.error("image has no path", at: place,
                                  hint: "write '![caption](images/name.png)'"))
        }
        if written.contains("://") || written.hasPrefix("data:") || written.hasPrefix("//") {
            return .failed(.error(
                "image '\(written)' is not a file in the digest folder", at: place,
                hint: "save the picture in the digest's 'images' folder and write 'images/name.png'"))
        }
        let path = written.removingPercentEncoding ?? written
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return .failed(.error(
                "image path '\(written)' is absolute", at: place,
                hint: "use a path inside the digest folder, such as 'images/name.png'"))
        }

        let candidates = [normalise(articleDirectory + components(path)), normalise(components(path))]
        let inside = candidates.compactMap { $0 }
        guard !inside.isEmpty else {
            return .failed(.error(
                "image path '\(written)' leaves the digest folder", at: place,
                hint: "keep pictures inside '\(folder)', for example in its 'images' folder"))
        }
        var looked: [String] = []
        for relative in inside {
            let full = folder + "/" + relative.joined(separator: "/")
            if looked.contains(full) { continue }
            looked.append(full)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
                continue
            }
            guard !isDirectory.boolValue else {
                return .failed(.error("image '\(written)' is a folder, not a picture", at: place,
                                      hint: "name a PNG or JPEG file"))
            }
            guard staysInside(full) else {
                return .failed(.error(
                    "image '\(written)' is a symbolic link to a file outside the digest folder",
                    at: place, hint: "copy the picture into the digest folder"))
            }
            return check(full, written: written, at: place)
        }
        return .failed(.error(
            "image '\(written)' not found", at: place,
            hint: "looked for \(Suggestion.list(looked, conjunction: "and"))"))
    }

    /// Reads the header, applies the size limits, then checks that the file is whole.
    private func check(_ full: String, written: String, at place: SourceLocation) -> Resolution {
        // Only a regular file: opening a named pipe would wait for a writer forever, and a
        // device could be read without end.
        var status = stat()
        guard stat(full, &status) == 0 else {
            return .failed(.error("cannot read image '\(written)'", at: place,
                                  hint: "check that the file is readable"))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failed(.error("image '\(written)' is not a regular file", at: place,
                                  hint: "save the picture as an ordinary PNG or JPEG file"))
        }
        let fileSize = Int(status.st_size)
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: full))
        } catch {
            return .failed(.error("cannot read image '\(written)'", at: place,
                                  hint: "check that the file is readable"))
        }
        defer { try? handle.close() }
        let read = { (offset: Int, count: Int) -> [UInt8] in
            do {
                try handle.seek(toOffset: UInt64(offset))
                return Array(try handle.read(upToCount: count) ?? Data())
            } catch {
                return []
            }
        }
        switch ImageHeader.read(read) {
        case .failure(.unknownFormat):
            return .failed(.error("image '\(written)' is not a PNG or JPEG file", at: place,
                                  hint: "convert it to PNG or JPEG"))
        case .failure(.damaged(let format)):
            return .failed(.error(
                "image '\(written)' is a damaged \(format == .png ? "PNG" : "JPEG") file", at: place,
                hint: "export the picture again"))
        case .success(let size):
            if size.width > Self.maximumSide || size.height > Self.maximumSide
                || size.width * size.height > Self.maximumPixels
            {
                return .failed(.error(
                    "image '\(written)' is too large (\(size.width)×\(size.height) pixels)", at: place,
                    hint: "scale it down to at most \(Self.maximumSide) pixels a side and 40 megapixels"))
            }
            if let problem = ImageIntegrity.problem(size.format, size: fileSize, read: read) {
                return .failed(.error(
                    "image '\(written)' is a damaged \(size.format == .png ? "PNG" : "JPEG") file: \(problem)",
                    at: place, hint: "export or copy the picture again"))
            }
            return .found(Image(path: full, format: size.format, width: size.width, height: size.height))
        }
    }

    private func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// Resolves `.` and `..`; nil when `..` climbs above the digest folder.
    private func normalise(_ components: [String]) -> [String]? {
        var result: [String] = []
        for component in components {
            switch component {
            case ".": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(component)
            }
        }
        return result.isEmpty ? nil : result
    }

    /// Whether the file, with every symbolic link resolved, is inside the digest folder.
    private func staysInside(_ path: String) -> Bool {
        FolderBoundary(folder: folder).contains(path)
    }
}

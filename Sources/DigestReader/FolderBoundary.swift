import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The digest folder as a boundary: Gazette reads no file outside it, whatever symbolic
/// links inside it point to, and reads only regular files (a named pipe would block the
/// build forever, a device would never end). `package` so that `gazette serve` holds every
/// path from a request to the same rule.
package struct FolderBoundary: Sendable {
    /// What a path inside the folder turns out to be.
    package enum Kind: Equatable, Sendable {
        /// A regular file whose real path is inside the folder.
        case file
        /// Anything else inside the folder: a named pipe, a socket, a device.
        case special
        /// A symbolic link (possibly through a linked folder) to something outside.
        case outside
        /// Nothing there, or a link to nothing.
        case missing
    }

    /// The folder's real path; nil when it cannot be resolved.
    private let root: String?

    package init(folder: String) {
        root = Self.realPath(folder)
    }

    /// Classifies `path`, a path inside the folder as written (links not yet resolved).
    package func kind(of path: String) -> Kind {
        guard let root, let target = Self.realPath(path) else { return .missing }
        guard target == root || target.hasPrefix(root == "/" ? "/" : root + "/") else { return .outside }
        var status = stat()
        guard stat(target, &status) == 0 else { return .missing }
        return status.st_mode & S_IFMT == S_IFREG ? .file : .special
    }

    /// Whether `path`, with every symbolic link resolved, is inside the folder.
    package func contains(_ path: String) -> Bool {
        guard let root, let target = Self.realPath(path) else { return false }
        return target.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

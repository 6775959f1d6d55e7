import Foundation

/// Writes a file so that it is either complete or not there: the content goes to a
/// temporary file in the same folder, which replaces the target only when writing succeeded.
/// An existing file is never left half-written.
enum AtomicFile {
    static func write(to path: String, _ produce: (String) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        try makeFolder(folder.path)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        pending.insert(temporary.path)
        defer { pending.remove(temporary.path) }
        do {
            try produce(temporary.path)
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes the bytes `produce` returns to `path` the same way.
    static func write(to path: String, _ produce: () throws -> Data) throws {
        try write(to: path) { temporary in
            let data = try produce()
            guard let file = fopen(temporary, "wb") else { throw WriteFailure.now }
            let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            let failure = written == data.count ? nil : WriteFailure.now
            if fclose(file) != 0 { throw WriteFailure.now }
            if let failure { throw failure }
        }
    }

    /// Makes `path` and the folders above it, unless it is already a folder.
    private static func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw WriteFailure(description: "'\(path)' is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteFailure(description: "cannot make the folder '\(path)'")
        }
    }

    /// What the system said when writing failed ("No space left on device").
    struct WriteFailure: Error, CustomStringConvertible {
        var description: String
        static var now: WriteFailure { WriteFailure(description: String(cString: strerror(errno))) }
    }

    /// Whether `name` is one of the temporary files `write` makes (`.june.pdf.1234.tmp`).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    /// Temporary files being written right now, so that stopping `build --watch` with
    /// Ctrl-C in the middle of a write can remove them (see `removePending`).
    static let pending = PendingFiles()

    /// Removes every temporary file still being written; called on the way out of a signal.
    static func removePending() {
        for path in pending.paths() { unlink(path) }
    }
}

/// A set of paths shared between the thread that writes and the one that handles signals.
final class PendingFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = set.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = set.remove(path) } }
    func paths() -> [String] { lock.withLock { Array(set) } }
}

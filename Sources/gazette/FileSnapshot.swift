import Foundation

/// Where `build --watch` looks for changes.
enum WatchedPlace: Hashable {
    /// Every file under a folder, at any depth: the digest folder.
    case tree(String)
    /// The files directly in a folder whose extension is in the set: a layout's folder, where
    /// the layouts it extends and the pictures it names live.
    case folder(String, extensions: Set<String>)
}

/// The watched files at one moment, each with what a save changes: modification time (to the
/// nanosecond), size and inode (an editor that saves by renaming a new file over the old
/// one changes the inode even within one timestamp tick).
///
/// Polling, not inotify: it needs no dependency, works on every file system (network and
/// container mounts included) and costs a `stat` per file per poll, nothing for a digest.
struct FileSnapshot: Equatable {
    /// What a save changes about a file.
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    /// A change between two snapshots.
    struct Change: Equatable {
        enum Kind: String { case added, modified, removed }
        var path: String
        var kind: Kind
    }

    /// By absolute path.
    var stamps: [String: Stamp] = [:]

    /// More files than this under one folder means the wrong folder was given: stop there.
    static let fileLimit = 20_000

    /// Stamps every file in `places` for which `ignored` is false. Hidden files and folders
    /// (`.git`, `.article.md.swp`), backups (`article.md~`) and vim's probe file `4913` are
    /// never watched: editors write them on every save.
    static func take(_ places: [WatchedPlace], ignored: (String) -> Bool = { _ in false }) -> FileSnapshot {
        var snapshot = FileSnapshot()
        for place in places {
            switch place {
            case .tree(let folder):
                snapshot.addTree(absolute(folder), depth: 0, ignored: ignored)
            case .folder(let folder, let extensions):
                let folder = absolute(folder)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                where !isEditorScratch(name) && extensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased()) {
                    snapshot.add(folder + "/" + name, ignored: ignored)
                }
            }
        }
        return snapshot
    }

    /// What was added, modified or removed since `old`, sorted by path.
    func changes(since old: FileSnapshot) -> [Change] {
        var changes: [Change] = []
        for (path, stamp) in stamps {
            if let before = old.stamps[path] {
                if before != stamp { changes.append(Change(path: path, kind: .modified)) }
            } else {
                changes.append(Change(path: path, kind: .added))
            }
        }
        for path in old.stamps.keys where stamps[path] == nil {
            changes.append(Change(path: path, kind: .removed))
        }
        return changes.sorted { $0.path < $1.path }
    }

    /// Files an editor writes beside the ones it edits, and folders nobody edits by hand.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" || name.hasSuffix(".swp")
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private mutating func addTree(_ folder: String, depth: Int, ignored: (String) -> Bool) {
        guard depth < 8, stamps.count < Self.fileLimit,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !Self.isEditorScratch(name) {
            let path = folder + "/" + name
            var info = stat()
            // lstat: a symbolic link to a folder is not followed, so a link cannot make a loop.
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                addTree(path, depth: depth + 1, ignored: ignored)
            } else {
                add(path, ignored: ignored)
            }
        }
    }

    private mutating func add(_ path: String, ignored: (String) -> Bool) {
        guard !ignored(path), stamps.count < Self.fileLimit else { return }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        stamps[path] = Stamp(seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                             size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}

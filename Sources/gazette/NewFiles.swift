import Foundation

/// Creates files that must not exist yet, all or none: `gazette new` never overwrites a
/// file of the user's, even one that appears between the check and the write.
///
/// Each file is written to a temporary name in its folder and then hard-linked to its real
/// name: `link(2)` fails when the name exists, so there is no window in which an existing
/// file could be replaced. If one file cannot be created, those created before it are
/// removed again.
struct NewFiles {
    /// What to write, by path.
    private var files: [(path: String, write: (String) throws -> Void)] = []

    mutating func add(_ path: String, text: String) {
        files.append((path, { try Data(text.utf8).write(to: URL(fileURLWithPath: $0)) }))
    }

    mutating func add(_ path: String, write: @escaping (String) throws -> Void) {
        files.append((path, write))
    }

    /// The paths that exist already; creating is refused when there is any.
    var existing: [String] { files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) } }

    /// Creates every file, with its folders.
    /// - Throws: `Refusal` naming a file that exists, or the writing error; nothing is left
    ///   behind either way, except folders created on the way.
    func create() throws {
        var created: [String] = []
        do {
            for file in files {
                let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let name = URL(fileURLWithPath: file.path).lastPathComponent
                let temporary = folder.appendingPathComponent(".\(name).\(getpid()).new.tmp").path
                defer { unlink(temporary) }
                try file.write(temporary)
                if link(temporary, file.path) != 0 {
                    if errno == EEXIST { throw Refusal(path: file.path) }
                    throw InternalError("could not create '\(file.path)': \(String(cString: strerror(errno)))")
                }
                created.append(file.path)
            }
        } catch {
            for path in created { unlink(path) }
            throw error
        }
    }

    /// A file that exists already.
    struct Refusal: Error {
        var path: String
    }
}

import Foundation

/// The bytes of a file; nil when it cannot be opened or read.
///
/// Read through `FileHandle` rather than `FileManager.contents(atPath:)`, which in
/// swift-foundation 6.3 leaks its 4 KiB buffer whenever the file is empty (an empty
/// article is a user mistake the reader must simply report).
func fileBytes(atPath path: String) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    do {
        return try handle.readToEnd().map { Array($0) } ?? []
    } catch {
        return nil
    }
}

import Foundation

/// True when `path` names a regular file this process may read.
func isReadableFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        && !isDirectory.boolValue && FileManager.default.isReadableFile(atPath: path)
}

/// The bytes of the file at `path`.
func readBytes(of path: String) throws -> [UInt8] {
    guard isReadableFile(path), let data = FileManager.default.contents(atPath: path) else {
        throw RenderError.unreadableFile(path: path, reason: "file not found or not readable")
    }
    return [UInt8](data)
}

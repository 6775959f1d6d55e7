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

/// Writes `bytes` to `path`, replacing any file there.
/// - Throws: `RenderError.unwritableFile` with the system's reason.
func writeBytes(_ bytes: PDFBytes, to path: String) throws {
    try bytes.withUnsafeBytes { buffer in
        guard let file = fopen(path, "wb") else {
            throw RenderError.unwritableFile(path: path, reason: String(cString: strerror(errno)))
        }
        let written = fwrite(buffer.baseAddress, 1, buffer.count, file)
        let failure = written == buffer.count ? nil : String(cString: strerror(errno))
        if fclose(file) != 0 || failure != nil {
            throw RenderError.unwritableFile(path: path, reason: failure ?? String(cString: strerror(errno)))
        }
    }
}

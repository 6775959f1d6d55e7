import Foundation

/// The format and pixel size of an image file, read from its header without decoding it:
/// for callers outside the reader that place images (a layout's logo).
public enum ImageProbe {
    /// Nil when the file cannot be read or is not a PNG or JPEG image.
    public static func probe(path: String) -> (isJPEG: Bool, width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = ImageHeader.read { offset, count in
            do {
                try handle.seek(toOffset: UInt64(offset))
                return Array(try handle.read(upToCount: count) ?? Data())
            } catch {
                return []
            }
        }
        guard case .success(let image) = header else { return nil }
        return (image.format == .jpeg, image.width, image.height)
    }

    /// Why `gazette check` would refuse the file as a picture ("not a PNG or JPEG file", "a
    /// damaged PNG file: …"), or nil when it is a sound PNG or JPEG: for `gazette import`,
    /// which copies pictures into a digest and must not copy one the build would refuse.
    public static func problem(path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return "it cannot be read" }
        let bytes = [UInt8](data)
        let read = { (offset: Int, count: Int) -> [UInt8] in
            guard offset >= 0, offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        }
        switch ImageHeader.read(read) {
        case .failure(.unknownFormat): return "it is not a PNG or JPEG file"
        case .failure(.damaged(let format)): return "it is a damaged \(format == .png ? "PNG" : "JPEG") file"
        case .success(let image):
            if let problem = ImageIntegrity.problem(image.format, size: bytes.count, read: read) {
                return "it is a damaged \(image.format == .png ? "PNG" : "JPEG") file: \(problem)"
            }
            return nil
        }
    }
}

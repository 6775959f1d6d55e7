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
}

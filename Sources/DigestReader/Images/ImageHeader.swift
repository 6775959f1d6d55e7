import DigestModel

/// The format and pixel size of a PNG or JPEG, read from its first bytes without decoding.
struct ImageHeader: Equatable, Sendable {
    var format: Figure.Format
    var width: Int
    var height: Int

    enum Failure: Error, Equatable {
        /// Neither PNG nor JPEG.
        case unknownFormat
        /// The right signature, but no size where one should be.
        case damaged(Figure.Format)
    }

    /// Reads the header through `read(offset, count)`, which returns up to `count` bytes at
    /// `offset` (fewer at the end of the file).
    ///
    /// PNG: the size is in the IHDR chunk right after the signature. JPEG: the size is in the
    /// first start-of-frame marker (SOF0…SOF15 but DHT, JPG and DAC), found by walking the
    /// marker segments from the start.
    static func read(_ read: (_ offset: Int, _ count: Int) -> [UInt8]) -> Result<ImageHeader, Failure> {
        let start = read(0, 24)
        if start.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard start.count >= 24, Array(start[12..<16]) == Array("IHDR".utf8) else {
                return .failure(.damaged(.png))
            }
            let width = bigEndian(start[16..<20]), height = bigEndian(start[20..<24])
            guard width > 0, height > 0 else { return .failure(.damaged(.png)) }
            return .success(ImageHeader(format: .png, width: width, height: height))
        }
        if start.starts(with: [0xFF, 0xD8, 0xFF]) {
            return jpeg(read).map { .success($0) } ?? .failure(.damaged(.jpeg))
        }
        return .failure(.unknownFormat)
    }

    private static func jpeg(_ read: (Int, Int) -> [UInt8]) -> ImageHeader? {
        var offset = 2
        // A real file reaches its frame header within a few dozen segments.
        for _ in 0..<10_000 {
            let marker = read(offset, 4)
            guard marker.count >= 2, marker[0] == 0xFF else { return nil }
            switch marker[1] {
            case 0xFF:  // fill byte
                offset += 1
                continue
            case 0x01, 0xD0...0xD7:  // markers without a length
                offset += 2
                continue
            case 0xD8, 0xD9, 0xDA:  // another start, the end, or a scan before any frame
                return nil
            default:
                break
            }
            guard marker.count == 4 else { return nil }
            let length = bigEndian(marker[2..<4])
            guard length >= 2 else { return nil }
            switch marker[1] {
            case 0xC0...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                let frame = read(offset + 4, 5)
                guard frame.count == 5 else { return nil }
                let height = bigEndian(frame[1..<3]), width = bigEndian(frame[3..<5])
                guard width > 0, height > 0 else { return nil }
                return ImageHeader(format: .jpeg, width: width, height: height)
            default:
                offset += 2 + length
            }
        }
        return nil
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}

import DigestModel

/// Checks that a PNG or JPEG file is whole, without decoding its pixels.
///
/// `ImageHeader` reads only the size. A file cut short by an interrupted copy, or a PNG with
/// a corrupted chunk, has a sound header, and Cairo would only fail on it while writing the
/// PDF, after layout, with no article and line to blame (a truncated JPEG it would even
/// embed, and the reader would show a broken picture). This walks the file's structure so
/// such a picture is reported where the article names it.
enum ImageIntegrity {
    /// What is wrong with the file, or nil when its structure is sound.
    ///
    /// - Parameters:
    ///   - format: the format `ImageHeader` found.
    ///   - size: the file's length in bytes.
    ///   - read: returns up to `count` bytes at `offset`.
    static func problem(_ format: Figure.Format, size: Int, read: (_ offset: Int, _ count: Int) -> [UInt8]) -> String? {
        switch format {
        case .png: png(size: size, read: read)
        case .jpeg: jpeg(size: size, read: read)
        }
    }

    // MARK: PNG

    /// PNG: the signature, then chunks (length, type, data, CRC) from IHDR to IEND. Every
    /// chunk must fit in the file; the critical chunks' CRCs must match (libpng refuses the
    /// file otherwise); IHDR's fields must be a combination libpng accepts.
    private static func png(size: Int, read: (Int, Int) -> [UInt8]) -> String? {
        var offset = 8
        var sawHeader = false, sawData = false, sawPalette = false
        var colourType: UInt8 = 0
        while true {
            let head = read(offset, 8)
            guard head.count == 8 else { return "the file ends before its last chunk (IEND); it was cut short" }
            let length = Int(bigEndian(head[0..<4]))
            let type = Array(head[4..<8])
            let name = String(decoding: type, as: UTF8.self)
            guard length <= 0x7FFF_FFFF, type.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
            else { return "chunk at byte \(offset) is damaged" }
            guard offset + 12 + length <= size else {
                return "chunk '\(name)' runs past the end of the file; it was cut short"
            }
            let critical = type[0] & 0x20 == 0
            if critical {
                let data = read(offset + 8, length)
                let stored = read(offset + 8 + length, 4)
                guard data.count == length, stored.count == 4,
                      CRC32.checksum(type + data) == bigEndian(stored[0..<4])
                else { return "chunk '\(name)' is corrupt (its checksum does not match)" }
                if !sawHeader {
                    guard name == "IHDR", length == 13 else { return "it does not start with an IHDR chunk" }
                    if let problem = header(data) { return problem }
                    colourType = data[9]
                    sawHeader = true
                } else {
                    switch name {
                    case "IHDR": return "it has two IHDR chunks"
                    case "PLTE":
                        guard length % 3 == 0, length > 0, length <= 768 else { return "its palette is damaged" }
                        sawPalette = true
                    case "IDAT": sawData = true
                    case "IEND":
                        guard sawData else { return "it has no image data (IDAT)" }
                        guard colourType != 3 || sawPalette else { return "it has no palette (PLTE)" }
                        return nil
                    default: return "it has an unknown critical chunk '\(name)'"
                    }
                }
            } else if !sawHeader {
                return "it does not start with an IHDR chunk"
            }
            offset += 12 + length
        }
    }

    /// IHDR's bit depth, colour type, compression, filter and interlace method.
    private static func header(_ data: [UInt8]) -> String? {
        let depth = data[8], colour = data[9]
        let depths: [UInt8: [UInt8]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard let allowed = depths[colour], allowed.contains(depth) else {
            return "its header has an invalid colour type \(colour) with bit depth \(depth)"
        }
        guard data[10] == 0, data[11] == 0, data[12] <= 1 else { return "its header has an unknown compression, filter or interlace method" }
        return nil
    }

    // MARK: JPEG

    /// JPEG: marker segments up to the first start of scan, then entropy-coded data, which
    /// must end with an end-of-image marker. Inside that data `FF` is always followed by
    /// `00` or a restart marker, so the first `FF D9` after the scan starts is its end.
    private static func jpeg(size: Int, read: (Int, Int) -> [UInt8]) -> String? {
        var offset = 2
        var scanStart: Int?
        for _ in 0..<10_000 {
            let marker = read(offset, 4)
            guard marker.count >= 2, marker[0] == 0xFF else { return "a marker at byte \(offset) is damaged" }
            switch marker[1] {
            case 0xFF: offset += 1; continue
            case 0x01, 0xD0...0xD7: offset += 2; continue
            case 0xD9: return "it ends before its image data"
            default: break
            }
            guard marker.count == 4 else { return "the file ends inside a marker; it was cut short" }
            let length = Int(bigEndian(marker[2..<4]))
            guard length >= 2, offset + 2 + length <= size else {
                return "a segment runs past the end of the file; it was cut short"
            }
            offset += 2 + length
            if marker[1] == 0xDA { scanStart = offset; break }
        }
        guard var position = scanStart else { return "it has no image data" }
        // Scan for FF D9 in blocks.
        let block = 65_536
        var previous: UInt8 = 0
        while position < size {
            let bytes = read(position, block)
            if bytes.isEmpty { break }
            for byte in bytes {
                if previous == 0xFF && byte == 0xD9 { return nil }
                previous = byte
            }
            position += bytes.count
        }
        return "it has no end-of-image marker; it was cut short"
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320, as in zlib).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBufferPointer { buffer in
            table.withUnsafeBufferPointer { table in
                for byte in buffer { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

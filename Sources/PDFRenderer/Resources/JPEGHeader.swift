/// The frame header of a JPEG file: its pixel size, read without decoding the image.
///
/// Cairo embeds JPEG bytes in a PDF unchanged but needs an image surface of the right pixel size
/// to place them; when cairo cannot parse the bytes it silently draws that surface's blank
/// pixels instead, so the file is checked here first.
package struct JPEGHeader: Equatable, Sendable {
    package var width: Int
    package var height: Int
    package var components: Int

    /// Reads the first start-of-frame segment; nil when `bytes` are not a JPEG with one.
    package init?(_ bytes: [UInt8]) {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 3 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }  // fill byte before a marker
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }  // no length
            if marker == 0xDA || marker == 0xD9 { return nil }  // scan data or end before a frame
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if Self.isStartOfFrame(marker) {
                guard length >= 8, index + 9 < bytes.count else { return nil }
                height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                components = Int(bytes[index + 9])
                guard width > 0, height > 0, [1, 3, 4].contains(components) else { return nil }
                return
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    /// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
    }
}

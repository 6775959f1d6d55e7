internal import CQRencode

/// A QR code as a square of dark and light modules, encoded by libqrencode.
///
/// Plain data, so layout can draw it with boxes and tests can compare it; the C object lives
/// only inside `init`. Error correction is level M (15 % of the symbol may be lost), the usual
/// choice for print, and the text is encoded as UTF-8 bytes, so any URL survives as written.
public struct QRCode: Sendable, Equatable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row by row from the top left: true for a dark module.
    public let modules: [Bool]

    /// The smallest QR code that holds `text`; nil when `text` is empty or longer than the
    /// largest symbol (version 40) can carry at level M, about 2300 bytes.
    public init?(encoding text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        guard let code = QRcode_encodeData(Int32(bytes.count), bytes, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        size = width
        // Bit 0 of each byte is the module's colour; the other bits say what part of the symbol it is.
        modules = (0..<width * width).map { data[$0] & 1 == 1 }
    }

    /// Whether the module at `row`, `column` (from 0 at the top left) is dark.
    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// A rectangle of dark modules, in module units from the symbol's top left corner.
    public struct Rectangle: Sendable, Equatable {
        public var column: Int, row: Int, width: Int, height: Int
    }

    /// The dark modules as few rectangles: runs along each row, and a run repeated on the rows
    /// below it merged into one taller rectangle.
    ///
    /// Fewer shapes make a smaller PDF, and a merged rectangle has no seam inside it where a
    /// viewer's antialiasing could show a hairline between two modules.
    public var darkRectangles: [Rectangle] {
        var open: [Int: Rectangle] = [:]  // by start column: rectangles that reach the row above
        var result: [Rectangle] = []
        for row in 0..<size {
            var runs: [(start: Int, width: Int)] = []
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < size, isDark(row: row, column: column) { column += 1 }
                runs.append((start, column - start))
            }
            var next: [Int: Rectangle] = [:]
            for run in runs {
                if var rectangle = open[run.start], rectangle.width == run.width {
                    rectangle.height += 1
                    next[run.start] = rectangle
                    open[run.start] = nil
                } else {
                    next[run.start] = Rectangle(column: run.start, row: row, width: run.width, height: 1)
                }
            }
            result += open.values
            open = next
        }
        result += open.values
        return result.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}

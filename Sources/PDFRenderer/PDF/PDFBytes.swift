import Foundation

/// A PDF in memory, as cairo wrote it.
///
/// The bytes grow with `realloc`, which moves a large block by remapping its pages rather
/// than copying them, so a file of tens of megabytes is never held twice while it grows.
public final class PDFBytes: @unchecked Sendable {
    private var base: UnsafeMutableRawPointer?
    /// The number of bytes written.
    public private(set) var count = 0
    private var capacity = 0

    init() {}

    deinit { free(base) }

    func append(_ bytes: UnsafeRawPointer, count length: Int) {
        if count + length > capacity {
            capacity = max(count + length, capacity * 2, 1 << 16)
            guard let grown = realloc(base, capacity) else { fatalError("out of memory for a PDF of \(capacity) bytes") }
            base = grown
        }
        (base! + count).copyMemory(from: bytes, byteCount: length)
        count += length
    }

    /// Calls `body` with the bytes; they are valid only during the call.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}

internal import CQPDF
import Foundation
import Geometry

/// Edits a PDF that cairo has finished, for what cairo 1.16 cannot write itself.
///
/// The file is read and rewritten by qpdf, a real PDF library, never by editing bytes. The
/// rewrite is deterministic (qpdf derives the file identifier from the content), so the same
/// input still gives the same output.
public struct PDFFinishing: Sendable {
    /// Trim and bleed boxes of one page, in PDF points from the page's lower-left corner.
    public struct PageBoxes: Hashable, Sendable {
        public var trim: Rect?
        public var bleed: Rect?
        public init(trim: Rect? = nil, bleed: Rect? = nil) { self.trim = trim; self.bleed = bleed }
    }

    /// The document's natural language (`/Lang` in the catalog), such as `en` or `hi`.
    public var language: String?
    /// Boxes by page index (0 = first page); pages not listed keep only their MediaBox.
    public var pageBoxes: [Int: PageBoxes]
    /// One entry per element of the file's structure tree, in depth-first order (see
    /// `StructureFix`); empty to leave the tree as it is.
    public var structure: [StructureFix]
    /// The PDF/UA-1 identification to add (see `Identification`); nil for none.
    public var identification: Identification?
    /// Furniture to place on the pages as artifacts (see `Furniture`); nil for none.
    public var furniture: Furniture?
    /// Furniture still to be drawn, in place of `furniture`: `apply` draws it on a thread of
    /// its own while qpdf reads the file and walks its structure tree, which costs qpdf's
    /// pass nothing it did not already spend (cairo and qpdf share nothing); nil for none.
    public var drawFurniture: (@Sendable () throws -> Furniture?)?
    /// False to draw the furniture first, on the calling thread (`GAZETTE_THREADS=1`); the
    /// output is the same.
    public var drawsFurnitureAlongside = true
    /// When qpdf's copy of the file is freed (see `MemoryRelease`).
    public var memoryRelease = MemoryRelease.now

    /// When qpdf's copy of the file is freed after `apply`.
    public enum MemoryRelease: Sendable {
        /// Before `apply` returns.
        case now
        /// At the next deferred pass or when the process ends, whichever comes first. qpdf
        /// frees a tagged file object by object: 0.55 s of a 400-article build, spent for
        /// nothing when the process is about to exit anyway. At most one file is kept.
        case deferred
    }

    /// The version of the qpdf library linked: Debian's, or the project's qpdf 12 (Makefile).
    public static var libraryVersion: String { String(cString: qpdf_get_qpdf_version()) }

    public init(language: String? = nil, pageBoxes: [Int: PageBoxes] = [:], structure: [StructureFix] = []) {
        self.language = language
        self.pageBoxes = pageBoxes
        self.structure = structure
    }

    /// True when there is nothing to change, so the file can be left as cairo wrote it.
    public var isEmpty: Bool {
        language == nil && pageBoxes.isEmpty && structure.isEmpty && identification == nil && furniture == nil
            && drawFurniture == nil
    }

    /// The PDF `bytes` with these changes; `name` names the file in errors.
    ///
    /// qpdf works on the bytes in memory: reading a file, it seeks and reads object by object
    /// through stdio, which took a third of the pass on a large tagged file.
    /// - Throws: `FinishingError` when qpdf cannot read or write the PDF.
    public func apply(to bytes: UnsafeRawBufferPointer, name: String) throws -> Data {
        if isEmpty { return Data(bytes) }
        var finished = Data()
        try apply(to: bytes, name: name) { finished = try $0.written() }
        return finished
    }

    /// Writes the PDF `bytes` with these changes to a new file at `path`, replacing any file
    /// there; `name` names the file in errors.
    ///
    /// qpdf writes the file itself: holding the finished file in memory as well (qpdf's
    /// buffer and a copy of it) would add twice its size to the build's peak, 13 MB at 400
    /// articles.
    /// - Throws: `FinishingError` when qpdf cannot read the PDF or write the file.
    public func apply(to bytes: UnsafeRawBufferPointer, name: String, writingTo path: String) throws {
        if isEmpty {
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw FinishingError(path: path, message: "cannot write the file")
            }
            return
        }
        try apply(to: bytes, name: name) { try $0.write(toFile: path) }
    }

    private func apply(to bytes: UnsafeRawBufferPointer, name: String, write: (QPDFDocument) throws -> Void) throws {
        // qpdf is about to allocate about ten times the file's size. Memory the caller freed
        // before calling (a laid-out document's pages) stays mapped in the allocator's heap
        // unless handed back, and would add to that peak: 40 MB at 400 articles.
        malloc_trim(0)
        let drawing = drawFurniture.map { Background($0, alongside: drawsFurnitureAlongside) }
        // Never return with the drawing still running: the caller may draw with cairo next.
        defer { drawing?.wait() }
        let document = try QPDFDocument(reading: bytes, name: name)
        if let language { document.setCatalogValue(key: "/Lang", toString: language) }
        if !structure.isEmpty {
            try document.finishStructure(structure)
            // The walk leaves a handle in the C API's map for every object it looked at
            // (400,000 at 400 articles, 12 MB): let them go before the furniture's document
            // is read, or they add to its peak.
            document.releaseHandles()
        }
        for (index, boxes) in pageBoxes.sorted(by: { $0.key < $1.key }) {
            if let trim = boxes.trim { try document.setBox("/TrimBox", to: trim, onPage: index) }
            if let bleed = boxes.bleed { try document.setBox("/BleedBox", to: bleed, onPage: index) }
        }
        let furniture = try drawing?.result() ?? self.furniture
        // What the drawing freed stays in its thread's malloc arena unless handed back, and
        // the write is the pass's peak: 4 MB at 400 articles (248,600 → 244,600 KiB).
        if drawing != nil { malloc_trim(0) }
        // qpdf reads the furniture's bytes lazily, up to the end of the write.
        try (furniture?.pdf ?? Data()).withUnsafeBytes { furnitureBytes in
            if identification != nil { document.declareGlyphMaps() }
            if let furniture {
                let source = try QPDFDocument(reading: furnitureBytes, name: name + " (furniture)")
                if identification != nil { source.declareGlyphMaps() }
                try document.placeFurniture(furniture.layers, from: source)
                // Copied streams read their data from the source when the document is written.
                document.sources.append(source)
            }
            if let identification { document.identify(identification, language: language) }
            try write(document)
            // After writing, qpdf never reads `bytes` again: freeing the document later is safe.
            if memoryRelease == .deferred { QPDFDocument.lastDeferred.keep(document) }
        }
    }

    /// Rewrites the PDF at `path` in place with these changes.
    ///
    /// The new file is written beside the old one and renamed over it, so a failure leaves
    /// the file as it was.
    /// - Throws: `FinishingError` when the file cannot be read or replaced, or qpdf cannot
    ///   read or write it.
    public func apply(toFileAt path: String) throws {
        if isEmpty { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FinishingError(path: path, message: "cannot read the file")
        }
        let finished = try data.withUnsafeBytes { try apply(to: $0, name: path) }
        let temporary = path + ".finishing.tmp"
        do {
            try finished.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw FinishingError(path: path, message: "cannot replace the file: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// Holds one `QPDFDocument` past its pass; keeping another frees the one held.
final class DeferredRelease: @unchecked Sendable {
    private let lock = NSLock()
    private var document: QPDFDocument?

    func keep(_ next: QPDFDocument) {
        let previous = lock.withLock { () -> QPDFDocument? in
            defer { document = next }
            return document
        }
        _ = previous  // freed here, outside the lock
    }
}

/// qpdf could not read, edit or write a PDF.
public struct FinishingError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// One qpdf handle: the only place that sees the C API.
final class QPDFDocument {
    let handle: qpdf_data
    let path: String
    /// Documents objects were copied from, kept as long as this one (freed after it).
    var sources: [QPDFDocument] = []
    /// Reads the PDF in `bytes`, which qpdf reads from lazily without copying: every read and
    /// write of the document must happen while they are valid.
    init(reading bytes: UnsafeRawBufferPointer, name: String) throws {
        path = name
        handle = qpdf_init()
        qpdf_silence_errors(handle)
        qpdf_set_suppress_warnings(handle, QPDF_TRUE)
        let start = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        try check(qpdf_read_memory(handle, name, start, UInt64(bytes.count), nil), action: "read")
    }

    /// The document of the last pass whose memory release was deferred.
    static let lastDeferred = DeferredRelease()

    deinit {
        var h: qpdf_data? = handle
        qpdf_cleanup(&h)
    }

    func setCatalogValue(key: String, toString value: String) {
        let root = qpdf_get_root(handle)
        qpdf_oh_replace_key(handle, root, key, qpdf_oh_new_unicode_string(handle, value))
    }

    func setBox(_ key: String, to rect: Rect, onPage index: Int) throws {
        guard index >= 0, index < Int(qpdf_get_num_pages(handle)) else {
            throw FinishingError(path: path, message: "no page \(index + 1) for \(key)")
        }
        let page = qpdf_get_page_n(handle, Int(index))
        let array = qpdf_oh_new_array(handle)
        for value in [rect.minX, rect.minY, rect.maxX, rect.maxY] {
            qpdf_oh_append_item(handle, array, qpdf_oh_new_real_from_double(handle, value.points, 3))
        }
        qpdf_oh_replace_key(handle, page, key, array)
    }

    /// Releases every object handle taken so far. The C API keeps each until released: a
    /// tagged file of a few hundred pages makes a million of them.
    func releaseHandles() { qpdf_oh_release_all(handle) }

    /// The edited PDF.
    func written() throws -> Data {
        try write { qpdf_init_write_memory(handle) }
        guard let buffer = qpdf_get_buffer(handle) else { return Data() }
        return Data(bytes: buffer, count: qpdf_get_buffer_length(handle))
    }

    /// Writes the edited PDF to a new file at `path`.
    func write(toFile path: String) throws {
        try write { qpdf_init_write(handle, path) }
    }

    /// Writes the edited PDF where `initialize` (one of `qpdf_init_write…`) sends it.
    private func write(initializingWith initialize: () -> QPDF_ERROR_CODE) throws {
        releaseHandles()
        try check(initialize(), action: "write")
        qpdf_set_deterministic_ID(handle, QPDF_TRUE)
        // Cairo's streams are already compressed: copy them as they are rather than
        // decompress and compress every font and image again (a third of the pass).
        qpdf_set_decode_level(handle, qpdf_dl_none)
        // A tagged file holds thousands of small structure objects: packed into compressed
        // object streams they take a tenth of the room.
        qpdf_set_object_stream_mode(handle, qpdf_o_generate)
        try check(qpdf_write(handle), action: "write")
    }

    private func check(_ code: QPDF_ERROR_CODE, action: String) throws {
        if code & QPDF_ERRORS != 0 {
            var message = "qpdf could not \(action) the file"
            if qpdf_has_error(handle) != 0, let error = qpdf_get_error(handle),
               let text = qpdf_get_error_full_text(handle, error) {
                message += ": " + String(cString: text)
            }
            throw FinishingError(path: path, message: message)
        }
    }
}

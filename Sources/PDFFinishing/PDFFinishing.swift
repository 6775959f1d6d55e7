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

    public init(language: String? = nil, pageBoxes: [Int: PageBoxes] = [:], structure: [StructureFix] = []) {
        self.language = language
        self.pageBoxes = pageBoxes
        self.structure = structure
    }

    /// True when there is nothing to change, so the file can be left as cairo wrote it.
    public var isEmpty: Bool { language == nil && pageBoxes.isEmpty && structure.isEmpty }

    /// Rewrites the PDF at `path` in place with these changes.
    ///
    /// The new file is written beside the old one and renamed over it, so a failure leaves
    /// the file cairo wrote.
    /// - Throws: `FinishingError` when qpdf cannot read or write the file.
    public func apply(toFileAt path: String) throws {
        if isEmpty { return }
        let document = try QPDFDocument(reading: path)
        if let language { document.setCatalogValue(key: "/Lang", toString: language) }
        if !structure.isEmpty { try document.finishStructure(structure) }
        for (index, boxes) in pageBoxes.sorted(by: { $0.key < $1.key }) {
            if let trim = boxes.trim { try document.setBox("/TrimBox", to: trim, onPage: index) }
            if let bleed = boxes.bleed { try document.setBox("/BleedBox", to: bleed, onPage: index) }
        }
        let temporary = path + ".finishing.tmp"
        do {
            try document.write(to: temporary)
            guard rename(temporary, path) == 0 else {
                throw FinishingError(path: path, message: "cannot replace the file: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
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

    init(reading path: String) throws {
        self.path = path
        handle = qpdf_init()
        qpdf_silence_errors(handle)
        qpdf_set_suppress_warnings(handle, QPDF_TRUE)
        try check(qpdf_read(handle, path, nil), action: "read")
    }

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

    func write(to output: String) throws {
        // Every object handle taken while editing is kept by the C API until released: a
        // tagged file of a few hundred pages makes a million of them.
        qpdf_oh_release_all(handle)
        try check(qpdf_init_write(handle, output), action: "write")
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

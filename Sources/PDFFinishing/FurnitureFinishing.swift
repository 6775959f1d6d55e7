internal import CQPDF
import Foundation

extension PDFFinishing {
    /// Page furniture drawn into a PDF of its own, to be placed on the pages as artifacts.
    ///
    /// PDF/UA wants every mark on a page to be content of a structure element or an artifact;
    /// cairo 1.16 can write neither an artifact nor marked content outside a structure
    /// element, so the renderer draws running heads, folios, rules and tints apart (see
    /// `FurnitureDrawing` in PDFRenderer) and this pass places each of its pages on the
    /// document's page as a form XObject painted inside an `/Artifact` sequence.
    public struct Furniture: Sendable {
        /// One page of the furniture's PDF: the document page it goes on, beneath the page's
        /// content or above it.
        public struct Layer: Hashable, Sendable {
            public var page: Int
            public var above: Bool
            public init(page: Int, above: Bool) { self.page = page; self.above = above }
        }

        /// The furniture's PDF, whose page `i` is `layers[i]`.
        public var pdf: Data
        public var layers: [Layer]

        public init(pdf: Data, layers: [Layer]) { self.pdf = pdf; self.layers = layers }
    }
}

/// The only content-stream bytes the pass writes: fixed, with no value formatted into them.
///
/// qpdf's C API has no content-stream writer, and none is needed: each page's layers are
/// named by the same two resource names, so three constant streams, shared by every page,
/// paint them. The page's own content is wrapped in `q … Q` when a layer goes above it,
/// because cairo leaves its page-flipping matrix in force at the end of the page.
enum FurnitureContent {
    static let beneathName = "/GzFurnitureBeneath"
    static let aboveName = "/GzFurnitureAbove"
    static let beneath = "/Artifact BMC /GzFurnitureBeneath Do EMC\n"
    static let saveState = "q\n"
    static let above = "Q /Artifact BMC /GzFurnitureAbove Do EMC\n"
}

extension QPDFDocument {
    /// Paints each page of `source` (the furniture's PDF) on the page its layer names.
    func placeFurniture(_ layers: [PDFFinishing.Furniture.Layer], from source: QPDFDocument) throws {
        let count = Int(qpdf_get_num_pages(source.handle))
        guard count == layers.count else {
            throw FinishingError(path: path, message: "the furniture has \(count) pages for \(layers.count) layers")
        }
        let pageCount = Int(qpdf_get_num_pages(handle))
        var byPage: [Int: (beneath: qpdf_oh?, above: qpdf_oh?)] = [:]
        for (index, layer) in layers.enumerated() {
            guard layer.page >= 0, layer.page < pageCount else {
                throw FinishingError(path: path, message: "no page \(layer.page + 1) for its furniture")
            }
            let form = try formXObject(ofPage: index, of: source)
            if layer.above { byPage[layer.page, default: (nil, nil)].above = form }
            else { byPage[layer.page, default: (nil, nil)].beneath = form }
        }
        let beneath = unfilteredStream(Array(FurnitureContent.beneath.utf8))
        let saveState = unfilteredStream(Array(FurnitureContent.saveState.utf8))
        let above = unfilteredStream(Array(FurnitureContent.above.utf8))
        for (pageIndex, forms) in byPage.sorted(by: { $0.key < $1.key }) {
            let page = qpdf_get_page_n(handle, pageIndex)
            var named: [(String, qpdf_oh)] = []
            if let form = forms.beneath { named.append((FurnitureContent.beneathName, form)) }
            if let form = forms.above { named.append((FurnitureContent.aboveName, form)) }
            try addXObjects(named, to: page, number: pageIndex + 1)
            let contents = qpdf_oh_new_array(handle)
            if forms.beneath != nil { qpdf_oh_append_item(handle, contents, beneath) }
            if forms.above != nil { qpdf_oh_append_item(handle, contents, saveState) }
            for stream in items(of: qpdf_oh_get_key(handle, page, "/Contents")) {
                qpdf_oh_append_item(handle, contents, stream)
            }
            if forms.above != nil { qpdf_oh_append_item(handle, contents, above) }
            qpdf_oh_replace_key(handle, page, "/Contents", contents)
        }
    }

    /// Page `index` of `source` as a form XObject of this document: its content stream and
    /// resources copied over, its MediaBox as the form's bounding box.
    private func formXObject(ofPage index: Int, of source: QPDFDocument) throws -> qpdf_oh {
        let page = qpdf_get_page_n(source.handle, Int(index))
        let contents = qpdf_oh_get_key(source.handle, page, "/Contents")
        // Cairo writes each page as one content stream.
        guard qpdf_oh_is_stream(source.handle, contents) != 0 else {
            throw FinishingError(path: path, message: "page \(index + 1) of the furniture is not one content stream")
        }
        let form = qpdf_oh_copy_foreign_object(handle, source.handle, contents)
        let dictionary = qpdf_oh_get_dict(handle, form)
        qpdf_oh_replace_key(handle, dictionary, "/Type", qpdf_oh_new_name(handle, "/XObject"))
        qpdf_oh_replace_key(handle, dictionary, "/Subtype", qpdf_oh_new_name(handle, "/Form"))
        qpdf_oh_replace_key(handle, dictionary, "/BBox",
                            copy(qpdf_oh_get_key(source.handle, page, "/MediaBox"), from: source))
        qpdf_oh_replace_key(handle, dictionary, "/Resources",
                            copy(qpdf_oh_get_key(source.handle, page, "/Resources"), from: source))
        return form
    }

    /// `object` of `source` as an object of this document: indirect objects through qpdf's
    /// foreign-object copy (which copies each once, however many pages share it), direct
    /// containers item by item, since qpdf copies only indirect objects.
    private func copy(_ object: qpdf_oh, from source: QPDFDocument) -> qpdf_oh {
        let other = source.handle
        if qpdf_oh_is_indirect(other, object) != 0 { return qpdf_oh_copy_foreign_object(handle, other, object) }
        switch qpdf_oh_get_type_code(other, object) {
        case ot_array:
            let array = qpdf_oh_new_array(handle)
            for index in 0..<qpdf_oh_get_array_n_items(other, object) {
                qpdf_oh_append_item(handle, array, copy(qpdf_oh_get_array_item(other, object, index), from: source))
            }
            return array
        case ot_dictionary:
            let dictionary = qpdf_oh_new_dictionary(handle)
            for key in source.keys(of: object) {
                qpdf_oh_replace_key(handle, dictionary, key, copy(qpdf_oh_get_key(other, object, key), from: source))
            }
            return dictionary
        case ot_boolean: return qpdf_oh_new_bool(handle, qpdf_oh_get_bool_value(other, object))
        case ot_integer: return qpdf_oh_new_integer(handle, qpdf_oh_get_int_value(other, object))
        case ot_real: return qpdf_oh_new_real_from_string(handle, qpdf_oh_get_real_value(other, object))
        case ot_name: return qpdf_oh_new_name(handle, qpdf_oh_get_name(other, object))
        case ot_string:
            var length = 0
            let bytes = qpdf_oh_get_binary_string_value(other, object, &length)
            return qpdf_oh_new_binary_string(handle, bytes, length)
        default: return qpdf_oh_new_null(handle)
        }
    }

    /// The keys of a dictionary. qpdf's C API has one key iterator per document, so the keys
    /// are taken before anything else is asked of it.
    func keys(of dictionary: qpdf_oh) -> [String] {
        var keys: [String] = []
        qpdf_oh_begin_dict_key_iter(handle, dictionary)
        while qpdf_oh_dict_more_keys(handle) != 0 {
            if let key = qpdf_oh_dict_next_key(handle) { keys.append(String(cString: key)) }
        }
        return keys
    }

    /// Gives `page` resources of its own holding its entries and `named` XObjects.
    ///
    /// The page gets a new dictionary rather than an edited one: cairo may share a resource
    /// dictionary between pages, and each page names its own layers by the same two names.
    private func addXObjects(_ named: [(String, qpdf_oh)], to page: qpdf_oh, number: Int) throws {
        let old = qpdf_oh_get_key(handle, page, "/Resources")
        guard qpdf_oh_is_dictionary(handle, old) != 0 else {
            throw FinishingError(path: path, message: "page \(number) has no resources of its own")
        }
        let resources = shallowCopy(old)
        let xObjects = shallowCopy(qpdf_oh_get_key(handle, old, "/XObject"))
        for (name, form) in named { qpdf_oh_replace_key(handle, xObjects, name, form) }
        qpdf_oh_replace_key(handle, resources, "/XObject", xObjects)
        qpdf_oh_replace_key(handle, page, "/Resources", resources)
    }

    /// A new dictionary with the entries of `dictionary` (none when it is not one).
    private func shallowCopy(_ dictionary: qpdf_oh) -> qpdf_oh {
        let copy = qpdf_oh_new_dictionary(handle)
        guard qpdf_oh_is_dictionary(handle, dictionary) != 0 else { return copy }
        for key in keys(of: dictionary) {
            qpdf_oh_replace_key(handle, copy, key, qpdf_oh_get_key(handle, dictionary, key))
        }
        return copy
    }

    /// A new stream holding `bytes`, unfiltered.
    func unfilteredStream(_ bytes: [UInt8]) -> qpdf_oh {
        let stream = qpdf_oh_new_stream(handle)
        qpdf_oh_replace_stream_data(handle, stream, bytes, bytes.count, qpdf_oh_new_null(handle), qpdf_oh_new_null(handle))
        return stream
    }
}

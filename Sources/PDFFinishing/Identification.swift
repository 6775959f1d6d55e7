internal import CQPDF

extension PDFFinishing {
    /// What identifies a tagged file as PDF/UA-1 (ISO 14289-1): XMP metadata in the catalog
    /// with the title and `pdfuaid:part 1`, a viewer told to show that title rather than the
    /// file name (`/ViewerPreferences /DisplayDocTitle true`), and pages with links telling
    /// it to visit them in the structure's order (`/Tabs /S`).
    ///
    /// Only for a file whose structure tree tags its content: the claim would be false for
    /// imposed sheets, which have no tree.
    public struct Identification: Hashable, Sendable {
        /// The document's title, the same the renderer put in the information dictionary.
        public var title: String

        public init(title: String) { self.title = title }
    }
}

extension QPDFDocument {
    /// Adds the XMP metadata stream, the viewer preference and the marked flag to the catalog,
    /// and the structure order for links to every page that has any.
    ///
    /// The XMP stream is written uncompressed, as PDF/A and PDF/UA readers expect: qpdf's
    /// writer leaves the document's own metadata stream as it is even when it compresses
    /// other streams.
    func identify(_ identification: PDFFinishing.Identification, language: String?) {
        let info = qpdf_oh_get_key(handle, qpdf_get_trailer(handle), "/Info")
        func text(_ key: String) -> String? {
            let value = qpdf_oh_get_key(handle, info, key)
            guard qpdf_oh_is_string(handle, value) != 0, let utf8 = qpdf_oh_get_utf8_value(handle, value) else { return nil }
            let string = String(cString: utf8)
            return string.isEmpty ? nil : string
        }
        let packet = XMPPacket(
            title: identification.title, language: language, author: text("/Author"), subject: text("/Subject"),
            keywords: text("/Keywords"), creatorTool: text("/Creator"), producer: text("/Producer"),
            created: text("/CreationDate").flatMap(XMPPacket.date(fromPDF:)),
            modified: text("/ModDate").flatMap(XMPPacket.date(fromPDF:)))
        let stream = unfilteredStream(packet.serialized())
        let dictionary = qpdf_oh_get_dict(handle, stream)
        qpdf_oh_replace_key(handle, dictionary, "/Type", qpdf_oh_new_name(handle, "/Metadata"))
        qpdf_oh_replace_key(handle, dictionary, "/Subtype", qpdf_oh_new_name(handle, "/XML"))
        let root = qpdf_get_root(handle)
        qpdf_oh_replace_key(handle, root, "/Metadata", stream)
        setFlag("/DisplayDocTitle", in: "/ViewerPreferences", of: root)
        // Cairo writes this for a tagged file already; set here so the claim never rests on it.
        setFlag("/Marked", in: "/MarkInfo", of: root)
        // A reader tabs through a page's links in the order of the structure tree (PDF/UA-1 7.18.3).
        for index in 0..<qpdf_get_num_pages(handle) {
            let page = qpdf_get_page_n(handle, Int(index))
            if qpdf_oh_has_key(handle, page, "/Annots") != 0 {
                qpdf_oh_replace_key(handle, page, "/Tabs", qpdf_oh_new_name(handle, "/S"))
            }
        }
    }

    /// Sets `flag` to true in the dictionary `key` of `owner`, creating the dictionary if needed.
    private func setFlag(_ flag: String, in key: String, of owner: qpdf_oh) {
        var dictionary = qpdf_oh_get_key(handle, owner, key)
        if qpdf_oh_is_dictionary(handle, dictionary) == 0 {
            qpdf_oh_replace_key(handle, owner, key, qpdf_oh_new_dictionary(handle))
            dictionary = qpdf_oh_get_key(handle, owner, key)
        }
        qpdf_oh_replace_key(handle, dictionary, flag, qpdf_oh_new_bool(handle, QPDF_TRUE))
    }
}

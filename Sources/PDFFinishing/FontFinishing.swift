internal import CQPDF

/// Writes out the glyph map of every embedded TrueType CID font: `/CIDToGIDMap /Identity`.
///
/// Cairo 1.16 leaves the entry out, which by ISO 32000-1 (table 117) means Identity, the map
/// its subsets use; PDF/UA-1 (7.21.3.2, as PDF/A) asks for it in the file all the same, so
/// writing it changes nothing a reader draws. The fonts are found in the resources of the
/// pages and of the form XObjects they paint, each dictionary looked at once.
extension QPDFDocument {
    func declareGlyphMaps() {
        var seen = Set<Int32>()
        for index in 0..<max(Int(qpdf_get_num_pages(handle)), 0) {
            let page = qpdf_get_page_n(handle, index)
            declareGlyphMaps(in: qpdf_oh_get_key(handle, page, "/Resources"), &seen)
        }
        // A handle for every page and dictionary looked at: 1.5 MB at 400 articles if kept.
        releaseHandles()
    }

    private func declareGlyphMaps(in resources: qpdf_oh, _ seen: inout Set<Int32>) {
        guard qpdf_oh_is_dictionary(handle, resources) != 0, firstVisit(resources, &seen) else { return }
        let fonts = qpdf_oh_get_key(handle, resources, "/Font")
        if qpdf_oh_is_dictionary(handle, fonts) != 0 {
            for key in keys(of: fonts) {
                let font = qpdf_oh_get_key(handle, fonts, key)
                guard firstVisit(font, &seen), has(font, "/Subtype", "/Type0") else { continue }
                for descendant in items(of: qpdf_oh_get_key(handle, font, "/DescendantFonts"))
                where has(descendant, "/Subtype", "/CIDFontType2")
                    && qpdf_oh_has_key(handle, descendant, "/CIDToGIDMap") == 0 {
                    qpdf_oh_replace_key(handle, descendant, "/CIDToGIDMap", qpdf_oh_new_name(handle, "/Identity"))
                }
            }
        }
        let objects = qpdf_oh_get_key(handle, resources, "/XObject")
        guard qpdf_oh_is_dictionary(handle, objects) != 0 else { return }
        for key in keys(of: objects) {
            let object = qpdf_oh_get_key(handle, objects, key)
            guard qpdf_oh_is_stream(handle, object) != 0, firstVisit(object, &seen) else { continue }
            let dictionary = qpdf_oh_get_dict(handle, object)
            if has(dictionary, "/Subtype", "/Form") {
                declareGlyphMaps(in: qpdf_oh_get_key(handle, dictionary, "/Resources"), &seen)
            }
        }
    }

    /// True for a direct object, or an indirect one not seen before (which it now is).
    private func firstVisit(_ object: qpdf_oh, _ seen: inout Set<Int32>) -> Bool {
        let id = qpdf_oh_get_object_id(handle, object)
        return id == 0 || seen.insert(id).inserted
    }

    private func has(_ dictionary: qpdf_oh, _ key: String, _ name: String) -> Bool {
        qpdf_oh_is_name_and_equals(handle, qpdf_oh_get_key(handle, dictionary, key), name) != 0
    }
}

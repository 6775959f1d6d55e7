internal import CCairo
import PageModel

extension CairoSurface {
    /// Writes the document information dictionary: title, author, subject, keywords, creator
    /// and both dates.
    ///
    /// Creation and modification dates are both the edition's date, never the clock, so two
    /// renders of the same document are byte-identical. `date` must already be in the form
    /// `PDFDate` produces.
    func describe(_ metadata: Metadata, date: String) {
        let entries: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title),
            (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", ")),
            (CAIRO_PDF_METADATA_CREATOR, "Gazette"),
            (CAIRO_PDF_METADATA_CREATE_DATE, date),
            (CAIRO_PDF_METADATA_MOD_DATE, date),
        ]
        for case let (key, value?) in entries where !value.isEmpty {
            setMetadata(key, value)
        }
    }
}

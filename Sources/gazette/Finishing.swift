import PDFFinishing
import PDFRenderer
import PageModel

extension PDFFinishing {
    /// What the qpdf pass adds to a PDF the renderer wrote: the document's language, and the
    /// parts of the structure tree cairo 1.16 cannot write (`/Alt`, `/Lang`, one element for a
    /// paragraph cairo had to write in pieces).
    init(_ document: PagedDocument, written: WrittenStructure) {
        self.init(language: document.metadata.language,
                  structure: written.elements.map {
                      StructureFix(key: $0.element, alternativeText: $0.alternativeText, language: $0.language,
                                   headsColumn: $0.headsColumn)
                  })
    }
}

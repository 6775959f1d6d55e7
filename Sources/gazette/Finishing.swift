import Foundation
import PDFFinishing
import PDFRenderer
import PageModel

extension PDFFinishing {
    /// What the qpdf pass adds to a PDF the renderer wrote: the document's language, and the
    /// parts of the structure tree cairo 1.16 cannot write (`/Alt`, `/Lang`, one element for a
    /// paragraph cairo had to write in pieces); for a tagged document also its furniture as
    /// artifacts and the PDF/UA-1 identification.
    init(_ document: PagedDocument, rendered: PDFRenderer.RenderedPDF) {
        self.init(language: document.metadata.language)
        complete(document, rendered: rendered)
    }

    /// Adds what `init(_:rendered:)` adds to a pass that may already hold page boxes.
    mutating func complete(_ document: PagedDocument, rendered: PDFRenderer.RenderedPDF) {
        structure = rendered.structure.elements.map {
            StructureFix(key: $0.element, alternativeText: $0.alternativeText, language: $0.language,
                         headsColumn: $0.headsColumn, listNumbering: $0.listNumbering,
                         annotationContents: $0.linkDescription)
        }
        if let pending = rendered.furniture {
            drawFurniture = { @Sendable () throws -> Furniture? in
                guard let drawn = try pending.draw() else { return nil }
                return Furniture(pdf: drawn.bytes.withUnsafeBytes { Data($0) },
                                 layers: drawn.layers.map { Furniture.Layer(page: $0.page, above: $0.position == .above) })
            }
        }
        drawsFurnitureAlongside = !Pipeline.oneThread
        // A file claims PDF/UA only when its content is tagged and it has a title to show.
        let title = document.metadata.title
        identification = document.structure.isEmpty || title.isEmpty ? nil : Identification(title: title)
    }
}

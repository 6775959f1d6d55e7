import Diagnostics
import DigestModel
import DigestReader
import Foundation
import Layout
import LayoutSpec
import PDFRenderer
import TextShaping

/// One build from folder to PDF, shared by `build`, `build --watch` and `preview`.
struct Pipeline {
    var resources: Resources
    var layout: LayoutOptions

    /// What a build produced.
    struct Outcome {
        var diagnostics: [Diagnostic]
        /// Nil when the input had errors: nothing was laid out.
        var result: LayoutResult?
    }

    /// Reads and lays out `folder`. Never throws for problems in the input: they are diagnostics.
    func layOut(folder: String) throws -> Outcome {
        let reading = DigestReader.read(folder: folder)
        guard let digest = reading.digest, !reading.diagnostics.contains(where: { $0.severity == .error }) else {
            return Outcome(diagnostics: reading.diagnostics, result: nil)
        }
        let shaper = try TextShaper(fontDirectory: resources.fonts)
        let (spec, layoutDiagnostics) = layout.resolve(for: digest, resources: resources, families: shaper.families())
        guard let spec else { return Outcome(diagnostics: reading.diagnostics + layoutDiagnostics, result: nil) }
        let result = DigestLayout.layout(digest, spec: spec, shaper: shaper, creationDate: reproducibleDate())
        return Outcome(diagnostics: reading.diagnostics + layoutDiagnostics + result.warnings, result: result)
    }
}

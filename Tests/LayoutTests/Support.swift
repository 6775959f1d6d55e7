import Foundation
import DigestReader
import LayoutSpec
import TextShaping

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The shared test data beside the repository (read in place, never copied).
let sharedCorpus = repositoryRoot + "/../shared/corpus/2024-06"

/// One shaper for the whole test run: Pango work stays on one thread (see PITFALLS.md).
@MainActor let sharedShaper: TextShaper = {
    do { return try TextShaper(fontDirectory: repositoryRoot + "/Fonts") } catch {
        fatalError("fonts not found: \(error)")
    }
}()

/// A layout from the repository's `Layouts/`, as `gazette build --layout NAME` would load it.
@MainActor func bundledLayout(_ name: String) -> LayoutSpec {
    let library = LayoutLibrary(folders: [repositoryRoot + "/Layouts"], knownFamilies: sharedShaper.families(),
                                imageProbe: { ImageProbe.probe(path: $0) })
    let (spec, diagnostics) = library.load(name)
    guard let spec else { fatalError("layout \(name): \(diagnostics)") }
    return spec
}

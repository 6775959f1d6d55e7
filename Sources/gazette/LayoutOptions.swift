import ArgumentParser
import Diagnostics
import DigestModel
import DigestReader
import LayoutSpec

/// The layout options shared by every command that lays a digest out.
struct LayoutOptions: ParsableArguments {
    @Option(name: .long, help: "A layout name from Layouts/ (or the digest's layouts/), or a path to a .yaml file. Default: the digest's `layout:`, else monthly.")
    var layout: String?

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Override one layout key for this run, e.g. --set page.size=Letter.", valueName: "key=value"))
    var set: [String] = []

    /// The layout to use for `digest`, or the diagnostics that explain why there is none.
    func resolve(for digest: Digest, resources: Resources, families: Set<String>?) -> (LayoutSpec?, [Diagnostic]) {
        // A path written in digest.yaml is relative to the digest folder, not to where gazette runs.
        var name = layout ?? digest.layout ?? "monthly"
        if layout == nil, name.contains("/") || name.hasSuffix(".yaml"), !name.hasPrefix("/") {
            name = digest.folder + "/" + name
        }
        return Self.library(digestFolder: digest.folder, resources: resources, families: families)
            .load(name, overrides: set, language: digest.language)
    }

    /// Layouts of the digest's own `layouts/` folder first, then the bundled ones.
    static func library(digestFolder: String?, resources: Resources, families: Set<String>?) -> LayoutLibrary {
        LayoutLibrary(folders: (digestFolder.map { [$0 + "/layouts"] } ?? []) + [resources.layouts],
                      knownFamilies: families, imageProbe: { ImageProbe.probe(path: $0) })
    }
}

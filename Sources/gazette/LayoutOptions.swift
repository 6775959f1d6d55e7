import ArgumentParser
import Diagnostics
import DigestModel
import DigestReader
import Foundation
import LayoutSpec
import PDFRenderer

/// The layout options shared by every command that lays a digest out.
struct LayoutOptions: ParsableArguments {
    @Option(name: .long, help: "A layout name from Layouts/ (or the digest's layouts/), or a path to a .yaml file. Default: the digest's `layout:`, else monthly.")
    var layout: String?

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Override one layout key for this run, e.g. --set page.size=Letter.", valueName: "key=value"))
    var set: [String] = []

    @Option(name: .long, help: "Use only this one of the layout's editions (see `editions:` in Layouts/README.md).")
    var edition: String?

    /// The layout to use for `digest`, or the diagnostics that explain why there is none.
    func resolve(for digest: Digest, resources: Resources, families: Set<String>?) -> (LayoutSpec?, [Diagnostic]) {
        // A path written in digest.yaml is relative to the digest folder, not to where gazette runs.
        var name = layout ?? digest.layout ?? "monthly"
        if layout == nil, name.contains("/") || name.hasSuffix(".yaml"), !name.hasPrefix("/") {
            name = digest.folder + "/" + name
        }
        return Self.library(digestFolder: digest.folder, resources: resources, families: families)
            .load(name, overrides: Self.brandOverrides(digest.branding) + set, language: digest.language, edition: edition)
    }

    /// `digest.yaml`'s logo and brand colour, as layout keys the command line's `--set` can
    /// still override: the layout then checks and places them like its own.
    static func brandOverrides(_ branding: Branding) -> [String] {
        var overrides: [String] = []
        if let logo = branding.logo {
            let absolute = logo.hasPrefix("/") ? logo : FileManager.default.currentDirectoryPath + "/" + logo
            overrides.append("cover.logo=\(quoted(absolute))")
        }
        if let color = branding.brandColor { overrides.append("colors.brand=\(quoted(color))") }
        return overrides
    }

    /// A YAML double-quoted scalar, since overrides are read as YAML (`#` would start a comment).
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Layouts of the digest's own `layouts/` folder first, then the bundled ones.
    static func library(digestFolder: String?, resources: Resources, families: Set<String>?) -> LayoutLibrary {
        LayoutLibrary(folders: (digestFolder.map { [$0 + "/layouts"] } ?? []) + [resources.layouts],
                      knownFamilies: families, imageProbe: { path in
                          if path.lowercased().hasSuffix(".svg") {
                              return PDFRenderer.svgSize(atPath: path).map {
                                  (isJPEG: false, width: Int($0.width.points.rounded(.up)),
                                   height: Int($0.height.points.rounded(.up)))
                              }
                          }
                          return ImageProbe.probe(path: path)
                      })
    }
}

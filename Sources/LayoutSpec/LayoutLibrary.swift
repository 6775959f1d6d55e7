import Diagnostics
import Foundation

/// The layouts Gazette can use and how to load one.
///
/// A layout is a YAML file named `NAME.yaml`. It may say `extends: OTHER` (a name or a path
/// relative to itself) to start from another layout and change only what it lists: mappings
/// merge key by key. Names are looked up in `folders` in order, so a digest's own `layouts/`
/// can override a bundled design.
public struct LayoutLibrary: Sendable {
    /// Folders searched for `NAME.yaml`, first match wins.
    public var folders: [String]
    /// Font families the font folder has, to check names against; nil skips the check.
    public var knownFamilies: Set<String>?
    /// Reads a logo's format and size (the reader's image probe).
    public var imageProbe: ImageProbe

    public init(folders: [String], knownFamilies: Set<String>? = nil, imageProbe: @escaping ImageProbe) {
        self.folders = folders; self.knownFamilies = knownFamilies; self.imageProbe = imageProbe
    }

    /// Every layout in the folders, by name, with its one-line description.
    public func available() -> [(name: String, description: String)] {
        var seen: [String: String] = [:]
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files.sorted() where file.hasSuffix(".yaml") {
                let name = String(file.dropLast(5))
                guard seen[name] == nil else { continue }
                let tree = try? chain(folder + "/" + file).get()
                var description = ""
                if case .scalar(let text, _)? = tree?["description"] { description = text }
                seen[name] = description
            }
        }
        return seen.keys.sorted().map { ($0, seen[$0] ?? "") }
    }

    /// Loads a layout by name or path, with `overrides` (`key.path=value`) applied on top.
    ///
    /// - Parameter language: the digest's language (BCP 47); the layout's `languages` entry for
    ///   it, if any, is laid over the layout before `overrides`.
    /// - Parameter edition: one of the layout's `editions:`, whose keys are laid over the
    ///   layout (after the overrides). Without one, every edition is still checked, so a
    ///   mistake in any of them is reported before anything is built.
    public func load(_ nameOrPath: String, overrides: [String] = [], language: String? = nil,
                     edition: String? = nil) -> (LayoutSpec?, [Diagnostic]) {
        switch resolvedTree(nameOrPath, overrides: overrides, language: language) {
        case .failure(let error): return (nil, error.diagnostics)
        case .success(let (tree, name, translations)):
            var (spec, all) = decode(tree, name: name, edition: edition)
            if edition == nil {
                for edition in spec?.editions ?? [] {
                    let (_, found) = decode(tree, name: name, edition: edition)
                    all += found.filter { !all.contains($0) }
                }
            }
            // Each language's entries are checked too, so a typo shows before a digest in
            // that language meets it; their strings serve articles in that language.
            for (code, translated) in translations.sorted(by: { $0.key < $1.key }) {
                let (translatedSpec, found) = decode(translated, name: name, edition: nil)
                all += found.filter { !all.contains($0) }
                if let translatedSpec {
                    spec?.translations[code] = translatedSpec.strings
                    spec?.calloutLabelTranslations[code] = translatedSpec.callout.labels
                }
            }
            let failed = all.contains { $0.severity == .error }
            return (failed ? nil : spec, sorted(all))
        }
    }

    /// Decodes `tree`, with the keys of `edition` laid over it when given.
    private func decode(_ base: LayoutTree, name: String, edition: String?) -> (LayoutSpec?, [Diagnostic]) {
        var tree = base
        if let edition {
            guard case .mapping(let settings, _)? = base["editions"]?[edition] else {
                var names: [String] = []
                if case .mapping(let entries, _)? = base["editions"] { names = entries.map(\.key) }
                let hint = names.isEmpty ? "this layout has no editions" : "its editions are \(Suggestion.list(names, conjunction: "and"))"
                return (nil, [.error("the layout '\(name)' has no edition '\(edition)'", at: nil, hint: hint)])
            }
            for setting in settings {
                tree = tree.setting(setting.key.split(separator: ".").map(String.init), to: setting.value)
            }
        }
        var decoder = LayoutDecoder(tree: tree, knownFamilies: knownFamilies, imageProbe: imageProbe) { location in
            URL(fileURLWithPath: location.file).deletingLastPathComponent().path
        }
        let spec = decoder.decode(name: name)
        return (spec, sorted(decoder.diagnostics))
    }

    private func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.location ?? SourceLocation(file: "", line: 0, column: 0)) < ($1.location ?? SourceLocation(file: "", line: 0, column: 0))
        }
    }


    /// The fully merged layout written as YAML, for `gazette layouts show`.
    public func resolvedYAML(_ nameOrPath: String, overrides: [String] = []) -> (String?, [Diagnostic]) {
        let (spec, diagnostics) = load(nameOrPath, overrides: overrides)
        guard spec != nil, case .success(let (tree, _, _)) = resolvedTree(nameOrPath, overrides: overrides),
              case .success(let merged) = find(nameOrPath, from: nil).map({ chain($0) }) else {
            return (nil, diagnostics)
        }
        return ((merged["languages"].map { tree.setting(["languages"], to: $0) } ?? tree).yaml(), diagnostics)
    }

    // MARK: - Finding and merging files

    /// The merged tree for the digest's language, its name, and the tree for every language the
    /// layout translates (keyed by primary language subtag, such as `hi`).
    private func resolvedTree(_ nameOrPath: String, overrides: [String], language: String? = nil)
        -> Result<(LayoutTree, String, [String: LayoutTree]), DiagnosticError> {
        guard let path = find(nameOrPath, from: nil) else {
            let names = available().map(\.name)
            let hint = Suggestion.closest(to: nameOrPath, in: names).map { "did you mean '\($0)'?" }
                ?? "the layouts are \(Suggestion.list(names, conjunction: "and"))"
            return .failure(DiagnosticError([.error("no layout named '\(nameOrPath)'", at: nil, hint: hint)]))
        }
        do {
            let merged = try chain(path).get()
            let overlays = try languageOverlays(of: merged)
            let base = merged.removing("languages")
            let primary = language.map { String($0.lowercased().prefix { $0 != "-" && $0 != "_" }) }
            let tree = try apply(overrides, to: primary.flatMap { overlays[$0] }.map(base.merged) ?? base)
            let translations = try overlays.mapValues { try apply(overrides, to: base.merged(with: $0)) }
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return .success((tree, name, translations))
        } catch let error as DiagnosticError {
            return .failure(error)
        } catch {
            return .failure(DiagnosticError([.error("\(error)", at: nil)]))
        }
    }

    /// The `languages` entry: for each language, a part of a layout to lay over the rest.
    private func languageOverlays(of tree: LayoutTree) throws(DiagnosticError) -> [String: LayoutTree] {
        guard let languages = tree["languages"] else { return [:] }
        guard case .mapping(let entries, _) = languages else {
            throw DiagnosticError([.error("'languages' must map language codes to layout keys", at: languages.location,
                                          hint: "for example languages: {hi: {strings: {contents: विषय-सूची}}}")])
        }
        var overlays: [String: LayoutTree] = [:]
        for entry in entries {
            guard case .mapping = entry.value else {
                throw DiagnosticError([.error("'languages.\(entry.key)' must hold layout keys", at: entry.value.location)])
            }
            overlays[entry.key.lowercased()] = entry.value
        }
        return overlays
    }

    /// A path for a name (searched in `folders`) or a path (relative to `base` when given).
    private func find(_ nameOrPath: String, from base: String?) -> String? {
        let fileManager = FileManager.default
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") {
            let path = nameOrPath.hasPrefix("/") || base == nil ? nameOrPath : base! + "/" + nameOrPath
            return fileManager.fileExists(atPath: path) ? path : nil
        }
        var candidates = folders.map { "\($0)/\(nameOrPath).yaml" }
        if let base { candidates.insert("\(base)/\(nameOrPath).yaml", at: 0) }
        return candidates.first { fileManager.fileExists(atPath: $0) }
    }

    /// The file at `path` merged over everything it extends.
    private func chain(_ path: String, visited: [String] = []) -> Result<LayoutTree, DiagnosticError> {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .failure(DiagnosticError([.error("cannot read layout file '\(path)'", at: nil)]))
        }
        let tree: LayoutTree
        do { tree = try LayoutTree.parse(text, file: path) } catch { return .failure(error) }
        guard let parent = tree["extends"] else { return .success(tree) }
        guard case .scalar(let parentName, let location) = parent else {
            return .failure(DiagnosticError([.error("'extends' must name one layout", at: parent.location)]))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        // A layout may extend a bundled one of the same name: look past itself.
        let parentPath = find(parentName, from: folder).flatMap { candidate -> String? in
            URL(fileURLWithPath: candidate).standardizedFileURL.path == canonical
                ? folders.map { "\($0)/\(parentName).yaml" }.first {
                    FileManager.default.fileExists(atPath: $0)
                        && URL(fileURLWithPath: $0).standardizedFileURL.path != canonical
                }
                : candidate
        }
        guard let parentPath else {
            return .failure(DiagnosticError([.error("layout '\(parentName)' to extend not found", at: location,
                                                    hint: "the layouts are \(Suggestion.list(available().map(\.name), conjunction: "and"))")]))
        }
        let parentCanonical = URL(fileURLWithPath: parentPath).standardizedFileURL.path
        if visited.contains(parentCanonical) || parentCanonical == canonical {
            let names = (visited + [canonical, parentCanonical]).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            return .failure(DiagnosticError([.error("layouts extend each other in a cycle: \(names.joined(separator: " → "))",
                                                    at: location, hint: "remove one of the 'extends' lines")]))
        }
        return chain(parentPath, visited: visited + [canonical]).map { $0.merged(with: tree.removing("extends")) }
    }

    /// `key.path=value` settings laid over the tree; each is checked like a file's value.
    private func apply(_ overrides: [String], to tree: LayoutTree) throws -> LayoutTree {
        var result = tree
        for (index, override) in overrides.enumerated() {
            let origin = SourceLocation(file: "--set", line: index + 1, column: 1)
            guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
                throw DiagnosticError([.error("'\(override)' is not key=value", at: origin,
                                              hint: "for example --set page.size=Letter")])
            }
            let key = override[..<equals].split(separator: ".").map(String.init)
            let valueText = String(override[override.index(after: equals)...])
            let value = try LayoutTree.parse(valueText, file: "--set \(override)")
            result = result.setting(key, to: value)
        }
        return result
    }
}

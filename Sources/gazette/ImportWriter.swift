import Diagnostics
import DigestModel
import DigestReader
import Foundation
import Import
import Yams

/// Writes imported articles into a digest folder, and says what it did.
///
/// The folder's own files are safe: a file import did not write, or one the editor changed
/// since (its hash no longer matches the manifest), is left as it is and reported. Every
/// file is written whole or not at all (`AtomicFile`), the manifest last. After writing,
/// the folder is read back as `gazette check` reads it.
struct ImportWriter {
    let target: ImportTarget
    let folder: String
    let manifest: ImportManifest

    init(target: ImportTarget) {
        self.target = target
        folder = target.folder
        manifest = ImportManifest.read(folder: target.folder)
    }

    /// Names in `images/` that belong to the editor, which imported pictures must not take.
    var takenImageNames: Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/images")) ?? []
        return Set(names.filter { !manifest.isUntouched("images/" + $0, in: folder) })
    }

    private struct Planned {
        var path: String
        var content: Data
        var decision: ImportManifest.Decision
    }

    func write(_ articles: [ImportedArticle], settings: Scaffold.Settings, warnings: [ImportWarning], summary: String?) throws {
        let say = { (line: String) in if !target.quiet { print(line) } }
        if target.strict && !warnings.isEmpty {
            for warning in warnings {
                FileHandle.standardError.write(warning.described(as: "error") + "\n")
            }
            FileHandle.standardError.write("gazette: error: \(plural(warnings.count, "warning")) with --strict; nothing was written\n")
            throw ExitStatus.inputError
        }
        if !target.quiet {
            for warning in warnings { FileHandle.standardError.write(warning.description + "\n") }
        }
        var plan: [Planned] = []
        func add(_ path: String, _ content: Data) {
            plan.append(Planned(path: path, content: content, decision: manifest.decide(path, in: folder, newContent: content)))
        }

        // digest.yaml: new, regenerated with every section when import wrote it, else the
        // editor's, which must then list the sections the articles name.
        let digestPath = "digest.yaml"
        let digestExists = FileManager.default.fileExists(atPath: folder + "/" + digestPath)
        if !digestExists || manifest.isUntouched(digestPath, in: folder) {
            var settings = settings
            let existing = digestExists ? Self.sections(ofDigestIn: folder) : []
            settings.sections = existing + settings.sections.filter { !existing.contains($0) }
            add(digestPath, Data(Scaffold.digestYAML(settings).utf8))
        } else {
            let listed = Self.sections(ofDigestIn: folder)
            let missing = articles.map(\.section).reduce(into: [String]()) { if !listed.contains($1) && !$0.contains($1) { $0.append($1) } }
            if !missing.isEmpty {
                let place = SourceLocation(file: folder + "/digest.yaml")
                report([.error("digest.yaml does not list the section\(missing.count == 1 ? "" : "s") \(Suggestion.list(missing, conjunction: "and")) that imported articles name",
                               at: place, hint: "add \(missing.count == 1 ? "it" : "them") to digest.yaml's sections, map the categories to sections of yours in import.yaml, or give --section; nothing was written")])
                throw ExitStatus.inputError
            }
        }
        if !FileManager.default.fileExists(atPath: folder + "/import.yaml") || manifest.isUntouched("import.yaml", in: folder) {
            add("import.yaml", Data(ImportRules.starterFile.utf8))
        }
        for article in articles {
            for image in article.images where !plan.contains(where: { $0.path == image.to }) {
                guard let bytes = FileManager.default.contents(atPath: image.from) else { continue }
                add(image.to, bytes)
            }
            add("articles/\(article.slug).md", Data(article.markdown.utf8))
        }

        // The report: one line an article, then the other files.
        let byPath = Dictionary(plan.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let verb = target.dryRun ? ["create": "would create", "update": "would update", "unchanged": "unchanged", "keep": "would keep"]
                                 : ["create": "created", "update": "updated", "unchanged": "unchanged", "keep": "kept"]
        func describe(_ decision: ImportManifest.Decision) -> String {
            switch decision {
            case .create: return verb["create"]!
            case .update: return verb["update"]!
            case .unchanged: return verb["unchanged"]!
            case .keep(let reason): return "\(verb["keep"]!) yours (\(reason))"
            }
        }
        for article in articles {
            let path = "articles/\(article.slug).md"
            var parts = [path, article.section, plural(article.words, "word"), plural(article.images.count, "picture")]
            if !article.notes.summary.isEmpty { parts.append(article.notes.summary) }
            say("\(describe(byPath[path]!.decision)): " + parts.joined(separator: " · "))
        }
        for item in plan where !item.path.hasPrefix("articles/") && item.decision != .unchanged {
            say("\(describe(item.decision)): \(item.path)")
        }
        if let summary { say(summary) }

        let kept = plan.filter { if case .keep = $0.decision { true } else { false } }
        guard !target.dryRun else {
            say("dry run: nothing written; \(plural(plan.filter { $0.decision == .create || $0.decision == .update }.count, "file")) would be written into \(folder)/")
            return
        }
        var record = manifest
        for item in plan {
            switch item.decision {
            case .create, .update:
                try AtomicFile.write(to: folder + "/" + item.path) { item.content }
                record.record(item.path, content: item.content)
            case .unchanged, .keep:
                continue
            }
        }
        try AtomicFile.write(to: folder + "/" + ImportManifest.fileName) { Data(record.text.utf8) }

        // Read back as `gazette check` does.
        let reading = DigestReader.read(folder: folder)
        let problems = reading.diagnostics.filter { $0.severity == .error || !target.quiet }
        if !problems.isEmpty { report(problems) }
        if reading.diagnostics.contains(where: { $0.severity == .error }) {
            FileHandle.standardError.write("gazette: error: the imported folder does not pass check; fix the files named above\n")
            throw ExitStatus.inputError
        }
        let written = plan.filter { $0.decision == .create || $0.decision == .update }.count
        say("imported \(plural(articles.count, "article")) into \(folder)/ (\(plural(written, "file")) written\(kept.isEmpty ? "" : ", \(kept.count) of yours kept"))")
        say("next: gazette build \(NewDigest.shellQuoted(folder))")
    }

    /// The sections listed in the folder's digest.yaml.
    static func sections(ofDigestIn folder: String) -> [String] {
        guard let text = try? String(contentsOfFile: folder + "/digest.yaml", encoding: .utf8),
              let yaml = try? Yams.load(yaml: text) as? [String: Any] else { return [] }
        return (yaml["sections"] as? [Any])?.map { "\($0)" } ?? []
    }
}

import DigestModel
import DigestReader
import Foundation

/// Finds the pictures an article refers to among the files the user gave, and names their
/// copies in the digest's `images/`.
///
/// Nothing is fetched from the network and nothing is read outside the given folders: a
/// `src` is looked for in the WordPress uploads folder (`--uploads`, by the part of the
/// address after `wp-content/uploads/`) or in the saved page's `_files/` folder, and its
/// real path, links resolved, must stay inside that folder, so `../../etc/passwd` is
/// refused like any other picture that is not there.
final class ImageFinder {
    /// The site's uploads folder, copied locally.
    let uploads: String?
    private(set) var copies: [ImageCopy] = []
    private(set) var warnings: [ImportWarning] = []
    /// Source file → name in `images/`, so a picture used twice is copied once.
    private var named: [String: String] = [:]
    private var taken: Set<String>

    /// - Parameter taken: names already in the digest's `images/`, which a copy must not reuse
    ///   unless it is the same picture.
    init(uploads: String?, taken: Set<String> = []) {
        self.uploads = uploads.flatMap(Self.realPath)
        self.taken = taken
    }

    /// The Markdown path (`images/…`) for `source`, or nil with a warning saying why not.
    ///
    /// - Parameters:
    ///   - pageFiles: the saved page's `_files/` folder, for relative sources.
    ///   - file, line: where `source` is written, for the warning.
    ///   - article: the article's title, for the warning.
    func resolve(_ source: String, pageFiles: String?, file: String, line: Int, article: String) -> String? {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        var candidates: [(path: String, root: String)] = []
        let lower = trimmed.lowercased()
        let isRemote = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
        if let uploads, let relative = Self.uploadsPath(of: trimmed) {
            candidates += Self.variants(of: relative).map { (uploads + "/" + $0, uploads) }
        }
        if !isRemote, !lower.hasPrefix("data:"), let pageFiles, let root = Self.realPath(pageFiles) {
            let decoded = Self.withoutQuery(trimmed).removingPercentEncoding ?? trimmed
            let pageFolder = (pageFiles as NSString).deletingLastPathComponent
            let base = decoded.hasPrefix("/") ? decoded : pageFolder + "/" + decoded
            candidates.append((base, root))
        }
        for candidate in candidates {
            guard let real = Self.realPath(candidate.path), real.hasPrefix(candidate.root + "/") else { continue }
            var status = stat()
            guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            if let problem = ImageProbe.problem(path: real) {
                warn("picture '\(source)' in '\(article)' is left out: \(problem)", file: file, line: line)
                return nil
            }
            return "images/" + name(for: real)
        }
        let reason: String
        if !isRemote, trimmed.split(separator: "/").contains("..") || trimmed.hasPrefix("/") || trimmed.hasPrefix("file:") {
            reason = "it points outside the folders import reads (the uploads folder, the page's files)"
        } else if candidates.isEmpty && isRemote && uploads == nil {
            reason = "it is on the web, and import fetches nothing; give the site's uploads folder with --uploads"
        } else if candidates.isEmpty && !isRemote && pageFiles == nil {
            reason = "there is no folder to look in"
        } else {
            reason = "no such file in \(uploads != nil && Self.uploadsPath(of: trimmed) != nil ? "the uploads folder" : "the page's files")"
        }
        warn("picture '\(source)' in '\(article)' is left out: \(reason)", file: file, line: line)
        return nil
    }

    /// `articles`, each given the copies its body refers to.
    func attach(to articles: [ImportedArticle]) -> [ImportedArticle] {
        articles.map { article in
            var article = article
            article.images = copies.filter { article.body.contains("](\($0.to))") }
            return article
        }
    }

    func warn(_ message: String, file: String, line: Int) {
        warnings.append(ImportWarning(file: file, line: line, message: message))
    }

    /// A name in `images/` for the file at `real`: its own name made safe (lower-case ASCII,
    /// hyphens), numbered when another picture has it.
    private func name(for real: String) -> String {
        if let known = named[real] { return known }
        let url = URL(fileURLWithPath: real)
        let format = ImageProbe.probe(path: real)
        let ext = format?.isJPEG == true ? "jpg" : "png"
        var stem = Slug.make(from: url.deletingPathExtension().lastPathComponent)
        if stem.isEmpty { stem = "picture" }
        var name = "\(stem).\(ext)"
        var number = 2
        while taken.contains(name) {
            name = "\(stem)-\(number).\(ext)"
            number += 1
        }
        taken.insert(name)
        named[real] = name
        copies.append(ImageCopy(from: real, to: "images/" + name))
        return name
    }

    /// `2024/06/chart.png` for `https://site/wp-content/uploads/2024/06/chart.png`; nil when
    /// the address is not in an uploads folder.
    static func uploadsPath(of source: String) -> String? {
        let path = withoutQuery(source)
        guard let range = path.range(of: "/wp-content/uploads/") else { return nil }
        let relative = String(path[range.upperBound...]).removingPercentEncoding ?? ""
        guard !relative.isEmpty, !relative.split(separator: "/").contains("..") else { return nil }
        return relative
    }

    /// The path as written, then the original of a size WordPress made from it
    /// (`chart-1024x576.png` → `chart.png`, `photo-scaled.jpg` → `photo.jpg`).
    static func variants(of relative: String) -> [String] {
        let url = URL(fileURLWithPath: relative)
        let ext = url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = (relative as NSString).deletingLastPathComponent
        var originals: [String] = []
        if stem.hasSuffix("-scaled") { originals.append(String(stem.dropLast(7))) }
        if let dash = stem.lastIndex(of: "-") {
            let size = stem[stem.index(after: dash)...].split(separator: "x")
            if size.count == 2, size.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
                originals.append(String(stem[..<dash]))
            }
        }
        return [relative] + originals.map { (folder.isEmpty ? "" : folder + "/") + $0 + (ext.isEmpty ? "" : "." + ext) }
    }

    private static func withoutQuery(_ text: String) -> String {
        String(text.prefix { $0 != "?" && $0 != "#" })
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

import Diagnostics
import DigestModel
import Geometry

/// What `digest.yaml` says about the edition, before the articles are read.
struct DigestSettings {
    var title: String?
    var edition: String?
    var publisher: String?
    var language = "en"
    var layout: String?
    /// The section names in order; nil when the list is missing or broken, in which case
    /// articles' sections are not checked.
    var sections: [String]?
    var collectsQuizzes = false
    var branding = Branding()
    /// Where each of `branding.highlights` is written, to point at one that names no article.
    var highlightLocations: [SourceLocation] = []

    static let keys = ["title", "edition", "publisher", "language", "layout", "sections", "quiz", "watermark",
                       "logo", "brand-color", "copyright", "about", "contact", "links", "highlights"]

    /// Reads and checks `digest.yaml` from its decoded text.
    ///
    /// - Parameter folder: the digest folder, which a layout given as a path may not leave.
    static func read(_ source: SourceText, folder: String) -> (DigestSettings, [Diagnostic]) {
        var fields = YAMLFields(
            yaml: source.text, file: source.file, lineOffset: 0,
            origin: SourceLocation(file: source.file, line: 1, column: 1),
            context: "digest.yaml", known: keys)
        var settings = DigestSettings()
        settings.title = fields.string("title", required: true, example: "title: Current Affairs Monthly")
        settings.edition = fields.string("edition", required: true, example: "edition: June 2024")
        settings.publisher = fields.string("publisher")
        if let language = fields.string("language") {
            if LanguageTag.isValid(language) {
                settings.language = language
            } else if let place = fields.location(ofValue: "language") {
                fields.report(LanguageTag.invalid(language, at: place))
            }
        }
        settings.layout = fields.string("layout")
        if let layout = settings.layout, let place = fields.location(ofValue: "layout"),
           let problem = layoutPathProblem(layout, folder: folder, at: place) {
            fields.report(problem)
            settings.layout = nil
        }
        if let list = fields.stringList("sections", required: true,
                                        example: "sections: [National, Economy, Sports]") {
            var seen: Set<String> = []
            var names: [String] = []
            for (name, place) in list {
                if seen.insert(name).inserted {
                    names.append(name)
                } else {
                    fields.report(.error(
                        "duplicate section '\(name)' in digest.yaml", at: place,
                        hint: "list every section once"))
                }
            }
            if names.isEmpty, let place = fields.location(ofValue: "sections") {
                fields.report(.error(
                    "'sections' in digest.yaml is empty", at: place,
                    hint: "list the sections in reading order, e.g. 'sections: [National, Economy]'"))
            } else if !names.isEmpty {
                settings.sections = names
            }
        }
        settings.collectsQuizzes = fields.bool("quiz") ?? false
        settings.readBranding(&fields, folder: folder)
        return (settings, fields.diagnostics)
    }
}

extension DigestSettings {
    /// The publisher's marks: texts as written, the logo and colour checked.
    mutating func readBranding(_ fields: inout YAMLFields, folder: String) {
        branding.watermark = fields.string("watermark")
        branding.copyright = fields.string("copyright")
        branding.about = fields.string("about")
        branding.contact = fields.string("contact")
        if let color = fields.string("brand-color"), let place = fields.location(ofValue: "brand-color") {
            if Color(hex: color) == nil {
                fields.report(.error("'\(color)' is not a colour", at: place, hint: "write it as \"#RRGGBB\", in quotes"))
            } else {
                branding.brandColor = color
            }
        }
        if let logo = fields.string("logo"), let place = fields.location(ofValue: "logo") {
            if let problem = logoProblem(logo, folder: folder, at: place) {
                fields.report(problem)
            } else {
                branding.logo = folder + "/" + logo
            }
        }
        for (link, place) in fields.stringList("links") ?? [] {
            if link.contains("://") || link.hasPrefix("mailto:") {
                branding.links.append(link)
            } else {
                fields.report(.error("link '\(link)' is not a web address", at: place,
                                     hint: "write it in full, such as 'https://example.org/'"))
            }
        }
        for (slug, place) in fields.stringList("highlights") ?? [] {
            branding.highlights.append(slug.hasSuffix(".md") ? String(slug.dropLast(3)) : slug)
            highlightLocations.append(place)
        }
    }
}

/// A logo is read like a picture: a PNG, JPEG or SVG file inside the digest folder.
private func logoProblem(_ logo: String, folder: String, at place: SourceLocation) -> Diagnostic? {
    let hint = "give a PNG, JPEG or SVG file inside the digest folder, such as 'images/logo.svg'"
    let lowered = logo.lowercased()
    guard [".png", ".jpg", ".jpeg", ".svg"].contains(where: { lowered.hasSuffix($0) }) else {
        return .error("logo '\(logo)' is not a PNG, JPEG or SVG file", at: place, hint: hint)
    }
    if logo.hasPrefix("/") || logo.hasPrefix("~") {
        return .error("logo path '\(logo)' is absolute", at: place, hint: hint)
    }
    var depth = 0
    for component in logo.split(separator: "/") where component != "." {
        depth += component == ".." ? -1 : 1
        if depth < 0 { return .error("logo path '\(logo)' leaves the digest folder", at: place, hint: hint) }
    }
    switch FolderBoundary(folder: folder).kind(of: folder + "/" + logo) {
    case .file: return nil
    case .missing: return .error("logo '\(logo)' not found", at: place, hint: hint)
    case .outside: return .error("logo '\(logo)' is a symbolic link to a file outside the digest folder", at: place, hint: hint)
    case .special: return .error("logo '\(logo)' is not a regular file", at: place, hint: hint)
    }
}

/// A layout named by path in `digest.yaml` is read like a picture: from inside the digest
/// folder only (a name such as `monthly` is looked up among the bundled layouts instead).
private func layoutPathProblem(_ layout: String, folder: String, at place: SourceLocation) -> Diagnostic? {
    guard layout.contains("/") || layout.hasSuffix(".yaml") else { return nil }
    let hint = "use a layout name such as 'monthly', or a path inside the digest folder such as 'layouts/mine.yaml'"
    if layout.hasPrefix("/") || layout.hasPrefix("~") {
        return .error("layout path '\(layout)' is absolute", at: place, hint: hint)
    }
    var depth = 0
    for component in layout.split(separator: "/") where component != "." {
        depth += component == ".." ? -1 : 1
        if depth < 0 { return .error("layout path '\(layout)' leaves the digest folder", at: place, hint: hint) }
    }
    let boundary = FolderBoundary(folder: folder)
    if boundary.kind(of: folder + "/" + layout) == .outside {
        return .error("layout '\(layout)' is a symbolic link to a file outside the digest folder", at: place,
                      hint: "copy the layout file into the digest folder")
    }
    return nil
}

/// BCP 47 language tags, checked for shape only (`en`, `hi`, `en-IN`, `zh-Hant-TW`).
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    static func invalid(_ tag: String, at place: SourceLocation) -> Diagnostic {
        .error("invalid language tag '\(tag)'", at: place,
               hint: "use a BCP 47 tag such as 'en', 'hi' or 'en-IN'")
    }
}

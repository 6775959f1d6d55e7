import Foundation

/// An article's file name (without `.md`) made from its title: lower-case ASCII letters and
/// digits joined by single hyphens, e.g. "Euro 2024: Spain's Perfect Start" →
/// `euro-2024-spains-perfect-start`.
///
/// ASCII only, because the slug is also the article's anchor in the PDF and part of URLs a
/// CMS may build; other scripts are transliterated first ("मानसून सत्र" → `manasuna-satra`),
/// and accents dropped ("Zürich" → `zurich`).
public enum Slug {
    /// Long titles are cut at a hyphen before this many characters.
    public static let maximumLength = 60

    /// The slug of `title`; empty when nothing in it can be spelt in ASCII.
    public static func make(from title: String) -> String {
        let latin = title.applyingTransform(.toLatin, reverse: false) ?? title
        let plain = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in plain.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        guard slug.count > maximumLength else { return slug }
        let cut = slug.prefix(maximumLength)
        if let hyphen = cut.lastIndex(of: "-") { return String(cut[..<hyphen]) }
        return String(cut)
    }

    /// Whether `text` is a usable slug as given with `--slug`: the same characters as `make`.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" }
    }
}

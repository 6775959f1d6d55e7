import Foundation

/// WordPress shortcodes in a post body, expanded before the HTML is parsed, as WordPress
/// itself does when it renders a post.
///
/// Shortcodes are WordPress's own bracket syntax, not HTML, so they are read here with a
/// small scanner over the text. Only the ones that carry meaning for print are kept:
/// `[caption]…[/caption]` becomes a `<figure>` (the picture and its caption text stay
/// inside, the caption attribute of older exports goes in `data-caption`), and
/// `[embed]URL[/embed]` a figure that the Markdown writer turns into a link. Galleries,
/// players and forms are removed and counted. Any other bracketed text, "[sic]" or
/// "[1]", is prose and stays as it is; `[[caption]]` is WordPress's escape for a literal.
enum Shortcodes {
    /// Shortcodes removed with their content (players, galleries, forms).
    static let removed: Set<String> = ["gallery", "audio", "video", "playlist", "contact-form-7", "contact-form",
                                       "wpforms", "ninja_form", "gravityform", "adsense", "ad", "mc4wp_form",
                                       "addtoany", "social_share", "instagram-feed", "wp_ad_camp"]
    static let captions: Set<String> = ["caption", "wp_caption"]

    struct Expansion {
        var html: String
        /// Removed shortcodes by name.
        var removed: [String: Int] = [:]
    }

    static func expand(_ text: String) -> Expansion {
        var out = ""
        var removedCounts: [String: Int] = [:]
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("[") {
                // [[name]] is a literal [name].
                if let close = after.range(of: "]]") {
                    out += "[" + after[after.index(after: after.startIndex)..<close.lowerBound] + "]"
                    rest = after[close.upperBound...]
                } else {
                    out += "["
                    rest = after
                }
                continue
            }
            guard let tag = parseTag(after) else {
                out += "["
                rest = after
                continue
            }
            let name = tag.name.lowercased()
            if tag.closing {
                // A stray closing tag of a shortcode we expand or remove: drop it.
                if captions.contains(name) || removed.contains(name) || name == "embed" { rest = tag.rest; continue }
                out += "["
                rest = after
                continue
            }
            if captions.contains(name) {
                let (inner, remainder) = enclosed(tag.rest, name: tag.name)
                var figure = "<figure class=\"wp-caption\""
                if let caption = tag.attributes["caption"] { figure += " data-caption=\"\(escapedAttribute(caption))\"" }
                out += figure + ">" + inner + "</figure>"
                rest = remainder
            } else if name == "embed" {
                let (inner, remainder) = enclosed(tag.rest, name: tag.name)
                out += "<figure class=\"wp-block-embed\">" + escapedText(inner.trimmingCharacters(in: .whitespacesAndNewlines)) + "</figure>"
                rest = remainder
            } else if removed.contains(name) {
                let (_, remainder) = enclosed(tag.rest, name: tag.name)
                removedCounts[name + " shortcode", default: 0] += 1
                rest = remainder
            } else {
                out += "["
                rest = after
            }
        }
        out += rest
        return Expansion(html: out, removed: removedCounts)
    }

    private struct Tag {
        var name: String
        var closing: Bool
        var attributes: [String: String]
        /// What follows the `]`.
        var rest: Substring
    }

    /// `name attr="value" …]` (the text after `[`), or nil when it does not look like a
    /// shortcode: the name must come at once and the tag end on the same line.
    private static func parseTag(_ text: Substring) -> Tag? {
        var index = text.startIndex
        var closing = false
        if index < text.endIndex, text[index] == "/" { closing = true; index = text.index(after: index) }
        let nameStart = index
        while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "_" || text[index] == "-" {
            index = text.index(after: index)
        }
        let name = String(text[nameStart..<index])
        guard !name.isEmpty, let close = text[index...].firstIndex(of: "]") else { return nil }
        let inside = text[index..<close]
        if inside.contains("\n") || inside.contains("[") { return nil }
        if let first = inside.first, first != " " && first != "/" { return nil }
        return Tag(name: name, closing: closing, attributes: attributes(inside), rest: text[text.index(after: close)...])
    }

    /// `id="x" align='y' width=640` as a dictionary.
    private static func attributes(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = text
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "/" })
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = rest[rest.index(after: equals)...]
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst()
                let end = value.firstIndex(of: quote) ?? value.endIndex
                result[key] = String(value[..<end])
                rest = end < value.endIndex ? value[value.index(after: end)...] : ""
            } else {
                let end = value.firstIndex(of: " ") ?? value.endIndex
                result[key] = String(value[..<end])
                rest = value[end...]
            }
        }
        return result
    }

    /// The content up to `[/name]` and what follows it; without a closing tag the shortcode
    /// closes itself and encloses nothing.
    private static func enclosed(_ text: Substring, name: String) -> (String, Substring) {
        guard let close = text.range(of: "[/\(name)]", options: .caseInsensitive) else { return ("", text) }
        return (String(text[..<close.lowerBound]), text[close.upperBound...])
    }

    private static func escapedAttribute(_ text: String) -> String {
        escapedText(text).replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func escapedText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

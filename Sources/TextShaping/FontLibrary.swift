internal import CPango
import Foundation

/// The fonts Gazette may use: exactly those in one folder, through a private fontconfig
/// configuration, so output never depends on what the machine has installed.
///
/// Owns the Pango font map and context; neither escapes this module.
final class FontLibrary {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    init(fontDirectory: String) throws {
        let config = try Self.configuration(fontDirectory: fontDirectory)

        // Pango's FreeType back end, not its cairo one: layout never touches cairo, whose font
        // caches are not safe to use from two threads (ArticleFlows composes on two).
        guard let map = pango_ft2_font_map_new() else { throw ShapingError.fontconfig("no FreeType font map") }
        pango_fc_font_map_set_config(gazette_fc_font_map(map), config)
        pango_fc_font_map_set_default_substitute(gazette_fc_font_map(map), gazette_unhinted, nil, nil)
        // Pango's default is 96 dpi: at 72, a 10 pt font is 10 units on the page.
        pango_ft2_font_map_set_resolution(gazette_ft2_font_map(map), 72, 72)
        fontMap = map

        guard let ctx = pango_font_map_create_context(map) else {
            g_object_unref(map)
            throw ShapingError.fontconfig("no Pango context")
        }
        // Unrounded positions, so what is measured here is what the PDF draws.
        pango_context_set_round_glyph_positions(ctx, 0)
        context = ctx
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// Guards `configurations`: one fontconfig configuration per font folder, made once per
    /// process and never destroyed. Each configuration made and destroyed leaves about half
    /// a kilobyte allocated (heaptrack), which `gazette serve`, making two libraries per
    /// build, would feel over thousands of builds. A built configuration is only read, and
    /// fontconfig is safe to read from two threads; the font maps, which are not, stay one
    /// per library.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var configurations: [String: OpaquePointer] = [:]

    private static func configuration(fontDirectory: String) throws -> OpaquePointer {
        try lock.withLock {
            if let known = configurations[fontDirectory] { return known }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fontDirectory, isDirectory: &isDirectory),
                  isDirectory.boolValue else {
                throw ShapingError.fontDirectoryMissing(fontDirectory)
            }
            guard let config = FcConfigCreate() else { throw ShapingError.fontconfig("could not create a configuration") }
            // An empty configuration has no cache directory; without one fontconfig complains on stderr.
            let xml = "<?xml version=\"1.0\"?><fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>"
            _ = xml.withCString { FcConfigParseAndLoadFromMemory(config, $0, 1) }
            let added = fontDirectory.withCString { path in
                path.withMemoryRebound(to: UInt8.self, capacity: strlen(path) + 1) { FcConfigAppFontAddDir(config, $0) }
            }
            guard added != 0 else {
                FcConfigDestroy(config)
                throw ShapingError.fontconfig("could not add fonts from '\(fontDirectory)'")
            }
            configurations[fontDirectory] = config
            return config
        }
    }
}

/// Why text could not be set up.
public enum ShapingError: Error, CustomStringConvertible {
    case fontDirectoryMissing(String)
    case fontconfig(String)

    public var description: String {
        switch self {
        case .fontDirectoryMissing(let path): "font folder '\(path)' not found"
        case .fontconfig(let message): "fontconfig: \(message)"
        }
    }
}

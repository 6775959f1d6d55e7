import Foundation

/// Where the bundled fonts and layouts are: `GAZETTE_HOME`, else the first folder holding
/// `Fonts/` found walking up from the executable (a checkout's build folder), else
/// `PREFIX/share/gazette` beside an installed binary (`make install` puts the binary in
/// `PREFIX/bin` and the resources there), so `gazette` works from any folder.
struct Resources {
    var home: String
    var fonts: String { home + "/Fonts" }
    var layouts: String { home + "/Layouts" }
    /// US English hyphenation patterns, from Debian's hyphen-en-us.
    var englishHyphenation: String { layouts + "/hyphenation/hyph_en_US.dic" }

    /// - Throws: `InternalError` (exit 70) when no resources are found, or when
    ///   `GAZETTE_HOME` is set to a folder without fonts: a silent fallback would hide the typo.
    static func locate() throws -> Resources {
        if let home = ProcessInfo.processInfo.environment["GAZETTE_HOME"], !home.isEmpty {
            guard hasFonts(home) else {
                throw InternalError("GAZETTE_HOME is '\(home)', which holds no Fonts/NotoSerif-Regular.ttf; point it at the folder that holds Fonts/ and Layouts/, or unset it")
            }
            return Resources(home: home)
        }
        var folder = executable().deletingLastPathComponent()
        for _ in 0..<6 {
            if hasFonts(folder.path) { return Resources(home: folder.path) }
            let shared = folder.appendingPathComponent("share/gazette").path
            if hasFonts(shared) { return Resources(home: shared) }
            folder = folder.deletingLastPathComponent()
        }
        throw InternalError("cannot find Gazette's fonts next to '\(executable().path)' or in PREFIX/share/gazette; run `make install`, or set GAZETTE_HOME to the folder that holds Fonts/")
    }

    private static func hasFonts(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/Fonts/NotoSerif-Regular.ttf")
    }

    /// The running executable with symbolic links resolved. `argv[0]` is only a name when
    /// the binary was found on `PATH`, so ask the kernel first.
    private static func executable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath()
        }
        if let path = Bundle.main.executablePath {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath()
        }
        let name = CommandLine.arguments.first ?? "gazette"
        if !name.contains("/") {
            let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return URL(fileURLWithPath: "\(folder)/\(name)").resolvingSymlinksInPath()
            }
        }
        return URL(fileURLWithPath: name).resolvingSymlinksInPath()
    }
}

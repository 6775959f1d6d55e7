import ArgumentParser
import Foundation

/// Where the bundled fonts (and later the layouts) are: `GAZETTE_HOME`, else the first
/// folder holding `Fonts/` found walking up from the executable (a checkout's build
/// folder), else `PREFIX/share/gazette` beside an installed binary.
struct Resources {
    var home: String
    var fonts: String { home + "/Fonts" }
    var layouts: String { home + "/Layouts" }

    static func locate() throws -> Resources {
        let fileManager = FileManager.default
        func hasFonts(_ folder: String) -> Bool { fileManager.fileExists(atPath: folder + "/Fonts/NotoSerif-Regular.ttf") }
        if let home = ProcessInfo.processInfo.environment["GAZETTE_HOME"], hasFonts(home) { return Resources(home: home) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            if hasFonts(folder.path) { return Resources(home: folder.path) }
            let shared = folder.appendingPathComponent("share/gazette").path
            if hasFonts(shared) { return Resources(home: shared) }
            folder = folder.deletingLastPathComponent()
        }
        throw ValidationError("cannot find Gazette's fonts; set GAZETTE_HOME to the folder that holds Fonts/")
    }
}

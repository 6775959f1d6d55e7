import ArgumentParser
import Foundation
import LayoutSpec

/// `gazette layouts`: the layouts there are, and any one of them resolved.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the layouts, or show one with everything it inherits.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One layout per line: its name, then what it is for.")

        @Option(help: "Also list the layouts in this digest's layouts/ folder.")
        var digest: String?

        func run() throws {
            let library = LayoutOptions.library(digestFolder: digest, resources: try Resources.locate(), families: nil)
            let layouts = library.available()
            let width = layouts.map(\.name.count).max() ?? 0
            for layout in layouts {
                print(layout.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + layout.description)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a layout fully resolved, as YAML.")

        @Argument(help: "A layout name or a path to a .yaml file.")
        var name: String

        @Option(help: "Look in this digest's layouts/ folder first.")
        var digest: String?

        @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Override one key, as with build.", valueName: "key=value"))
        var set: [String] = []

        func run() throws {
            let library = LayoutOptions.library(digestFolder: digest, resources: try Resources.locate(), families: nil)
            let (yaml, diagnostics) = library.resolvedYAML(name, overrides: set)
            report(diagnostics)
            guard let yaml else { throw ExitStatus.inputError }
            print(yaml, terminator: "")
        }
    }
}

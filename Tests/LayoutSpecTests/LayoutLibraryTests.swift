import DigestReader
import Foundation
import Geometry
import LayoutSpec
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The families in `Fonts/`, as fontconfig names them.
let bundledFamilies: Set<String> = [
    "Noto Serif", "Noto Sans", "Noto Sans Mono", "Noto Serif Devanagari", "Noto Sans Devanagari",
    "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Symbols2", "Symbola",
]

/// A folder of layout files written for one test.
struct LayoutFolder {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "gazette-layouts-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
    }

    /// A library that looks here first, then in the repository's `Layouts/`.
    var library: LayoutLibrary {
        LayoutLibrary(folders: [path, repositoryRoot + "/Layouts"], knownFamilies: bundledFamilies,
                      imageProbe: { ImageProbe.probe(path: $0) })
    }

    func errors(loading name: String, overrides: [String] = []) -> [String] {
        library.load(name, overrides: overrides).1.map(\.description)
    }
}

@Suite struct LayoutLibraryTests {
    let shipped = LayoutLibrary(folders: [repositoryRoot + "/Layouts"], knownFamilies: bundledFamilies,
                                imageProbe: { ImageProbe.probe(path: $0) })

    @Test func fiveDesignsShipAndEachLoadsCleanly() {
        let names = shipped.available().map(\.name)
        #expect(names == ["compact", "handout", "large-print", "monthly", "print-bw"])
        for name in names {
            let (spec, diagnostics) = shipped.load(name)
            #expect(spec != nil && diagnostics.isEmpty, "\(name): \(diagnostics)")
            #expect(spec?.summary.isEmpty == false)
        }
    }

    @Test func theDesignsKeepTheirPromises() throws {
        let compact = try #require(shipped.load("compact").0)
        #expect(compact.page.columns == 3)
        let large = try #require(shipped.load("large-print").0)
        #expect(large.text.size >= .pt(18))
        #expect(abs(large.text.leading / large.text.size - 1.5) < 0.01)
        #expect(!large.text.justify && large.page.columns == 1)
        #expect(large.fonts.body.hasPrefix("Noto Sans,"))
        let handout = try #require(shipped.load("handout").0)
        #expect(handout.page.columns == 1)
        let bw = try #require(shipped.load("print-bw").0)
        #expect(bw.table.headerFill == nil && bw.table.zebraFill == nil && !bw.callout.tinted && !bw.cover.band)
        let colours = [bw.colors.brand, bw.colors.accent, bw.colors.text, bw.colors.muted, bw.colors.rule, bw.colors.link]
            + Array(bw.callout.accents.values)
        #expect(colours.allSatisfy { $0.red == $0.green && $0.green == $0.blue }, "print-bw has no colour")
    }

    @Test func aLayoutThatExtendsMonthlyChangesOnlyWhatItSays() throws {
        let folder = try LayoutFolder(["letter.yaml": "extends: monthly\npage: {size: Letter}\ncolumns: {count: 1}\n"])
        let spec = try #require(folder.library.load(folder.path + "/letter.yaml").0)
        let monthly = try #require(shipped.load("monthly").0)
        #expect(spec.page.size == PaperSize.letter)
        #expect(spec.page.columns == 1)
        #expect(spec.page.margins == monthly.page.margins)
        #expect(spec.text == monthly.text)
        #expect(spec.name == "letter")
    }

    @Test func overridesFromTheCommandLineWin() throws {
        let (spec, diagnostics) = shipped.load("monthly", overrides: ["page.size=A5", "columns.count=1", "text.justify=false"])
        #expect(diagnostics.isEmpty)
        #expect(spec?.page.size == PaperSize.a5)
        #expect(spec?.page.columns == 1)
        #expect(spec?.text.justify == false)
        #expect(shipped.load("monthly", overrides: ["page.size=B7"]).1.map(\.description) == [
            "--set page.size=B7:1:1: error: unknown page size 'B7'; use A4, A5, Letter, Legal, or a width x height such as 210mm x 297mm",
        ])
    }

    @Test func pageSizesInUnitsAndLandscape() throws {
        let (spec, _) = shipped.load("monthly", overrides: ["page.size=8in x 10in", "page.orientation=landscape"])
        #expect(spec?.page.size == Size(width: .inch(10), height: .inch(8)))
    }

    @Test func aMisspeltKeyIsReportedWhereItIsWithTheKeyItMeant() throws {
        let folder = try LayoutFolder(["typo.yaml": "extends: monthly\ncolums:\n  count: 1\ntext:\n  leadin: 14pt\n"])
        #expect(folder.errors(loading: "typo") == [
            "\(folder.path)/typo.yaml:2:1: error: unknown layout key 'colums'; did you mean 'columns'?",
            "\(folder.path)/typo.yaml:5:3: error: unknown layout key 'text.leadin'; did you mean 'leading'?",
        ])
    }

    @Test func aLanguageIsLaidOverTheLayoutOnlyForDigestsInIt() throws {
        let folder = try LayoutFolder(["two.yaml": """
            extends: monthly
            languages:
              ta:
                strings: {contents: பொருளடக்கம், months: [ஜனவரி, பிப்ரவரி, மார்ச், ஏப்ரல், மே, ஜூன், ஜூலை, ஆகஸ்ட், செப்டம்பர், அக்டோபர், நவம்பர், டிசம்பர்]}
                text: {size: 10pt}
            """])
        let english = try #require(folder.library.load("two", language: "en").0)
        #expect(english.strings.contents == "Contents" && english.text.size == .pt(9.5))
        let tamil = try #require(folder.library.load("two", language: "ta-IN").0)
        #expect(tamil.strings.contents == "பொருளடக்கம்" && tamil.text.size == .pt(10))
        // Hindi comes from monthly; an article in Tamil inside the English digest gets Tamil dates.
        #expect(english.strings(for: "hi").contents == "विषय-सूची")
        #expect(english.strings(for: "ta").format(year: 2024, month: 6, day: 21) == "21 ஜூன் 2024")
        #expect(english.strings(for: "fr").contents == "Contents")
        #expect(english.calloutLabel("exam", language: "hi") == "परीक्षा दृष्टि")
        #expect(english.calloutLabel("exam", language: "en") == "Exam Focus")
        // --set wins over the language's keys.
        let set = try #require(folder.library.load("two", overrides: ["text.size=11pt"], language: "ta").0)
        #expect(set.text.size == .pt(11))
    }

    @Test func mistakesInALanguageAreReportedWhateverTheDigestsLanguage() throws {
        let folder = try LayoutFolder(["lang.yaml": """
            extends: monthly
            languages:
              hi:
                strings: {contnts: सूची, months: [जनवरी]}
            """, "flat.yaml": "extends: monthly\nlanguages: [hi]\n"])
        #expect(folder.errors(loading: "lang") == [
            "\(folder.path)/lang.yaml:4:15: error: unknown layout key 'strings.contnts'; did you mean 'contents'?",
            "\(folder.path)/lang.yaml:4:38: error: 'strings.months' must name the twelve months, January first; it has 1",
        ])
        #expect(folder.errors(loading: "flat") == [
            "\(folder.path)/flat.yaml:2:12: error: 'languages' must map language codes to layout keys; for example languages: {hi: {strings: {contents: विषय-सूची}}}",
        ])
    }

    @Test func wrongTypesAndUnitsAreReportedAtTheValue() throws {
        let folder = try LayoutFolder(["bad.yaml": """
            extends: monthly
            text:
              size: 12 px
              justify: sometimes
            columns:
              count: many
            colors:
              brand: blue
            """])
        #expect(folder.errors(loading: "bad") == [
            "\(folder.path)/bad.yaml:3:9: error: '12 px' is not a length; write a number with a unit: pt, mm, cm or in (12pt, 20mm, 0.5in)",
            "\(folder.path)/bad.yaml:4:12: error: 'text.justify' must be true or false, not 'sometimes'",
            "\(folder.path)/bad.yaml:6:10: error: 'columns.count' must be a whole number from 1 to 6, not 'many'",
            "\(folder.path)/bad.yaml:8:10: error: 'blue' is not a colour; write it as \"#RRGGBB\", in quotes",
        ])
    }

    @Test func anUnknownFontFamilyIsNamedWithTheClosestOne() throws {
        let folder = try LayoutFolder(["fonts.yaml": "extends: monthly\nfonts:\n  body: [Noto Serf]\n"])
        #expect(folder.errors(loading: "fonts") == [
            "\(folder.path)/fonts.yaml:3:10: error: unknown font family 'Noto Serf'; did you mean 'Noto Serif'?",
        ])
    }

    @Test func aMissingLogoIsAnError() throws {
        let folder = try LayoutFolder(["logo.yaml": "extends: monthly\ncover:\n  logo: brand/logo.png\n"])
        #expect(folder.errors(loading: "logo") == [
            "\(folder.path)/logo.yaml:3:9: error: logo 'brand/logo.png' not found; give a PNG, JPEG or SVG path relative to the layout file, or none",
        ])
    }

    @Test func extendsInACircleIsAnError() throws {
        let folder = try LayoutFolder(["a.yaml": "extends: b\n", "b.yaml": "extends: a\n"])
        let errors = folder.errors(loading: "a")
        #expect(errors == ["\(folder.path)/b.yaml:1:10: error: layouts extend each other in a cycle: a → b → a; remove one of the 'extends' lines"])
    }

    @Test func aYAMLSyntaxErrorPointsIntoTheFile() throws {
        let folder = try LayoutFolder(["broken.yaml": "extends: monthly\npage:\n  size: [A4\n"])
        let errors = folder.errors(loading: "broken")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(folder.path)/broken.yaml:4:1: error: invalid YAML") == true, "\(errors)")
    }

    @Test func aDigestsOwnLayoutOverridesTheBundledOneOfTheSameName() throws {
        let folder = try LayoutFolder(["monthly.yaml": "extends: monthly\ncolumns: {count: 3}\n"])
        let spec = try #require(folder.library.load("monthly").0)
        #expect(spec.page.columns == 3)
    }

    @Test func anUnknownLayoutNameSuggestsTheNearestOne() {
        #expect(shipped.load("compakt").1.map(\.description) == ["error: no layout named 'compakt'; did you mean 'compact'?"])
    }

    @Test func theResolvedLayoutReadsBackAsTheSameLayout() throws {
        let (yaml, _) = shipped.resolvedYAML("compact")
        let text = try #require(yaml)
        #expect(!text.contains("extends"))
        let folder = try LayoutFolder(["resolved.yaml": text])
        let again = folder.library.load(folder.path + "/resolved.yaml").0
        var expected = try #require(shipped.load("compact").0)
        expected.name = "resolved"
        #expect(again == expected)
    }
}

@Suite struct BrandingKeyTests {
    @Test func aQRCodeTooSmallToScanIsAnError() throws {
        let folder = try LayoutFolder(["tiny.yaml": "extends: monthly\narticle:\n  qr-code: yes\n  qr-size: 20pt\n"])
        #expect(folder.errors(loading: "tiny") == [
            "\(folder.path)/tiny.yaml:4:12: error: 'article.qr-size' must be at least 36pt, not '20pt'; a smaller code cannot be scanned reliably",
        ])
        #expect(folder.errors(loading: "monthly", overrides: ["article.qr-code=maybe"]).count == 1)
    }
}

extension BrandingKeyTests {
    @Test func outputSettingsAreReadAndChecked() throws {
        let folder = try LayoutFolder(["screen.yaml": """
            extends: monthly
            output: {image-resolution: 300ppi, jpeg-quality: 70, size-budget: 800KB}
            """, "bad.yaml": """
            extends: monthly
            output: {image-resolution: 10, size-budget: lots}
            """])
        let spec = try #require(folder.library.load("screen").0)
        #expect(spec.output == OutputSpec(imageResolution: 300, jpegQuality: 70, sizeBudget: 800 * 1024))
        let monthly = try #require(folder.library.load("monthly").0)
        #expect(monthly.output.imageResolution == 150 && monthly.output.sizeBudget == 1_572_864)
        #expect(folder.library.load("monthly", overrides: ["output.image-resolution=none"]).0?.output.imageResolution == nil)
        #expect(folder.errors(loading: "bad") == [
            "\(folder.path)/bad.yaml:2:28: error: 'output.image-resolution' must be pixels per inch from 36 to 2400, or none, not '10'; 150 suits screens, 300 print",
            "\(folder.path)/bad.yaml:2:45: error: 'lots' is not a file size; write it as 1.5MB or 800KB, or none",
        ])
    }
}

extension BrandingKeyTests {
    @Test func editionsAreNamedAndEachIsCheckedLikeTheLayout() throws {
        let folder = try LayoutFolder(["two.yaml": """
            extends: monthly
            editions:
              screen: {output.image-resolution: 150}
              print: {output.image-resolution: 300, colors.link: "#000000"}
            """, "bad.yaml": """
            extends: monthly
            editions:
              print: {output.image-resolutin: 300}
            """])
        let spec = try #require(folder.library.load("two").0)
        #expect(spec.editions == ["screen", "print"])
        #expect(spec.output.imageResolution == 150)
        let print = try #require(folder.library.load("two", edition: "print").0)
        #expect(print.output.imageResolution == 300 && print.colors.link == Color(hex: "#000000"))
        #expect(folder.library.load("monthly").0?.editions == [])
        #expect(folder.errors(loading: "bad") == [
            "\(folder.path)/bad.yaml:3:35: error: unknown layout key 'output.image-resolutin'; did you mean 'image-resolution'?",
        ])
        #expect(folder.library.load("two", edition: "proof").1.map(\.description) == [
            "error: the layout 'two' has no edition 'proof'; its editions are 'screen' and 'print'",
        ])
    }
}

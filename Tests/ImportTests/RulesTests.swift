import Diagnostics
import Foundation
import Testing
@testable import Import

@Suite struct RulesTests {
    @Test func theDefaultsDropTheSeedsBoilerplateAndNothingLikeProse() {
        let rules = ImportRules.defaults
        for line in ["To Download Monthly Current Affairs PDF Click here", "Click here to get a free demo",
                     "Discover all about CLAT Exam", "View All", "  view all  "] {
            #expect(rules.drops(line), "\(line)")
        }
        for line in ["Conclusion", "The pact alarms NATO allies.", "Viewers were told to click here first, officials said, but few did."] {
            #expect(!rules.drops(line), "\(line)")
        }
    }

    @Test func anEditorsFileAddsPatternsAndMapsCategories() throws {
        let rules = try ImportRules.read(file: "import.yaml", text: """
            drop:
              - "Download our app*"
            sections:
              Polity: National
              World: International Relations
            default-section: Miscellany
            """)
        #expect(rules.drops("Download our app for daily quizzes"))
        #expect(rules.drops("View All"))
        #expect(rules.section(forCategory: "polity") == "National")
        #expect(rules.defaultSection == "Miscellany")
        #expect(WordPressExport.section(for: ["Uncategorized"], rules: rules) == "Miscellany")
        #expect(WordPressExport.orderedSections(["Sports", "International Relations", "National"], rules: rules)
                == ["National", "International Relations", "Sports"])
    }

    @Test func theStarterFileReadsAsTheDefaults() throws {
        #expect(try ImportRules.read(file: "import.yaml", text: ImportRules.starterFile) == .defaults)
    }

    @Test func aMistakeInTheFileNamesItsLineAndColumn() {
        #expect(throws: DiagnosticError.self) { try ImportRules.read(file: "import.yaml", text: "drop: [\n") }
        do {
            _ = try ImportRules.read(file: "import.yaml", text: "drop: []\nsection:\n  A: B\n")
            Issue.record("an unknown key was accepted")
        } catch let error as DiagnosticError {
            #expect(error.description == "import.yaml:2:1: error: unknown key 'section' in import.yaml; did you mean 'sections'?")
        } catch {
            Issue.record("\(error)")
        }
    }
}

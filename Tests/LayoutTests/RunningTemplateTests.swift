import Testing
@testable import Layout

/// Header and footer slots are split into text and placeholders once per layout.
@Suite struct RunningTemplateTests {
    let values = RunningValues(title: "The {page} Brief", edition: "June 2024", section: "NATIONAL",
                               publisher: "", page: "7", pages: "23")

    @Test func placeholdersAreFilledAndTheResultTrimmed() {
        #expect(RunningTemplate("{title}  ·  {edition}").filled(with: values) == "The {page} Brief  ·  June 2024")
        #expect(RunningTemplate("Page {page} of {pages}").filled(with: values) == "Page 7 of 23")
        #expect(RunningTemplate("  {publisher}  {section}").filled(with: values) == "NATIONAL")
        #expect(RunningTemplate("").filled(with: values) == "")
    }

    @Test func bracesThatAreNoPlaceholderStayAsWritten() {
        #expect(RunningTemplate("{pages}{page}{{section}}{pag{page}e} {nothing").filled(with: values)
            == "237{NATIONAL}{pag7e} {nothing")
    }
}

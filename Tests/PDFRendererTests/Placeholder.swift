import Testing

@Test func placeholderPDFRendererTests() { #expect(Bool(true)) }

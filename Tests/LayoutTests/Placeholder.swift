import Testing

@Test func placeholderLayoutTests() { #expect(Bool(true)) }

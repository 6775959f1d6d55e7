import Testing

@Test func placeholderDigestReaderTests() { #expect(Bool(true)) }

import Testing
@testable import SpecParser

@Suite("Fact sentences in descriptions")
struct DescriptionFactsTests {
    @Test func enumAndDefault() {
        let (text, facts) = DescriptionFacts.extract(from: "Sort order. Defaults to `desc`. Enum: 'asc', 'desc'. Default: `desc`.")
        #expect(text == "Sort order. Defaults to `desc`.")
        #expect(facts.enumValues == [.quoted("asc"), .quoted("desc")])
        #expect(facts.defaultLiteral == "desc")
        #expect(!facts.deprecated)
    }

    @Test func numericEnum() {
        let (text, facts) = DescriptionFacts.extract(from: "The sample rate of the audio. Always `24000`. Enum: 24000.")
        #expect(text == "The sample rate of the audio. Always `24000`.")
        #expect(facts.enumValues == [.bare("24000")])
    }

    @Test func enumValueWithApostropheAndPeriods() {
        let (_, facts) = DescriptionFacts.extract(from: "Enum: 'it's', 'gpt-4.1', 'a, b'.")
        #expect(facts.enumValues == [.quoted("it's"), .quoted("gpt-4.1"), .quoted("a, b")])
    }

    @Test func trailingDeprecated() {
        let (text, facts) = DescriptionFacts.extract(from: "A stable identifier.\nUsed for caching. Deprecated.")
        #expect(facts.deprecated)
        #expect(text == "A stable identifier.\nUsed for caching.")
        // "Deprecated and replaced by" is prose, not the marker.
        #expect(!DescriptionFacts.extract(from: "Deprecated and replaced by `tools`.").facts.deprecated)
    }

    @Test func boundsExtension() {
        let (text, facts) = DescriptionFacts.extract(
            from: "Maximum number of items. Minimum: 0. Maximum: 100. Minimum length: 1. Maximum length: 512. Minimum items: 2. Maximum items: 8.")
        #expect(text == "Maximum number of items.")
        #expect(facts.bounds == [.minimum: "0", .maximum: "100", .minimumLength: "1", .maximumLength: "512",
                                 .minimumItems: "2", .maximumItems: "8"])
    }

    @Test func enumAtTheEndOfANestedBullet() {
        let description = "The tool type.\n\nAllowed values are:\n- `file_search`\n- `image_generation` Enum: 'file_search', 'image_generation'."
        let (text, facts) = DescriptionFacts.extract(from: description)
        #expect(facts.enumValues == [.quoted("file_search"), .quoted("image_generation")])
        #expect(text == "The tool type.\n\nAllowed values are:\n- `file_search`\n- `image_generation`")
    }

    @Test("prose that only looks like a fact is kept", arguments: [
        "Maximum number of output tokens.",
        "Enum: without quotes.",
        "Default: not in backticks.",
        "The Default: `x` inside a word-Default: `y`",
        "NotDeprecated.",
    ])
    func proseIsKept(text: String) {
        let (kept, facts) = DescriptionFacts.extract(from: text)
        #expect(facts.enumValues == nil)
        #expect(facts.bounds.isEmpty)
        #expect(!facts.deprecated)
        #expect(kept == text)
    }
}

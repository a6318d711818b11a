import Testing
import SpecModel
@testable import SpecParser

/// A member typed non-null whose description says it can be null is nullable, with a warning at its line and
/// the docs' own word kept beside the correction.
@Suite("Nullable in prose")
struct NullableInProseTests {
    @Test(arguments: [
        "Details on why the run is incomplete. Will be `null` if the run is not incomplete.",
        "The last error. Can be null.",
        "Optional title. Defaults to null when no title has been generated.",
        "The expiry time, or `null` if the key never expires.",
        "The file's purpose, otherwise null.",
        "`null` if the object was not deleted.",
        "The value is null when nothing matched.",
    ])
    func phrasesThatSayTheMemberCanBeNull(_ description: String) {
        #expect(NullableInProse.says(description))
    }

    @Test(arguments: [
        "Identifier of the thread.",
        "A non-null identifier.",
        "Cannot be null.",
        "This value is never null.",
        "Used only when `parent` is null.",
        "Set to `none` to disable; must not be null.",
        "The nullable flag of the column.",
    ])
    func phrasesThatDoNot(_ description: String) {
        #expect(!NullableInProse.says(description))
    }

    @Test func theMemberIsNullableAndTheLintSaysWhere() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `last_error` (object, required): The last error. Will be `null` if there are no errors.
              - `code` (string, required): The error code.
            - `id` (string, required): Identifier. Never null.
            - `title` (string | null, required): Title, or null if none.
            """, diagnostics: &diagnostics)

        #expect(fields[0].schema.nullable && fields[0].schema.nullableFromDescription)
        #expect(!fields[1].schema.nullable)
        // Already nullable: nothing to correct.
        #expect(fields[2].schema.nullable && !fields[2].schema.nullableFromDescription)
        let corrections = diagnostics.filter { $0.kind == .correctedFact }
        #expect(corrections.count == 1)
        #expect(corrections.first?.severity == .warning)
        #expect(corrections.first?.location == fields[0].location)
        #expect(corrections.first?.message.contains("`last_error` is documented as non-null") == true)
    }
}

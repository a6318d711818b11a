import Testing
@testable import SpecParser

@Suite("Type expressions")
struct TypeExpressionTests {
    @Test("valid expressions", arguments: [
        ("string", TypeExpression.named("string")),
        ("integer | null", .union([.named("integer"), .null])),
        ("array<object>", .array(.named("object"))),
        ("array<array<integer>>", .array(.array(.named("integer")))),
        ("string | array<string | object> | null",
         .union([.named("string"), .array(.union([.named("string"), .named("object")])), .null])),
        ("string | null | null", .union([.named("string"), .null, .null])),
        ("array < string >", .array(.named("string"))),
    ])
    func parses(text: String, expected: TypeExpression) throws {
        #expect(try TypeExpression.parse(text).get() == expected)
    }

    @Test func alternativesDropNullAndDuplicates() throws {
        let type = try TypeExpression.parse("string | null | string | array<integer> | null").get()
        #expect(type.isNullable)
        #expect(type.alternatives == [.named("string"), .array(.named("integer"))])
        #expect(try !TypeExpression.parse("object").get().isNullable)
    }

    @Test("malformed expressions", arguments: [
        ("strang", 0, "unknown type 'strang'"),
        ("array<string", 12, "expected '>'"),
        ("string |", 8, "expected a type name"),
        ("array<>", 6, "expected a type name"),
        ("", 0, "expected a type name"),
        ("string object", 7, "unexpected 'o'"),
        ("map<string>", 0, "unknown type 'map'"),
    ])
    func rejects(text: String, offset: Int, message: String) {
        guard case .failure(let error) = TypeExpression.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(error.offset == offset)
        #expect(error.message.contains(message))
    }
}

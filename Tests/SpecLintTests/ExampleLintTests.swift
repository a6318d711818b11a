import Foundation
import JSONSyntax
import Testing
import SpecModel
import SpecParser
@testable import SpecLint

@Suite("Example lint")
struct ExampleLintTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed's own retrieve page: its `#### Response` example has `items`, which the schema lacks,
    /// and lacks `created_at`, `status` and `user`, which the schema requires.
    @Test func seedRetrieveExampleIsReported() throws {
        let path = "chatkit/threads/retrieve.md"
        let text = try String(contentsOf: Self.root.appendingPathComponent("Specs/\(path)"), encoding: .utf8)
        let spec = SpecAssembler.assemble([SpecFile(path: path, text: text)])
        let diagnostics = ExampleLint.diagnostics(for: spec).filter { $0.severity == .warning }
        let messages = diagnostics.map(\.message)
        #expect(diagnostics.count == 4)
        for key in ["created_at", "status", "user"] {
            #expect(messages.contains("response example 'Retrieve a thread by ID' does not match its schema: $: missing required key '\(key)'"))
        }
        let unknown = try #require(diagnostics.first { $0.message.contains("key 'items' is not in the schema") })
        #expect(unknown.location == SourceLocation(file: path, line: 82, column: 3))
        #expect(unknown.kind == .nonConformingExample)
        // The schema example under `## Responses` conforms.
        #expect(!diagnostics.contains { $0.location.line < 60 })
    }

    func schema(_ fields: String) throws -> Schema {
        let page = "# The thing object\n\n## Properties\n\(fields)\n"
        let (parsed, diagnostics) = PageParser.parse(page, path: "t.md")
        #expect(diagnostics.isEmpty)
        guard case .object(let object)? = parsed else { throw CancellationError() }
        return object.schema
    }

    func mismatches(_ json: String, _ schema: Schema) throws -> [String] {
        SchemaValidator.mismatches(of: try JSONParser.parse(json), against: schema).map(\.message)
    }

    @Test func typesNullsAndEnums() throws {
        let thing = try schema("""
            - `id` (string, required)
            - `count` (integer, optional)
            - `ratio` (number, optional)
            - `note` (string | null, required)
            - `order` (string, optional): Enum: 'asc', 'desc'.
            - `rate` (integer, optional): Enum: 24000.
            - `tags` (array<string>, optional)
            - `metadata` (object | null, optional)
            """)
        #expect(try mismatches(#"{"id": "a", "note": null, "count": 3, "ratio": 2, "metadata": {"x": [1]}}"#, thing).isEmpty)
        #expect(try mismatches(#"{"id": 1, "note": "n", "count": 1.5, "ratio": "x"}"#, thing) == [
            "$.id: expected string, found integer",
            "$.count: expected integer, found number",
            "$.ratio: expected number, found string",
        ])
        #expect(try mismatches(#"{"id": null, "note": "n", "order": "up", "rate": 24000.0, "tags": ["a", 2]}"#, thing) == [
            "$.id: null, but the schema is not nullable",
            #"$.order: "up" is not one of "asc", "desc""#,
            "$.tags[1]: expected string, found integer",
        ])
        #expect(try mismatches(#"{"note": "n", "extra": true}"#, thing) == [
            "$: missing required key 'id'",
            "$.extra: key 'extra' is not in the schema",
        ])
    }

    @Test func aMemberTheExampleSpellsOtherwiseIsOneFindingNamingBothLines() throws {
        let usage = try schema("""
            - `object` (string, required)
            - `result` (array<object>, required): The results.
              - Items:
                - `amount` (number, required)
            - `count` (integer, required)
            """)
        // `results` in the example, `result` in the list, the value fits: one finding, with the field's line.
        #expect(try mismatches(#"{"object": "page", "results": [{"amount": 1}], "count": 2}"#, usage) == [
            "$.results: the example says 'results' where the field list says 'result' (t.md:5)",
        ])
        // A value that does not fit the field is two findings, as before: not the same member.
        #expect(try mismatches(#"{"object": "page", "results": "x", "count": 2}"#, usage) == [
            "$: missing required key 'result'",
            "$.results: key 'results' is not in the schema",
        ])
        // Names further apart are not a rename.
        #expect(try mismatches(#"{"object": "page", "outcome": [], "count": 2}"#, usage) == [
            "$: missing required key 'result'",
            "$.outcome: key 'outcome' is not in the schema",
        ])
        #expect(SchemaValidator.nearNames("result", "results") && SchemaValidator.nearNames("colour", "color"))
        #expect(!SchemaValidator.nearNames("id", "ids") && !SchemaValidator.nearNames("type", "type"))
    }

    @Test func unionsChooseTheVariantTheDiscriminatorNames() throws {
        let thing = try schema("""
            - `status` (object, required)
              - Variant (object):
                - `type` (string, required): Enum: 'active'.
              - Variant (object):
                - `type` (string, required): Enum: 'locked'.
                - `reason` (string | null, required)
            - `voice` (string | object, optional)
              - Variant (object):
                - `id` (string, required)
            """)
        #expect(try mismatches(#"{"status": {"type": "active"}, "voice": "alloy"}"#, thing).isEmpty)
        #expect(try mismatches(#"{"status": {"type": "locked", "reason": null}, "voice": {"id": "v"}}"#, thing).isEmpty)
        #expect(try mismatches(#"{"status": {"type": "locked"}}"#, thing) == ["$.status: missing required key 'reason'"])
        #expect(try mismatches(#"{"status": {"type": "paused"}, "voice": 3}"#, thing) == [
            "$.status: matches none of the 2 variants of the union",
            "$.voice: matches none of the 2 variants of the union",
        ])
    }

    @Test func truncatedSchemasAcceptUnlistedKeys() throws {
        let thing = try schema("""
            - `format` (object, optional)
              - `type` (string, required)
              - ...
            """)
        #expect(try mismatches(#"{"format": {"type": "x", "rate": 1}}"#, thing).isEmpty)
    }

    @Test func invalidJSONAndEventStreams() {
        let location = SourceLocation(file: "t.md", line: 10, column: 1)
        var broken = Example(role: .response, name: "Example", language: "json", code: "{\n  \"a\": 1,\n}\n", location: location)
        let finding = ExampleLint.check(broken, against: nil)
        let diagnostic = ExampleLint.diagnostics(for: finding)
        #expect(diagnostic.map(\.kind) == [.invalidExample])
        #expect(diagnostic.first?.location == SourceLocation(file: "t.md", line: 13, column: 1))

        broken.code = "data: {\"type\": \"delta\"}\n\ndata: [DONE]\n"
        #expect(ExampleLint.diagnostics(for: ExampleLint.check(broken, against: nil)).isEmpty)
    }
}

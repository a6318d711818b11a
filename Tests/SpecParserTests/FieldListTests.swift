import JSONSyntax
import Testing
import SpecModel
@testable import SpecParser

@Suite("Field lists")
struct FieldListTests {
    @Test func fieldLineParts() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `id` (string, required): Identifier of the thread.
            - `title` (string | null, required)
            - `order` (string, optional) Enum: 'asc', 'desc'. Default: `asc`.
            - `note` (string | null, optional): A note.
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fields.map(\.name) == ["id", "title", "order", "note"])
        #expect(fields.map(\.required) == [true, true, false, false])
        #expect(fields[0].schema.kind == .string && !fields[0].schema.nullable)
        #expect(fields[0].schema.description == "Identifier of the thread.")
        #expect(fields[1].schema.nullable && fields[1].schema.description == nil)
        // No colon after the parenthesis: the description starts right away.
        #expect(fields[2].schema.enumValues == ["asc", "desc"])
        #expect(fields[2].schema.defaultValue == "asc")
        #expect(fields[2].schema.description == nil)
        #expect(fields[3].schema.nullable && !fields[3].required)
        #expect(fields[0].location == SourceLocation(file: "test/page.md", line: 8, column: 3))  // the name
    }

    @Test func multiLineDescriptionWithBlankLinesCodeAndBullets() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `tools` (array<string>, optional): A list of tools the model may call.
              Second line of the first paragraph.

              For the Responses API, the list might look like:
              ```json
              [{ "type": "function" }]
              ```
              - **Built-in tools**: provided by OpenAI.
              - **Function calls**: your own code.
            - `next` (boolean, optional)
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fields.map(\.name) == ["tools", "next"])
        let description = fields[0].schema.description ?? ""
        #expect(description.hasPrefix("A list of tools the model may call.\nSecond line of the first paragraph.\n\nFor the Responses API"))
        #expect(description.contains("```json\n[{ \"type\": \"function\" }]\n```"))
        #expect(description.hasSuffix("- **Built-in tools**: provided by OpenAI.\n- **Function calls**: your own code."))
    }

    @Test func enumAtTheEndOfANestedDescriptionBulletBelongsToTheOwner() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `type` (string, required): The type of hosted tool.

              Allowed values are:
              - `file_search`
              - `image_generation` Enum: 'file_search', 'image_generation'.
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fields.count == 1)
        #expect(fields[0].schema.enumValues == ["file_search", "image_generation"])
        #expect(fields[0].schema.description?.hasSuffix("- `file_search`\n- `image_generation`") == true)
    }

    @Test func descriptionBulletThatLooksLikeAFieldIsDescription() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `quality` (string, optional): The quality.

              - `auto` (default value) will select the best quality.
              - `high` is supported. Enum: 'auto', 'high'.
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fields.map(\.name) == ["quality"])
        #expect(fields[0].schema.enumValues == ["auto", "high"])
        #expect(fields[0].schema.description?.contains("`auto` (default value) will select") == true)
    }

    @Test func discriminatedUnionOfVariants() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `status` (object, required): Current status.
              - Variant (object):
                - `type` (string, required): Always `active`. Enum: 'active'.
              - Variant (object):
                - `type` (string, required): Always `locked`. Enum: 'locked'.
                - `reason` (string | null, required)
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let status = fields[0].schema
        #expect(status.kind == .union)
        #expect(status.description == "Current status.")
        #expect(status.variants?.count == 2)
        #expect(status.variants?[0]["type"].constantValue == "active")
        #expect(status.variants?[1]["reason"].nullable == true)
        #expect(status.variants?[1].location.line == 11)
    }

    @Test func nullableObjectWithOneVariantIsAnObject() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `reasoning` (object | null, optional)
              - Variant (object):
                - `effort` (string | null, optional)
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fields[0].schema.kind == .object)
        #expect(fields[0].schema.nullable)
        #expect(fields[0].schema.properties?.map(\.name) == ["effort"])
    }

    @Test func stringOrObjectUnion() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `voice` (string | object, required): The voice.
              - Variant (object):
                - `id` (string, required): The custom voice ID.
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let voice = fields[0].schema
        #expect(voice.kind == .union)
        #expect(voice.variants?.map(\.kind) == [.string, .object])
        #expect(voice.variants?[1].properties?.map(\.name) == ["id"])
    }

    @Test func itemsTruncationAndOpenObjects() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `data` (array<object>, required): A list.
              - Items:
                - `id` (string, required)
            - `calls` (array<object>, optional)
              - Items:
                - ...
            - `unknown_elements` (array<object>, optional)
            - `metadata` (object | null, optional)
            - `format` (object, optional)
              - ...
            - `matrix` (array<array<integer>>, optional)
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let schema = Schema(.object, location: SourceLocation(file: "", line: 0), properties: fields)
        #expect(schema["data"].itemSchema?.properties?.map(\.name) == ["id"])
        #expect(schema["data"].itemSchema?.location.line == 9)
        #expect(schema["calls"].itemSchema?.kind == .any)
        #expect(schema["calls"].itemSchema?.truncated == true)
        #expect(schema["unknown_elements"].itemSchema?.kind == .any)
        #expect(schema["metadata"].kind == .object && schema["metadata"].properties == nil && schema["metadata"].nullable)
        #expect(schema["format"].kind == .any && schema["format"].truncated)
        #expect(schema["matrix"].itemSchema?.itemSchema?.kind == .integer)
    }

    @Test func typedDefaultsAndEnumsOnArrays() {
        var diagnostics: [Diagnostic] = []
        let fields = properties("""
            - `n` (integer, optional): Default: `1`.
            - `speed` (number, optional): Default: `1.5`.
            - `stream` (boolean, optional): Default: `False`.
            - `modalities` (array<string>, optional): Enum: 'text', 'audio'. Default: `['audio']`.
            - `stop` (string | null, optional): Default: `null`.
            """, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fields[0].schema.defaultValue == .number("1"))
        #expect(fields[1].schema.defaultValue == .number("1.5"))
        #expect(fields[2].schema.defaultValue == false)
        #expect(fields[3].schema.defaultValue == ["audio"])
        #expect(fields[3].schema.itemSchema?.enumValues == ["text", "audio"])
        #expect(fields[4].schema.defaultValue == .null)
    }

    @Test func factsThatDoNotFitTheTypeAreReported() {
        var diagnostics: [Diagnostic] = []
        _ = properties("""
            - `n` (integer, optional): Default: `many`.
            - `name` (string, optional): Minimum: 3.
            """, diagnostics: &diagnostics)
        #expect(diagnostics.map(\.kind) == [.invalidFact, .invalidFact])
        #expect(diagnostics.map(\.location.line) == [8, 9])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func bodyWithSchemaTypeMarker() {
        let page = endpointPage("""
            ## Responses
            ### 200
            OK
            #### application/octet-stream
            - Schema type: `string`
            """, path: "/v1/audio")
        let (parsed, diagnostics) = parsePage(page)
        #expect(diagnostics.isEmpty)
        guard case .endpoint(let endpoint)? = parsed else { Issue.record("not an endpoint"); return }
        #expect(endpoint.responses.first?.mediaType == "application/octet-stream")
        #expect(endpoint.responses.first?.schema?.kind == .string)
    }
}

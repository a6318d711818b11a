import SpecModel
import SpecParser
import Testing
@testable import SpecLint

/// A member typed non-null that a response or object example shows as `null` is nullable, with a
/// warning at the member's line that names the example's `null`.
@Suite("Nullable in examples")
struct NullableInExamplesTests {
    static let page = """
        # List things

        `GET /v1/things`

        ## Parameters
        - `after` (query, string, optional)

        ## Responses
        ### 200
        #### application/json
        - `data` (array<object>, required)
          - Items:
            - `id` (string, required)
            - `note` (string, optional)
            - `shape` (object, required)
              - Variant (object):
                - `type` (string, required): Enum: 'circle'.
                - `radius` (number, required)
              - Variant (object):
                - `type` (string, required): Enum: 'square'.
                - `side` (number, required)
        - `next_page` (string, required)

        ## Examples
        ### Example
        #### Request (curl)
        ```bash
        curl https://api.example.com/v1/things
        ```
        #### Response
        ```json
        {
          "data": [{"id": "a", "note": null, "shape": {"type": "circle", "radius": null}}],
          "next_page": null
        }
        ```
        """

    @Test func requiredMembersShownNullBecomeNullable() throws {
        var spec = SpecAssembler.assemble([SpecFile(path: "things/list.md", text: Self.page)])
        spec = try #require(NullableInExamples.apply(to: spec, findings: ExampleLint.findings(for: spec)))
        let schema = try #require(spec.endpoints.first?.responses.first?.schema)

        let nextPage = try #require(schema.property(named: "next_page"))
        #expect(nextPage.schema.nullable)
        #expect(nextPage.schema.correction(of: .nullable) == Correction(.nullable, from: .example, at: SourceLocation(file: "things/list.md", line: 34, column: 16), documentedFlag: false))
        // Through the array and into the one variant that has the member.
        let item = try #require(schema.property(named: "data")?.schema.itemSchema)
        #expect(item.property(named: "shape")?.schema.variants?[0].property(named: "radius")?.schema.nullable == true)
        // An optional member too: what arrived is `null`, not nothing.
        #expect(item.property(named: "note")?.schema.nullable == true)

        let warnings = spec.diagnostics.filter { $0.kind == .correctedFact }
        #expect(warnings.map(\.location.line) == [14, 18, 22])
        #expect(warnings.last?.message == "`next_page` is documented as non-null, but the example at things/list.md:34 shows it null: generated as nullable")
        // Checked again, the example conforms.
        let again = ExampleLint.findings(for: spec)
        #expect(again.allSatisfy { $0.conforms })
    }

    @Test func nothingToCorrectIsNil() {
        let conforming = Self.page.replacingOccurrences(of: #""next_page": null"#, with: #""next_page": "p2""#)
            .replacingOccurrences(of: #""radius": null"#, with: #""radius": 1"#)
            .replacingOccurrences(of: #""note": null"#, with: #""note": "n""#)
        let spec = SpecAssembler.assemble([SpecFile(path: "things/list.md", text: conforming)])
        #expect(NullableInExamples.apply(to: spec, findings: ExampleLint.findings(for: spec)) == nil)
    }

    @Test(arguments: [("$.data[0].next_page", "data[].next_page"), ("$.a.b[2][0].c", "a.b[][].c"), ("$", nil), ("$.data[0]", nil), ("$.a..b", nil)])
    func jsonPathsBecomeMemberPaths(jsonPath: String, memberPath: String?) {
        #expect(NullableInExamples.memberPath(jsonPath)?.description == memberPath)
    }
}

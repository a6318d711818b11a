import JSONSyntax
import SpecModel
import SpecParser
import SpecwrightCore
import Testing

/// Hostile and broken spec files through the whole pipeline (`Pipeline.model(files:)`): parsing, linking and
/// the example lint must not crash, must finish quickly, and every diagnostic must point into a file.
@Suite("Pipeline robustness", .timeLimit(.minutes(1)))
struct PipelineRobustnessTests {
    /// An endpoint page in the docs' format; `parameters` start on line 11, `sections` on line 12.
    static func endpoint(_ name: String, parameters: [String] = [], sections: String = "") -> String {
        let lines = [
            "# List \(name)",
            "",
            "Source: https://example.com/docs/\(name)/list",
            "",
            "`GET /v1/\(name)`",
            "",
            "List the \(name).",
            "",
            "## Parameters",
            "- `limit` (query, integer, optional): How many. Default: `20`.",
        ] + parameters
        return lines.joined(separator: "\n") + "\n" + (sections.isEmpty ? "" : "\n" + sections)
    }

    static let response = """
        ## Responses
        ### 200
        OK
        #### application/json
        - `object` (string, required): Always `list`.
        - `data` (array<object>, required)
          - Items:
            - `id` (string, required)
        """

    /// An `## Examples` section whose response is `json`, cut off after `lines` (no closing fence).
    static func cutExample(_ lines: String) -> String {
        response + "\n\n## Examples\n### List them\n#### Response\n```json\n" + lines
    }

    /// Deterministic bytes (SplitMix64) that include NUL and invalid UTF-8.
    static func garbage(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z) { bytes.append(contentsOf: $0.prefix(count - bytes.count)) }
        }
        bytes[0] = 0
        bytes[1] = 0xFF
        return bytes
    }

    /// Runs the pipeline on `files` within `limit` and checks what every diagnostic must carry.
    static func model(
        _ files: [SpecFile], limit: Duration = .seconds(10), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> APISpec {
        let clock = ContinuousClock()
        var spec = APISpec()
        let elapsed = clock.measure { spec = Pipeline.model(files: files) }
        #expect(elapsed < limit, "the pipeline took \(elapsed)", sourceLocation: sourceLocation)
        let paths = Set(files.map(\.path))
        for diagnostic in spec.diagnostics {
            #expect(paths.contains(diagnostic.location.file), "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(diagnostic.location.line >= 1, "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(diagnostic.location.column >= 1, "\(diagnostic)", sourceLocation: sourceLocation)
        }
        let locations = spec.diagnostics.map(\.location)
        #expect(locations == locations.sorted(), "diagnostics are sorted by place", sourceLocation: sourceLocation)
        return spec
    }

    static func diagnostics(in spec: APISpec, file: String) -> [Diagnostic] {
        spec.diagnostics.filter { $0.location.file == file }
    }

    @Test("a folder of broken pages: each is reported in its file, the good page survives")
    func brokenFolder() throws {
        let garbage = String(decoding: Self.garbage(count: 32 * 1024, seed: 7), as: UTF8.self)
        let files = [
            SpecFile(path: "good/list.md", text: Self.endpoint("good", sections: Self.response)),
            SpecFile(path: "empty.md", text: ""),
            SpecFile(path: "garbage.md", text: garbage),
            SpecFile(path: "cut/list.md", text: Self.endpoint("cut", parameters: ["- `order` (query, str"])),
            SpecFile(path: "deep/list.md",
                     text: Self.endpoint("deep", parameters: [String(repeating: "- ", count: 10_000) + "x"])),
            SpecFile(path: "types/list.md",
                     text: Self.endpoint("types", parameters: [
                        "- `order` (query, strang, required): Sort order.",
                        "- `tags` (query, array<string, optional)",
                        "- `q` (query, string |, optional)",
                        "- `ids` (query, array<>, optional)",
                     ])),
            SpecFile(path: "dup/list.md",
                     text: Self.endpoint("dup", parameters: ["- `limit` (query, integer, optional): Again."])),
        ]
        let spec = Self.model(files)

        #expect(spec.endpoints.map(\.id).sorted() == ["cut.list", "deep.list", "dup.list", "good.list", "types.list"])
        #expect(Self.diagnostics(in: spec, file: "good/list.md").isEmpty)

        let empty = Self.diagnostics(in: spec, file: "empty.md")
        #expect(empty.map(\.severity) == [.error])
        #expect(empty.first?.kind == .notUnderstood)
        #expect(empty.first?.location == SourceLocation(file: "empty.md", line: 1, column: 1))

        #expect(Self.diagnostics(in: spec, file: "garbage.md").contains { $0.severity == .error && $0.kind == .notUnderstood })

        let cut = Self.diagnostics(in: spec, file: "cut/list.md")
        #expect(cut.contains { $0.severity == .warning && $0.kind == .notUnderstood && $0.location.line == 11 })

        let deep = Self.diagnostics(in: spec, file: "deep/list.md")
        #expect(deep.contains { $0.severity == .error && $0.kind == .notUnderstood && $0.location.line == 11 })

        // `- `order` (query, ` is 18 bytes: the types start at column 19.
        let types = Self.diagnostics(in: spec, file: "types/list.md").filter { $0.kind == .malformedType }
        #expect(types.map(\.severity) == [.error, .error, .error, .error])
        #expect(types.map { [$0.location.line, $0.location.column] } == [
            [11, 19], [12, 18 + "array<string".count], [13, 15 + "string |".count], [14, 17 + "array<".count],
        ])

        let dup = Self.diagnostics(in: spec, file: "dup/list.md").filter { $0.kind == .duplicateField }
        #expect(dup.map(\.severity) == [.error])
        #expect(dup.first?.location == SourceLocation(file: "dup/list.md", line: 11, column: 3))
    }

    @Test("the IR of broken pages is valid JSON")
    func irOfGarbage() throws {
        let garbage = String(decoding: Self.garbage(count: 16 * 1024, seed: 11), as: UTF8.self)
        let files = [
            SpecFile(path: "garbage/list.md",
                     text: Self.endpoint("garbage", parameters: ["", garbage, "", "- `x\u{0}` (query, string, optional): \u{0}\u{1}"],
                                         sections: Self.response)),
            SpecFile(path: "raw.md", text: "# \u{0}Title\u{FFFD}\n\n" + garbage),
        ]
        let spec = Self.model(files)
        #expect(spec.diagnostics.contains { $0.kind == .notUnderstood })
        let text = JSONWriter.pretty(IRJSON.encode(spec))
        #expect(throws: Never.self) { try JSONParser.parse(text) }
    }

    @Test("a page cut off inside a JSON example is an invalid-example warning at the cut")
    func cutOffExample() {
        let sections = Self.cutExample("{\n  \"object\": \"list\",\n  \"data\": [\n    {\"id\": \"it_")
        let spec = Self.model([SpecFile(path: "cut/list.md", text: Self.endpoint("cut", sections: sections))])
        #expect(spec.endpoints.first?.examples.count == 1)
        // The fence is line 24: 12 (`## Responses`) + 8 lines of schema, a blank line, 3 headings.
        let invalid = spec.diagnostics.filter { $0.kind == .invalidExample }
        #expect(invalid.map(\.severity) == [.warning])
        // Line 4 of the code, just after `    {"id": "it_`, where the line break ends the open string.
        #expect(invalid.first?.location == SourceLocation(file: "cut/list.md", line: 24 + 4, column: 16))
    }

    @Test("a JSON example nested 4,000 levels deep is reported, not a stack overflow")
    func deepJSONExample() {
        // (Deeper than 5,000 the page is refused before cmark: too many brackets for libcmark 0.30.)
        let sections = Self.cutExample(String(repeating: "[", count: 4_000) + "\n```\n")
        let spec = Self.model([SpecFile(path: "deep/list.md", text: Self.endpoint("deep", sections: sections))])
        let invalid = spec.diagnostics.filter { $0.kind == .invalidExample }
        #expect(invalid.count == 1)
        #expect(invalid.first?.location == SourceLocation(file: "deep/list.md", line: 25, column: JSONParser.maximumDepth + 1))
        #expect(invalid.first?.message.contains("deeper") == true)
    }

    @Test("a 10 MB line through the pipeline")
    func hugeLine() {
        let sentence = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "
        let prose = String(repeating: sentence, count: 10 * 1024 * 1024 / sentence.utf8.count)
        let files = [
            SpecFile(path: "plain.md", text: prose),
            SpecFile(path: "field/list.md",
                     text: Self.endpoint("field", parameters: ["- `order` (query, strang, optional): " + prose],
                                         sections: Self.response)),
        ]
        let spec = Self.model(files, limit: .seconds(20))
        #expect(Self.diagnostics(in: spec, file: "plain.md").contains {
            $0.severity == .error && $0.kind == .notUnderstood && $0.location.line == 1 && $0.location.column == 1
        })
        let malformed = Self.diagnostics(in: spec, file: "field/list.md").filter { $0.kind == .malformedType }
        #expect(malformed.map(\.location) == [SourceLocation(file: "field/list.md", line: 11, column: 19)])
        #expect(spec.endpoints.first?.parameters.last?.description?.utf8.count ?? 0 >= prose.utf8.count - 1)
    }

    @Test("two pages with one identity: the second is a duplicate definition")
    func duplicateIdentity() {
        let spec = Self.model([
            SpecFile(path: "things/index.md", text: "# Things\n\n## Contents\n- [List](missing.md)\n"),
            SpecFile(path: "things.md", text: "# Things again\n\nA guide.\n"),
        ])
        let duplicate = spec.diagnostics.first { $0.kind == .duplicateDefinition }
        #expect(duplicate?.severity == .error)
        #expect(duplicate?.location == SourceLocation(file: "things/index.md", line: 1, column: 1))
        let unresolved = spec.diagnostics.first { $0.kind == .unresolvedLink }
        #expect(unresolved == nil, "the losing page's links are not resolved")
    }
}

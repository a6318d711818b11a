import SpecModel
import SpecParser
import Testing

/// Hostile and broken pages through `PageParser.parse(_:path:)`: the parser must not crash, must finish
/// quickly, and must say what is wrong at a file, line and column.
@Suite("Page parser robustness", .timeLimit(.minutes(1)))
struct PageParserRobustnessTests {
    static let path = "things/items/list.md"

    /// An endpoint page in the docs' format. `parameters` are field lines after `thing_id`, the first of them
    /// on line `firstParameterLine`; `sections` follow the parameters.
    static func endpoint(
        parameters: [String] = [], sections: String = "", description: String = "List the items of a thing."
    ) -> String {
        let lines = [
            "# List items",
            "",
            "Source: https://example.com/docs/things/items/list",
            "",
            "`GET /v1/things/{thing_id}/items`",
            "",
            description,
            "",
            "## Parameters",
            "- `thing_id` (path, string, required): Identifier of the thing.",
        ] + parameters
        return lines.joined(separator: "\n") + "\n" + (sections.isEmpty ? "" : "\n" + sections)
    }

    static let firstParameterLine = 11

    static let responses = """
        ## Responses
        ### 200
        OK
        #### application/json
        - `object` (string, required): Always `list`.
        - `data` (array<object>, required)
          - Items:
            - `id` (string, required)
        """

    /// Parses `text` in at most `limit`, and checks what every diagnostic must carry.
    static func parse(
        _ text: String, limit: Duration = .seconds(5), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> (page: Page?, diagnostics: [Diagnostic]) {
        let clock = ContinuousClock()
        var result: (page: Page?, diagnostics: [Diagnostic]) = (nil, [])
        let elapsed = clock.measure { result = PageParser.parse(text, path: path) }
        #expect(elapsed < limit, "parsing took \(elapsed)", sourceLocation: sourceLocation)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.location.file == path, "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(diagnostic.location.line >= 1, "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(diagnostic.location.column >= 1, "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(!diagnostic.message.isEmpty, sourceLocation: sourceLocation)
        }
        return result
    }

    static func endpoint(_ page: Page?) -> Endpoint? {
        if case .endpoint(let endpoint)? = page { return endpoint }
        return nil
    }

    /// Deterministic bytes (SplitMix64), so that a failure can be replayed.
    static func garbage(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z) { bytes.append(contentsOf: $0.prefix(count - bytes.count)) }
        }
        return bytes
    }

    // MARK: - Empty and garbage

    @Test("an empty page is an error at 1:1, not a crash", arguments: ["", "\n\n   \n", "\u{FEFF}"])
    func emptyPage(text: String) {
        let (page, diagnostics) = Self.parse(text)
        #expect(page == nil)
        let error = diagnostics.first { $0.severity == .error && $0.kind == .notUnderstood }
        #expect(error?.location == SourceLocation(file: Self.path, line: 1, column: 1))
        #expect(error?.message.contains("empty") == true)
    }

    @Test("binary garbage, NUL bytes and invalid UTF-8 are reported, not fatal", arguments: [1, 2, 3] as [UInt64])
    func binaryGarbage(seed: UInt64) {
        var bytes = Self.garbage(count: 64 * 1024, seed: seed)
        bytes[0] = 0  // a NUL first,
        bytes[1] = 0xFF  // and bytes that are never UTF-8,
        bytes[2] = 0xC3  // and a cut two-byte sequence.
        bytes[3] = 0x28
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.unicodeScalars.contains("\u{FFFD}"))
        #expect(text.unicodeScalars.contains("\u{0}"))

        let (page, diagnostics) = Self.parse(text)
        if page == nil {
            #expect(diagnostics.contains { $0.severity == .error && $0.kind == .notUnderstood })
        }

        // The same garbage inside an endpoint page: the page survives, the garbage is reported.
        let (inside, insideDiagnostics) = Self.parse(Self.endpoint(parameters: ["", text], sections: Self.responses))
        let endpoint = Self.endpoint(inside)
        #expect(endpoint?.parameters.first?.name == "thing_id")
        #expect(insideDiagnostics.contains { $0.kind == .notUnderstood })
    }

    @Test("NUL bytes inside a field line do not break it")
    func nulInFieldLine() {
        let text = Self.endpoint(parameters: ["- `limit` (query, integer, optional): A \u{0} limit \u{FFFD}."])
        let (page, diagnostics) = Self.parse(text)
        #expect(Self.endpoint(page)?.parameters.map(\.name) == ["thing_id", "limit"])
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    // MARK: - Cut-off pages

    static let cuts = [
        "- `limit` (query, inte",
        "- `limit` (query, integer, requ",
        "- `limit` (query, integer, required",
        "- `lim",
        "- `",
        "- ",
    ]

    @Test("a page cut off mid-list reports the cut line", arguments: cuts)
    func cutOffMidList(lastLine: String) {
        let text = Self.endpoint(parameters: ["- `order` (query, string, optional): Sort order.", lastLine])
        let cutLine = Self.firstParameterLine + 1
        // The page ends without a newline in the middle of the line.
        let (page, diagnostics) = Self.parse(String(text.dropLast()))
        let endpoint = Self.endpoint(page)
        #expect(endpoint?.parameters.map(\.name) == ["thing_id", "order"])
        let warning = diagnostics.first { $0.kind == .notUnderstood && $0.location.line == cutLine }
        #expect(warning?.severity == .warning)
        #expect(warning?.location.column == 1)
    }

    @Test("a page cut off inside an example keeps what came before")
    func cutOffInExample() {
        let sections = Self.responses + """


            ## Examples
            ### List items
            #### Request (curl)
            ```bash
            curl https://api.example.com/v1/things/th_1/items \\
              -H "Authorization: Bearer
            """
        let (page, diagnostics) = Self.parse(Self.endpoint(sections: sections))
        let endpoint = Self.endpoint(page)
        #expect(endpoint?.responses.count == 1)
        #expect(endpoint?.examples.first?.code.hasPrefix("curl") == true)
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    // MARK: - Size

    @Test("10,000 nested list levels are cut at the depth limit with an error")
    func deepNesting() {
        let deep = String(repeating: "- ", count: 10_000) + "x"
        let (page, diagnostics) = Self.parse(Self.endpoint(parameters: [deep], sections: Self.responses))
        let error = diagnostics.first { $0.severity == .error && $0.kind == .notUnderstood }
        #expect(error?.location.line == Self.firstParameterLine)
        #expect(error?.message.contains("nested deeper") == true)
        // What is above the cut is still read.
        #expect(Self.endpoint(page)?.parameters.first?.name == "thing_id")
        #expect(Self.endpoint(page)?.responses.count == 1)

        // Nesting under a field and in a response body.
        let underField = ["- `filter` (query, object, optional): A filter.", "  " + deep]
        let (_, fieldDiagnostics) = Self.parse(Self.endpoint(parameters: underField))
        #expect(fieldDiagnostics.contains { $0.severity == .error && $0.location.line == Self.firstParameterLine + 1 })
        let (_, bodyDiagnostics) = Self.parse(Self.endpoint(sections: Self.responses + "\n" + deep))
        #expect(bodyDiagnostics.contains { $0.severity == .error && $0.kind == .notUnderstood })
    }

    static let tenMegabytes = 10 * 1024 * 1024

    /// `count` bytes of prose ending in a period: words, spaces and sentences, no Markdown syntax.
    static func prose(bytes count: Int) -> String {
        let sentence = "The quick brown fox jumps over the lazy dog again and again. "
        var text = String(repeating: sentence, count: count / sentence.utf8.count + 1)
        text.removeLast(text.utf8.count - count + 1)
        text += "."
        return text
    }

    @Test("a single 10 MB line of plain text")
    func hugePlainLine() {
        let line = Self.prose(bytes: Self.tenMegabytes)
        // As a page's description.
        #expect(line.utf8.count == Self.tenMegabytes)
        let (page, diagnostics) = Self.parse(Self.endpoint(description: line))
        #expect(Self.endpoint(page)?.description == line)
        #expect(!diagnostics.contains { $0.severity == .error })
        // As a whole file without a title.
        let (none, noneDiagnostics) = Self.parse(line)
        #expect(none == nil)
        #expect(noneDiagnostics.contains {
            $0.severity == .error && $0.kind == .notUnderstood && $0.location.line == 1 && $0.location.column == 1
        })
    }

    @Test("a field line with a 10 MB description")
    func hugeFieldDescription() {
        let description = Self.prose(bytes: Self.tenMegabytes)
        let field = "- `limit` (query, integer, optional): " + description + " Default: `20`."
        let (page, diagnostics) = Self.parse(Self.endpoint(parameters: [field]))
        let limit = Self.endpoint(page)?.parameters.last
        #expect(limit?.name == "limit")
        #expect(limit?.schema.defaultValue == 20)
        #expect(limit?.description == description)
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test("a field line with a 10 MB description and an unknown type")
    func hugeFieldDescriptionBadType() {
        let description = Self.prose(bytes: Self.tenMegabytes)
        // The error still points at the type.
        let bad = "- `limit` (query, strang, optional): " + description
        let (_, badDiagnostics) = Self.parse(Self.endpoint(parameters: [bad]))
        let error = badDiagnostics.first { $0.kind == .malformedType }
        #expect(error?.location == SourceLocation(file: Self.path, line: Self.firstParameterLine, column: 19))
    }

    // MARK: - Malformed types and duplicates

    struct TypeCase: Sendable, CustomTestStringConvertible {
        var line: String
        /// Where the error must point: the column of the offending character.
        var column: Int
        var testDescription: String { line }
    }

    /// Columns: `- `limit` (query, ` is 18 bytes, so the type starts at column 19.
    static let malformedTypes = [
        TypeCase(line: "- `limit` (query, strang, required): Max.", column: 19),
        TypeCase(line: "- `limit` (query, array<string, required)", column: 19 + "array<string".count),
        TypeCase(line: "- `limit` (query, string |, required)", column: 19 + "string |".count),
        TypeCase(line: "- `limit` (query, array<>, required)", column: 19 + "array<".count),
        TypeCase(line: "- `limit` (query, array, required)", column: 19 + "array".count),
        TypeCase(line: "- `limit` (query, string | intger, required)", column: 19 + "string | ".count),
        TypeCase(line: "- `limit` (query, string string, required)", column: 19 + "string ".count),
        TypeCase(line: "- `limit` (query, array<string>>, required)", column: 19 + "array<string>".count),
        TypeCase(line: "- `limit` (query, <string>, optional)", column: 19),
    ]

    @Test("a malformed type is an error at the offending character", arguments: malformedTypes)
    func malformedType(_ testCase: TypeCase) {
        let (page, diagnostics) = Self.parse(Self.endpoint(parameters: [testCase.line]))
        let errors = diagnostics.filter { $0.kind == .malformedType }
        #expect(errors.count == 1)
        let error = errors.first
        #expect(error?.severity == .error)
        #expect(error?.location == SourceLocation(file: Self.path, line: Self.firstParameterLine, column: testCase.column))
        // The parameter is kept, with a schema of unknown shape.
        let limit = Self.endpoint(page)?.parameters.first { $0.name == "limit" }
        #expect(limit?.schema.kind == .any)
    }

    @Test("a malformed type in a response body and in a nested field points at the type")
    func malformedTypeInBody() {
        let sections = """
            ## Responses
            ### 200
            OK
            #### application/json
            - `id` (strang, required): Identifier.
            - `meta` (object, required)
              - `tags` (array<strin>, optional)
            """
        let (_, diagnostics) = Self.parse(Self.endpoint(sections: sections))
        let bodyStart = Self.firstParameterLine + 1
        let errors = diagnostics.filter { $0.kind == .malformedType }.map(\.location)
        // `- `id` (` is 8 bytes; `  - `tags` (array<` is 18.
        #expect(errors == [
            SourceLocation(file: Self.path, line: bodyStart + 4, column: 9),
            SourceLocation(file: Self.path, line: bodyStart + 6, column: 19),
        ])
    }

    @Test("a duplicate parameter is an error at the second one")
    func duplicateParameter() {
        let (page, diagnostics) = Self.parse(Self.endpoint(parameters: [
            "- `limit` (query, integer, optional): First.",
            "- `order` (query, string, optional): Order.",
            "- `limit` (query, integer, optional): Second.",
        ]))
        #expect(Self.endpoint(page)?.parameters.map(\.name) == ["thing_id", "limit", "order"])
        let duplicate = diagnostics.first { $0.kind == .duplicateField }
        #expect(duplicate?.severity == .error)
        #expect(duplicate?.location == SourceLocation(file: Self.path, line: Self.firstParameterLine + 2, column: 3))
        #expect(duplicate?.message.contains("line \(Self.firstParameterLine)") == true)
    }

    @Test("a duplicate field in a body, at top level and nested, is an error at the second one")
    func duplicateBodyField() {
        let sections = """
            ## Responses
            ### 200
            OK
            #### application/json
            - `id` (string, required)
            - `meta` (object, required)
              - `a` (string, optional)
              - `a` (integer, optional)
            - `id` (string, required)
            """
        let (_, diagnostics) = Self.parse(Self.endpoint(sections: sections))
        let bodyStart = Self.firstParameterLine + 1
        let duplicates = diagnostics.filter { $0.kind == .duplicateField }
        #expect(duplicates.allSatisfy { $0.severity == .error })
        #expect(Set(duplicates.map(\.location)) == [
            SourceLocation(file: Self.path, line: bodyStart + 7, column: 5),
            SourceLocation(file: Self.path, line: bodyStart + 8, column: 3),
        ])
    }

    @Test("many bad lines at once are each reported, quickly")
    func manyBadLines() {
        let lines = (0..<2_000).map { index in
            switch index % 4 {
            case 0: "- `p\(index)` (query, strang, optional): Bad type."
            case 1: "- `dup` (query, string, optional): Duplicate."
            case 2: "- `q\(index)` (query, array<string, optional)"
            default: "- not a field at all"
            }
        }
        let (_, diagnostics) = Self.parse(Self.endpoint(parameters: lines))
        #expect(diagnostics.filter { $0.kind == .malformedType }.count == 1_000)
        #expect(diagnostics.filter { $0.kind == .duplicateField }.count == 499)
        #expect(diagnostics.filter { $0.kind == .notUnderstood }.count == 500)
    }
}

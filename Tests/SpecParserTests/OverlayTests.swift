import SpecModel
import Testing
@testable import SpecParser

/// Overlays: read in the docs' own syntax, applied to the model as located corrections; stale entries warn,
/// entries that cannot apply are errors.
@Suite("Overlays")
struct OverlayTests {
    static let thread = """
        # The thread object

        ## Properties
        - `id` (string, required): Identifier.
        - `name` (string, required): The name.
        - `count` (string, required): A number the docs call a string.
        - `items` (array<object>, required): Items the docs do not describe.
        - `result` (array<object>, required): The page's example says `results`.
        - `kind` (string, required): Enum: 'a', 'b'.
        - `status` (object, required)
          - Variant (object):
            - `type` (string, required): Enum: 'locked'.
            - `reason` (string, required)
          - Variant (object):
            - `type` (string, required): Enum: 'active'.
        """

    static let item = """
        # The item object

        ## Properties
        - `item` (object, required)
          - `id` (string, required)
          - `kind` (string, required)
        """

    static let list = """
        # List threads

        `GET /v1/threads`

        ## Parameters
        - `limit` (query, integer, optional): How many.

        ## Responses
        ### 200
        #### application/json
        - `data` (array<object>, required)
          - Items:
            - `id` (string, required)
        """

    /// The model of the three pages with `overlay` applied, and the overlay's and the application's diagnostics.
    static func apply(_ overlay: String) -> (spec: APISpec, diagnostics: [Diagnostic]) {
        let spec = SpecAssembler.assemble([
            SpecFile(path: "threads/object.md", text: thread),
            SpecFile(path: "items/object.md", text: item),
            SpecFile(path: "threads/list.md", text: list),
        ])
        let parsed = OverlayParser.parse(overlay, path: "fixes.overlay.md")
        let applied = OverlayApplication.apply([parsed.overlay], to: spec)
        let before = Set(spec.diagnostics)
        return (applied, parsed.diagnostics + applied.diagnostics.filter { !before.contains($0) })
    }

    static func member(_ name: String, in spec: APISpec) -> Property? {
        spec.objects.first { $0.id == "threads.object" }?.schema.properties?.first { $0.name == name }
    }

    @Test func aMemberBecomesNullableOptionalAndAnotherType() throws {
        let (spec, diagnostics) = Self.apply("""
            # Fixes

            ## threads/object.md
            - `name` (string | null, required): Arrives null for old threads.
            - `id` (string, optional): Absent in list items.
            - `count` (integer, required): A number in every response.
            """)

        #expect(diagnostics.isEmpty)
        let name = try #require(Self.member("name", in: spec))
        #expect(name.schema.nullable && name.required)
        #expect(name.schema.correction(of: .nullable) == Correction(.nullable, from: .overlay, at: SourceLocation(file: "fixes.overlay.md", line: 4, column: 3), documentedFlag: false))
        #expect(name.schema.description == "The name.")
        let id = try #require(Self.member("id", in: spec))
        #expect(!id.required && id.correction(of: .required)?.origin == .overlay)
        let count = try #require(Self.member("count", in: spec))
        #expect(count.schema.kind == .integer)
        #expect(count.schema.correction(of: .type)?.documentedSchema?.value.kind == .string)
        // What the line leaves out stays as the docs write it.
        #expect(count.schema.description == "A number the docs call a string.")
    }

    @Test func itemsComeFromASchemaElsewhereAndANameFromTheEntry() throws {
        let (spec, diagnostics) = Self.apply("""
            ## threads/object.md
            - `items` (array<object>, required): Items: `item` in `items/object.md`.
            - `result` (array<object>, required): Name: `results`. The API says `results`.
            """)

        #expect(diagnostics.isEmpty)
        let items = try #require(Self.member("items", in: spec))
        #expect(items.schema.itemSchema?.properties?.map(\.name) == ["id", "kind"])
        #expect(items.schema.correction(of: .items)?.documentedSchema?.value.kind == .any)
        #expect(Self.member("result", in: spec) == nil)
        let results = try #require(Self.member("results", in: spec))
        #expect(results.correction(of: .name)?.documentedName == "result")
    }

    @Test func pathsReachArrayElementsUnionVariantsParametersAndResponses() throws {
        let (spec, diagnostics) = Self.apply("""
            ## threads/object.md
            - `status.reason` (string | null, required): Null when no reason is given.

            ## threads/list.md
            - `data[].id` (integer, required): A number.

            ### Parameters
            - `limit` (query, integer, required): Always sent.
            """)

        #expect(diagnostics.isEmpty)
        let status = try #require(Self.member("status", in: spec))
        #expect(status.schema.variants?[0].property(named: "reason")?.schema.nullable == true)
        let endpoint = try #require(spec.endpoints.first)
        #expect(endpoint.responses.first?.schema?.property(named: "data")?.schema.itemSchema?.property(named: "id")?.schema.kind == .integer)
        #expect(endpoint.parameters.first?.required == true)
    }

    @Test func staleEntriesAreWarningsAtTheirLines() {
        let (_, diagnostics) = Self.apply("""
            ## threads/object.md
            - `id` (string, required): The docs say so now.
            - `gone` (string, required): No such member.
            - `id.more` (string, required): Through a string.

            ## threads/gone.md
            - `id` (string, required): No such page.
            """)

        let stale = diagnostics.filter { $0.kind == .staleOverlay }
        #expect(stale.map(\.location.line) == [2, 3, 7])
        #expect(stale.allSatisfy { $0.severity == .warning && $0.location.file == "fixes.overlay.md" })
        #expect(stale[0].message.contains("the docs now say what this entry says"))
        #expect(stale[2].message.contains("threads/gone.md is gone"))
        // A member under a string cannot be: an error.
        #expect(diagnostics.filter { $0.severity == .error }.map(\.location.line) == [4])
    }

    @Test func aRenameTheDocsMadeThemselvesIsStale() {
        let renamedDocs = Self.thread.replacingOccurrences(of: "`result`", with: "`results`")
        let spec = SpecAssembler.assemble([SpecFile(path: "threads/object.md", text: renamedDocs)])
        let parsed = OverlayParser.parse("""
            ## threads/object.md
            - `result` (array<object>, required): Name: `results`.
            """, path: "fixes.overlay.md")

        let applied = OverlayApplication.apply([parsed.overlay], to: spec)

        let stale = applied.diagnostics.filter { $0.kind == .staleOverlay }
        #expect(stale.count == 1)
        #expect(stale.first?.message.contains("the docs now name `result` `results` themselves") == true)
    }

    @Test(arguments: [
        ("- `items` (array<object>, required): Items: `nothing` in `items/object.md`.", "which is not there"),
        ("- `status.type` (string, required): In both variants.", "more than one variant"),
        ("- `id[].x` (string, required): An array it is not.", "`[]` follows an array"),
        ("- `result` (array<object>, required): Name: `id`.", "another member is called `id`"),
    ])
    func anEntryThatCannotApplyIsAnError(entry: String, message: String) {
        let (_, diagnostics) = Self.apply("## threads/object.md\n" + entry)

        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.kind == .invalidOverlay)
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
    }

    @Test(arguments: [
        ("- `id` (string, required): Before any page.", 1),
        ("## threads/object.md\n### Footnotes\n- `id` (string, required)", 2),
        ("## not a page\n- `id` (string, required)", 1),
        ("## threads/object.md\n- `a..b` (string, required)", 2),
        ("## threads/object.md\n- `items` (array<object>, required): Items: somewhere.", 2),
    ])
    func anOverlayThatCannotBeReadSaysWhere(text: String, line: Int) {
        let (_, diagnostics) = OverlayParser.parse(text, path: "fixes.overlay.md")

        #expect(diagnostics.contains { $0.severity == .error && $0.kind == .invalidOverlay && $0.location.line == line }, "\(diagnostics)")
    }

    @Test func theReasonOfAnEntryCorrectsNothing() {
        // "arrives null" in the reason is prose: the line says non-null, and so it stays.
        let (spec, diagnostics) = Self.apply("""
            ## threads/object.md
            - `count` (integer, required): The docs say string; it will be null if unset, says support.
            """)

        #expect(!diagnostics.contains { $0.kind == .correctedFact })
        #expect(Self.member("count", in: spec)?.schema.nullable == false)
    }

    @Test func aRenameTheDocsMadeWhileTheEntrySaysMoreStillApplies() throws {
        let renamedDocs = Self.thread.replacingOccurrences(of: "`result`", with: "`results`")
        let spec = SpecAssembler.assemble([SpecFile(path: "threads/object.md", text: renamedDocs)])
        let parsed = OverlayParser.parse("""
            ## threads/object.md
            - `result` (array<object>, optional): Name: `results`. Absent on old threads.
            """, path: "fixes.overlay.md")

        let applied = OverlayApplication.apply([parsed.overlay], to: spec)

        let stale = applied.diagnostics.filter { $0.kind == .staleOverlay }
        #expect(stale.first?.message.contains("the entry applies to `results`") == true, "\(stale)")
        let results = try #require(applied.objects.first?.schema.property(named: "results"))
        #expect(!results.required)
    }

    @Test func aMemberTheDocsProseMadeNullableSetBackKeepsTheDocsWord() throws {
        let prose = Self.thread.replacingOccurrences(of: "`name` (string, required): The name.", with: "`name` (string, required): The name. Will be null if unset.")
        let spec = SpecAssembler.assemble([SpecFile(path: "threads/object.md", text: prose)])
        #expect(spec.objects.first?.schema.property(named: "name")?.schema.nullable == true)
        let parsed = OverlayParser.parse("## threads/object.md\n- `name` (string, required): Never null, whatever the prose says.\n", path: "fixes.overlay.md")

        let applied = OverlayApplication.apply([parsed.overlay], to: spec)

        let name = try #require(applied.objects.first?.schema.property(named: "name"))
        #expect(!name.schema.nullable)
        #expect(name.schema.corrections.count == 1)
        #expect(name.schema.correction(of: .nullable)?.origin == .overlay)
        // What the docs' type line wrote, for the IR.
        #expect(name.schema.correction(of: .nullable)?.documentedFlag == false)
    }

    @Test(arguments: [
        ("- `name` (string, required): Enum: 'a', 'b'.", true),
        ("- `name` (string, required): Default: `x`.", true),
        // The docs' own enum, copied with the line: no correction, and no error.
        ("- `kind` (string | null, required): Enum: 'a', 'b'.", false),
    ])
    func factsEntriesDoNotCorrectAreErrorsWhenTheyDiffer(entry: String, fails: Bool) {
        let (_, diagnostics) = Self.apply("## threads/object.md\n" + entry)
        let errors = diagnostics.filter { $0.severity == .error }
        if fails {
            #expect(errors.count == 1 && errors.first?.message.contains("not `") == true, "\(errors)")
        } else {
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }
}

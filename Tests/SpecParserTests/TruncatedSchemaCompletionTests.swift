import Testing
import SpecModel
@testable import SpecParser

@Suite("Completing cut schemas")
struct TruncatedSchemaCompletionTests {
    private static let full = """
        - `id` (string, required): The ID.
        - `owner` (object, required): Who owns it.
          - `name` (string, optional): The owner's name.
          - `roles` (array<string>, optional)
        """

    /// The schemas of the object pages written as `fields` (one page each), after completion.
    private func completed(_ pages: [String: String]) -> [String: Schema] {
        let parsed = pages.sorted { $0.key < $1.key }.compactMap { parsePage(objectPage($0.value), path: $0.key).page }
        let spec = TruncatedSchemaCompletion.complete(SpecAssembler.assemble(pages: parsed, diagnostics: []))
        return Dictionary(uniqueKeysWithValues: spec.objects.map { ($0.location.file, $0.schema) })
    }

    /// The element schema of `data` on the list page.
    private func listItem(_ schemas: [String: Schema]) -> Schema? {
        schemas["test/list.md"]?["data"].itemSchema
    }

    @Test func aListWhoseItemsAreCutGetsTheObjectGivenWhole() throws {
        let schemas = completed([
            "test/full.md": Self.full,
            "test/list.md": """
                - `data` (array<object>, required): The things.
                  - Items:
                    - `id` (string, required)
                    - `owner` (object, required)
                      - ...
                - `has_more` (boolean, required)
                """,
        ])
        let item = try #require(listItem(schemas))
        let whole = try #require(schemas["test/full.md"])
        #expect(item.properties == whole.properties)
        #expect(!item.truncated && item["owner"].properties?.map(\.name) == ["name", "roles"])
        // The list's own field keeps its prose and place.
        #expect(schemas["test/list.md"]?["data"].description == "The things.")
    }

    @Test func anObjectCutBesideListedFieldsIsCompletedFromASuperset() throws {
        let schemas = completed([
            "test/full.md": Self.full,
            "test/list.md": """
                - `data` (array<object>, required)
                  - Items:
                    - `id` (string, required)
                    - `owner` (object, required)
                      - `name` (string, optional)
                      - ...
                """,
        ])
        let item = try #require(listItem(schemas))
        #expect(item["owner"].properties?.map(\.name) == ["name", "roles"])
        #expect(!item["owner"].truncated)
    }

    @Test func aKnownFieldThatDisagreesKeepsTheCut() throws {
        let schemas = completed([
            "test/full.md": Self.full,
            "test/list.md": """
                - `data` (array<object>, required)
                  - Items:
                    - `id` (integer, required)
                    - `owner` (object, required)
                      - ...
                """,
        ])
        let item = try #require(listItem(schemas))
        #expect(item["id"].kind == .integer)
        #expect(item["owner"].kind == .any && item["owner"].truncated)
    }

    @Test func twoDifferentWholeObjectsThatBothAgreeLeaveTheCutAlone() throws {
        let schemas = completed([
            "test/full.md": Self.full,
            "test/other.md": """
                - `id` (string, required)
                - `owner` (object, required)
                  - `email` (string, required)
                """,
            "test/list.md": """
                - `data` (array<object>, required)
                  - Items:
                    - `id` (string, required)
                    - `owner` (object, required)
                      - ...
                """,
        ])
        let item = try #require(listItem(schemas))
        #expect(item["owner"].kind == .any && item["owner"].truncated)
    }

    @Test func anObjectOfOneKnownFieldBorrowsNothing() throws {
        let schemas = completed([
            "test/full.md": """
                - `owner` (object, required)
                  - `name` (string, optional)
                - `plan` (string, optional)
                """,
            "test/list.md": """
                - `data` (array<object>, required)
                  - Items:
                    - `owner` (object, required)
                      - ...
                """,
        ])
        let item = try #require(listItem(schemas))
        #expect(item["owner"].kind == .any && item["owner"].truncated)
    }

    @Test func aSchemaCutDeeperDownStillCompletesWhatItKnows() throws {
        // The list cuts `owner` whole; the full page knows `owner` but cuts its `address`. The list gets what
        // the full page knows, and the completion is recorded.
        let schemas = completed([
            "test/full.md": """
                - `id` (string, required)
                - `owner` (object, required)
                  - `name` (string, optional)
                  - `address` (object, optional)
                    - ...
                """,
            "test/list.md": """
                - `data` (array<object>, required)
                  - Items:
                    - `id` (string, required)
                    - `owner` (object, required)
                      - ...
                - `has_more` (boolean, required)
                """,
        ])
        let item = try #require(listItem(schemas))
        #expect(item["owner"].properties?.map(\.name) == ["name", "address"])
        #expect(item.correction(of: .type)?.origin == .completion)
        #expect(item.correction(of: .type)?.source.file == "test/full.md")
        // What no page knows stays cut.
        #expect(item["owner"]["address"].truncated)
    }

    @Test func aSchemaThatHoldsItselfCutIsCompletedOnceNotForever() throws {
        // A filter of filters: the page knows two levels and cuts the third; the list cuts the second. Taken
        // again inside itself, the page's schema would complete its own cut level after level.
        let schemas = completed([
            "test/filter.md": """
                - `type` (string, required)
                - `filters` (array<object>, required)
                  - Items:
                    - `type` (string, required)
                    - `filters` (array<object>, required)
                      - Items:
                        - ...
                """,
            "test/list.md": """
                - `data` (array<object>, required)
                  - Items:
                    - `type` (string, required)
                    - `filters` (array<object>, required)
                      - Items:
                        - ...
                - `has_more` (boolean, required)
                """,
        ])
        let item = try #require(listItem(schemas))
        #expect(item["filters"].itemSchema?.properties?.map(\.name) == ["type", "filters"])
        #expect(item["filters"].itemSchema?["filters"].itemSchema?.kind == .any)
    }
}

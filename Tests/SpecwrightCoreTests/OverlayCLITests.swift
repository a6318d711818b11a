import Foundation
import Testing

/// Overlays through the CLI: found in a specs folder or named by `--overlay` and `specwright.json`, shown in
/// `ir` beside the docs as written, warned about in `lint` when stale, and used by `generate` and `check`.
@Suite("Overlays in the CLI")
struct OverlayCLITests {
    static let page = """
        # The thread object

        ## Properties
        - `id` (string, required): Identifier.
        - `name` (string, required): The name.
        """

    static let overlay = """
        # Fixes

        ## threads/object.md
        - `name` (string | null, required): Arrives null for old threads.
        """

    @Test func anOverlayInTheSpecsFolderIsAppliedAndTheIRKeepsTheDocsAsWritten() throws {
        let specs = try TemporarySpecs(["threads/object.md": Self.page, "fixes.overlay.md": Self.overlay])

        let result = try CLI.run(["ir", specs.folder.path])

        #expect(result.status == 0)
        let ir = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let objects = try #require(ir["objects"] as? [[String: Any]])
        // The overlay is no page.
        #expect(objects.count == 1)
        let schema = try #require(objects.first?["schema"] as? [String: Any])
        let name = try #require((schema["properties"] as? [[String: Any]])?.last?["schema"] as? [String: Any])
        #expect(name["nullable"] as? Bool == false)
        let corrected = try #require((name["corrected"] as? [String: Any])?["nullable"] as? [String: Any])
        #expect(corrected["value"] as? Bool == true)
        #expect(corrected["from"] as? String == "overlay")
        #expect(corrected["source"] as? String == "fixes.overlay.md:4")
    }

    @Test func lintWarnsAtAStaleEntryAndFailsOnOneThatCannotApply() throws {
        let specs = try TemporarySpecs([
            "Specs/threads/object.md": Self.page,
            "stale.md": "## threads/object.md\n- `id` (string, required): Now documented.\n",
            "broken.md": "## threads/object.md\n- `id.x` (string, required): Through a string.\n",
        ])
        let stale = try CLI.run(["lint", "Specs", "--overlay", "stale.md"], in: specs.folder)
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("stale.md:2:3: warning: the docs now say what this entry says of `id` in threads/object.md: the entry can go"))

        let broken = try CLI.run(["lint", "Specs", "--overlay", "broken.md"], in: specs.folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken.md:2:3: error: `id.x` in threads/object.md: a member follows an object, and this is string"))
    }

    @Test func generateAndCheckUseTheConfigurationsOverlays() throws {
        let project = try TemporarySpecs([
            "Specs/threads/object.md": Self.page,
            "Overlays/fixes.md": Self.overlay,
            "Sources/API/specwright.json": #"{"specs": ["../../Specs"], "module": "API", "output": "../../Generated/API", "overlays": ["../../Overlays/fixes.md"]}"#,
        ])
        let config = project.folder.appendingPathComponent("Sources/API/specwright.json").path

        #expect(try CLI.run(["generate", "--config", config]).status == 0)

        let code = try String(contentsOf: project.folder.appendingPathComponent("Generated/API/threads.object.swift"), encoding: .utf8)
        #expect(code.contains("public var name: String?"))
        #expect(try CLI.run(["check", config]).status == 0)
        // Without the overlay the checked-in code is stale: `check` reads it too.
        try #"{"specs": ["../../Specs"], "module": "API", "output": "../../Generated/API"}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", config]).status == 1)
    }

    @Test func theIRMarksEveryKindOfCorrectionAndKeepsTheDocsAsWritten() throws {
        let specs = try TemporarySpecs([
            "threads/object.md": Self.page + "\n- `tags` (array<object>, required)\n- `result` (string, required)\n",
            "threads/list.md": "# List\n\n`GET /v1/threads`\n\n## Parameters\n- `limit` (query, integer, optional)\n",
            "tags/object.md": "# Tag\n\n## Properties\n- `tag` (object, required)\n  - `id` (string, required)\n  - `label` (string, required)\n",
            "fixes.overlay.md": """
                ## threads/object.md
                - `id` (integer, required): A number.
                - `tags` (array<object>, required): Items: `tag` in `tags/object.md`.
                - `result` (string, optional): Name: `results`.

                ## threads/list.md
                ### Parameters
                - `limit` (query, integer, required): Always sent.
                """,
        ])

        let result = try CLI.run(["ir", specs.folder.path])

        #expect(result.status == 0, "\(result.stderr)")
        let ir = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let thread = try #require((ir["objects"] as? [[String: Any]])?.first { $0["id"] as? String == "threads.object" })
        let properties = try #require((thread["schema"] as? [String: Any])?["properties"] as? [[String: Any]])
        func corrected(_ object: [String: Any]?, _ fact: String) -> [String: Any]? { (object?["corrected"] as? [String: Any])?[fact] as? [String: Any] }
        // The whole type: the docs' schema, and the one used as the value.
        let id = properties[0]["schema"] as? [String: Any]
        #expect(id?["type"] as? String == "string")
        #expect((corrected(id, "type")?["value"] as? [String: Any])?["type"] as? String == "integer")
        #expect(corrected(id, "type")?["source"] as? String == "fixes.overlay.md:2")
        // The items: none in the docs, the tag's object used.
        let tags = properties[2]["schema"] as? [String: Any]
        #expect((tags?["items"] as? [String: Any])?["type"] as? String == "any")
        #expect(((corrected(tags, "items")?["value"] as? [String: Any])?["properties"] as? [Any])?.count == 2)
        // The name and `required` of a member: the docs' name, and both corrections.
        #expect(properties[3]["name"] as? String == "result" && properties[3]["required"] as? Bool == true)
        #expect(corrected(properties[3], "name")?["value"] as? String == "results")
        #expect(corrected(properties[3], "required")?["value"] as? Bool == false)
        // A parameter's `required`.
        let list = try #require((ir["endpoints"] as? [[String: Any]])?.first)
        let limit = try #require((list["parameters"] as? [[String: Any]])?.first)
        #expect(limit["required"] as? Bool == false)
        #expect(corrected(limit, "required")?["value"] as? Bool == true)
    }

    @Test func lintJudgesEntriesOnWhatGenerationSeesCutSchemasCompleted() throws {
        // The list cuts the owner; the object page gives it. An entry reaching into the cut part applies in
        // `generate`, and `lint` must not call it stale.
        let specs = try TemporarySpecs([
            "things/object.md": "# The thing object\n\n## Properties\n- `id` (string, required)\n- `owner` (object, required)\n  - `name` (string, required)\n  - `email` (string, required)\n",
            "things/list.md": "# List things\n\n`GET /v1/things`\n\n## Responses\n### 200\n#### application/json\n- `data` (array<object>, required)\n  - Items:\n    - `id` (string, required)\n    - `owner` (object, required)\n      - ...\n",
            "fixes.overlay.md": "## things/list.md\n- `data[].owner.email` (string | null, required): Hidden for other organizations.\n",
        ])

        let lint = try CLI.run(["lint", specs.folder.path])

        #expect(lint.status == 0)
        #expect(!lint.stderr.contains("stale") && !lint.stderr.contains("can go"), "\(lint.stderr)")
    }
}

import Foundation
import SpecModel
import SpecParser
import SpecwrightCore
import Testing

/// Type names across sections (the whole OpenAI reference has many groups whose pages name the same nouns).
@Suite("Naming")
struct NamingTests {
    func declaredTypes(_ files: [SpecFile]) throws -> [String: String] {
        let module = try Generator.generate(Pipeline.model(files: files), options: .init(moduleName: "API"))
        var names: [String: String] = [:]
        for file in module.library {
            for line in file.contents.split(separator: "\n") where line.hasPrefix("nonisolated public struct ") || line.hasPrefix("nonisolated public enum ") {
                let name = line.split(separator: " ")[3].prefix { $0.isLetter || $0.isNumber }
                names[String(name)] = file.name
            }
        }
        return names
    }

    static func object(_ path: String, _ title: String, type: String? = nil) -> SpecFile {
        SpecFile(path: path, text: """
            # \(title)

            A page.

            ## Properties
            \(type.map { "- `type` (string, required): Always `\($0)`. Enum: '\($0)'." } ?? "- `object` (string, required): Enum: 'x'.")
            - `id` (string, required): The identifier.
            - `\(path.count)` (integer, optional)
            """)
    }

    static func index(_ folder: String, _ title: String, _ text: String = "Pages.") -> SpecFile {
        SpecFile(path: folder + "/index.md", text: "# \(title)\n\n\(text)\n\n## Contents\n")
    }

    @Test func aNounThatNamesItsGroupStandsAlone() throws {
        let names = try declaredTypes([
            Self.index("assistants", "Assistants"), Self.object("assistants/object.md", "The assistant object"),
            Self.index("admin-api-keys", "Admin API Keys"), Self.object("admin-api-keys/object.md", "The admin API key object"),
            Self.index("audio", "Audio"), Self.object("audio/voice-object.md", "The voice object"),
            Self.index("chatkit", "ChatKit"), Self.object("chatkit/threads/object.md", "The thread object"),
            Self.index("threads", "Threads"), Self.object("threads/object.md", "The thread object"),
        ])
        #expect(names["Assistant"] == "assistants.object.swift")
        #expect(names["AdminAPIKey"] == "admin-api-keys.object.swift")
        #expect(names["AudioVoice"] == "audio.voice-object.swift")  // `Voice` does not name the group Audio
        #expect(names["ChatKitThread"] == "chatkit.threads.object.swift")
        // `Thread` is reserved (Foundation's), and `ThreadsThread` stutters.
        #expect(names["ThreadObject"] == "threads.object.swift")
    }

    @Test func eventPagesAreNamedAfterTheirTypeAndHTTPStreamsComeFirst() throws {
        let names = try declaredTypes([
            Self.index("realtime-server-events", "Server events"),
            Self.object("realtime-server-events/response/output_text/delta.md", "response.output_text.delta", type: "response.output_text.delta"),
            Self.index("responses-streaming", "Streaming events"),
            Self.object("responses-streaming/response/output_text/delta.md", "response.output_text.delta", type: "response.output_text.delta"),
            Self.object("audio/transcript-text-delta-event.md", "Stream Event (transcript.text.delta)", type: "transcript.text.delta"),
        ])
        #expect(names["ResponseOutputTextDeltaEvent"] == "responses-streaming.response.output_text.delta.swift")
        #expect(names["ServerEventsResponseOutputTextDeltaEvent"] == "realtime-server-events.response.output_text.delta.swift")
        #expect(names["TranscriptTextDeltaEvent"] == "audio.transcript-text-delta-event.swift")
    }

    @Test func theCurrentAPIGetsPlainNamesBeforeItsBeta() throws {
        let event = { (path: String) in
            SpecFile(path: path, text: """
                # session.update

                Updates the session.

                ## Properties
                - `type` (string, required): Always `session.update`. Enum: 'session.update'.
                - `event_id` (string, optional)
                """)
        }
        let pages = [
            Self.index("realtime-beta-client-events", "Realtime Beta client events"),
            event("realtime-beta-client-events/session/update.md"),
            Self.index("realtime-client-events", "Client events"),
            event("realtime-client-events/session/update.md"),
        ]
        let names = try declaredTypes(pages)
        // The beta page sorts first, but the current API's page declares the type under the plain name; the
        // beta page's type, of the same structure, is an alias of it.
        #expect(names["SessionUpdateEvent"] == "realtime-client-events.session.update.swift")
        #expect(!names.keys.contains { $0.contains("Beta") })
        let beta = try ReusedTypeNamingTests().files(pages)["realtime-beta-client-events.session.update.swift"]
        #expect(beta?.contains("public typealias RealtimeBetaClientEventsSessionUpdateEvent = SessionUpdateEvent\n") == true)
    }
}

/// Types whose structure was met before: declared once, named where they are used.
@Suite("Types met again")
struct ReusedTypeNamingTests {
    static func page(_ path: String, _ title: String, _ fields: String) -> SpecFile {
        SpecFile(path: path, text: "# \(title)\n\nA page.\n\n## Properties\n- `id` (string, required): The identifier.\n\(fields)\n")
    }

    func files(_ pages: [SpecFile]) throws -> [String: String] {
        let module = try Generator.generate(Pipeline.model(files: pages), options: .init(moduleName: "API"))
        return Dictionary(uniqueKeysWithValues: module.library.map { ($0.name, $0.contents) })
    }

    static let actor = """
        - `actor` (object, required): Who did it.
          - `id` (string, required)
          - `email` (string, optional)
        """

    @Test func aNestedTypeMetAgainIsNamedByTheScopeThatUsesIt() throws {
        let files = try files([
            Self.page("logs/object.md", "The log object", Self.actor),
            Self.page("projects/object.md", "The project object", """
                - `owner` (object, optional): Who owns it, the same structure as a log's actor.
                  - `id` (string, required)
                  - `email` (string, optional)
                """),
        ])
        let logs = try #require(files["logs.object.swift"]), projects = try #require(files["projects.object.swift"])
        #expect(logs.contains("public struct Actor:"))
        // Declared once, named for its own use: `owner` is not a log's `Actor`.
        #expect(!projects.contains("struct Owner"))
        #expect(projects.contains("    public typealias Owner = Log.Actor\n"))
        #expect(projects.contains("    public var owner: Project.Owner?\n"))
        #expect(projects.contains("container.decodeIfPresent(Project.Owner.self, forKey: \"owner\")"))
    }

    @Test func aTopLevelTypeIsUsedByItsOwnName() throws {
        let files = try files([
            Self.page("logs/object.md", "The log object", Self.actor),
            Self.page("audits/object.md", "The audit object", """
                - `entry` (object, required): The log entry.
                  - `id` (string, required): The identifier.
                  - `actor` (object, required): Who did it.
                    - `id` (string, required)
                    - `email` (string, optional)
                """),
        ])
        let audits = try #require(files["audits.object.swift"])
        // `entry` has the structure of the whole log object: it is `Log`, with no alias.
        #expect(audits.contains("public var entry: Log\n"))
        #expect(!audits.contains("typealias"))
    }

    @Test func noAliasHidesATopLevelType() throws {
        let files = try files([
            Self.page("logs/object.md", "The log object", Self.actor),
            Self.page("actors/object.md", "The actor object", "- `name` (string, required)"),
            Self.page("projects/object.md", "The project object", """
                - `actor` (object, optional): The same structure as a log's actor.
                  - `id` (string, required)
                  - `email` (string, optional)
                """),
        ])
        let projects = try #require(files["projects.object.swift"])
        // `Project.Actor` would hide the top-level `Actor` inside `Project`.
        #expect(!projects.contains("typealias"))
        #expect(projects.contains("public var actor: Log.Actor?\n"))
    }

    @Test func anObjectPageOwnsItsStructureEvenWhenAnEarlierPageMeetsItFirst() throws {
        let files = try files([
            Self.page("keys/object.md", "The key object", """
                - `owner` (object, required): The user who owns the key.
                  - `id` (string, required)
                  - `name` (string, required)
                """),
            Self.page("users/object.md", "The user object", "- `name` (string, required): The name."),
        ])
        let keys = try #require(files["keys.object.swift"]), users = try #require(files["users.object.swift"])
        #expect(keys.contains("public var owner: User\n"))
        #expect(!keys.contains("struct Owner"))
        #expect(users.contains("public struct User:"))
    }

    @Test func twoObjectPagesOfOneStructureEachHaveTheirName() throws {
        let files = try files([
            Self.page("keys/object.md", "The key object", "- `name` (string, required)"),
            Self.page("tokens/object.md", "The token object", "- `name` (string, required)"),
        ])
        let tokens = try #require(files["tokens.object.swift"])
        #expect(tokens.contains("public typealias Token = Key\n"))
        #expect(tokens.contains("/// - Remark: Generated from `tokens/object.md:1`."))
    }

    static func create(_ path: String, body: String, response: String = "- `id` (string, required)") -> SpecFile {
        SpecFile(path: path, text: """
            # Create

            `POST /v1/\(path.split(separator: "/")[0])`

            Creates.

            ## Request body
            ### application/json
            \(body)

            ## Responses
            ### 200
            OK
            #### application/json
            \(response)
            """)
    }

    @Test func anEndpointNamesAReusedBodyAndResponseForItself() throws {
        let page = """
            - `items` (array<object>, required)
              - Items:
                - `id` (string, required)
                - `label` (string, required)
            """
        let files = try files([
            Self.page("logs/object.md", "The log object", page),
            Self.create("labels/create.md", body: "- `id` (string, required)\n- `label` (string, required)",
                        response: "- `id` (string, required)\n- `deleted` (boolean, required)"),
            Self.create("tags/create.md", body: "- `id` (string, required)\n- `label` (string, required)",
                        response: "- `id` (string, required)\n- `deleted` (boolean, required)"),
        ])
        let labels = try #require(files["labels.create.swift"]), tags = try #require(files["tags.create.swift"])
        // The body has the structure of a log's item: the endpoint's own name, not `Log.Item`.
        #expect(labels.contains("public typealias LabelsCreateRequest = Log.Item\n"))
        #expect(labels.contains("body: LabelsCreateRequest"))
        // Another endpoint's response: named for this endpoint too.
        #expect(labels.contains("public struct LabelsCreateResponse:"))
        #expect(tags.contains("public typealias TagsCreateResponse = LabelsCreateResponse\n"))
        #expect(tags.contains("-> APIResponse<TagsCreateResponse>"))
    }
}

/// Which events an endpoint streams, found from the links between pages.
@Suite("Stream events")
struct StreamEventTests {
    static func endpoint(_ path: String, stream: String = "", returns: String = "The result.", examples: String = "") -> SpecFile {
        SpecFile(path: path, text: """
            # Create

            `POST /v1/things`

            Creates.

            ## Request body
            ### application/json
            - `prompt` (string, required): The prompt.
            - `stream` (boolean, optional): Stream the result. \(stream)

            ## Responses
            ### 200
            OK
            #### application/json
            - `text` (string, required): The text.

            ## Returns
            \(returns)
            \(examples)
            """)
    }

    func streamMethod(_ files: [SpecFile], page: String) throws -> String {
        let module = try Generator.generate(Pipeline.model(files: files), options: .init(moduleName: "API"))
        let file = try #require(module.library.first { $0.name == page })
        return try #require(file.contents.split(separator: "\n").first { $0.contains("func createStream(") }.map(String.init))
    }

    @Test func aStreamingIndexThatLinksTheEndpointGivesItsEvents() throws {
        let line = try streamMethod([
            Self.endpoint("things/create.md"),
            NamingTests.index("things-streaming", "Thing streaming", "When you [create a thing](../things/create.md) with `stream`..."),
            NamingTests.object("things-streaming/thing/delta.md", "thing.delta", type: "thing.delta"),
            NamingTests.object("things-streaming/thing/done.md", "thing.done", type: "thing.done"),
            NamingTests.object("other/event.md", "other.delta", type: "other.delta"),
        ], page: "things.create.swift")
        #expect(line.contains("-> EventStream<ThingStreamEvent>"))
    }

    @Test func aLinkedEventPageBringsItsSiblings() throws {
        let files = [
            Self.endpoint("audio/create.md", returns: "A [stream of events](delta-event.md)."),
            NamingTests.object("audio/delta-event.md", "Stream Event (speech.audio.delta)", type: "speech.audio.delta"),
            NamingTests.object("audio/done-event.md", "Stream Event (speech.audio.done)", type: "speech.audio.done"),
            NamingTests.object("audio/other-event.md", "Stream Event (transcript.text.done)", type: "transcript.text.done"),
        ]
        let module = try Generator.generate(Pipeline.model(files: files), options: .init(moduleName: "API"))
        let text = try #require(module.library.first { $0.name == "audio.create.swift" }).contents
        #expect(text.contains("-> EventStream<SpeechAudioStreamEvent>"))
        #expect(text.contains("case speechAudioDelta(SpeechAudioDeltaEvent)"))
        #expect(text.contains("case speechAudioDone(SpeechAudioDoneEvent)"))
        #expect(!text.contains("TranscriptTextDoneEvent"))
    }

    @Test func anIndexOfGroupsGivesTheGroupTheEndpointsExamplesShow() throws {
        // images-streaming holds image_generation.* and image_edit.* events; each endpoint streams its own.
        let example = { (type: String) in
            "\n## Examples\n### Streaming\n#### Response\n```json\nevent: \(type)\ndata: {\"type\":\"\(type)\",\"b64\":\"...\"}\n```\n"
        }
        let files = [
            Self.endpoint("things/create.md", examples: example("thing_made.partial")),
            Self.endpoint("things/edit.md", examples: example("thing_edit.done")),
            NamingTests.index("things-streaming", "Thing streaming"),
            NamingTests.object("things-streaming/thing_made/partial.md", "thing_made.partial", type: "thing_made.partial"),
            NamingTests.object("things-streaming/thing_made/done.md", "thing_made.done", type: "thing_made.done"),
            NamingTests.object("things-streaming/thing_edit/partial.md", "thing_edit.partial", type: "thing_edit.partial"),
            NamingTests.object("things-streaming/thing_edit/done.md", "thing_edit.done", type: "thing_edit.done"),
        ]
        let module = try Generator.generate(Pipeline.model(files: files), options: .init(moduleName: "API"))
        let create = try #require(module.library.first { $0.name == "things.create.swift" }).contents
        let edit = try #require(module.library.first { $0.name == "things.edit.swift" }).contents
        #expect(create.contains("-> EventStream<ThingMadeStreamEvent>"))
        #expect(create.contains("case thingMadePartial(ThingMadePartialEvent)") && create.contains("case thingMadeDone(ThingMadeDoneEvent)"))
        #expect(!create.contains("case thingEdit"))
        #expect(edit.contains("-> EventStream<ThingEditStreamEvent>"))
        #expect(edit.contains("case thingEditPartial(ThingEditPartialEvent)") && edit.contains("case thingEditDone(ThingEditDoneEvent)"))
        #expect(!edit.contains("case thingMade"))
    }

    @Test func withoutExamplesAnIndexOfGroupsGivesAllItsEvents() throws {
        let line = try streamMethod([
            Self.endpoint("things/create.md"),
            NamingTests.index("things-streaming", "Thing streaming"),
            NamingTests.object("things-streaming/thing_made/done.md", "thing_made.done", type: "thing_made.done"),
            NamingTests.object("things-streaming/thing_edit/done.md", "thing_edit.done", type: "thing_edit.done"),
        ], page: "things.create.swift")
        #expect(line.contains("-> EventStream<ThingsStreamEvent>"))
    }

    @Test func withoutStreamingDocsEachEventIsTheResponse() throws {
        let line = try streamMethod([Self.endpoint("things/create.md")], page: "things.create.swift")
        #expect(line.contains("-> EventStream<ThingsCreateResponse>"))
    }
}

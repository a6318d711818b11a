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

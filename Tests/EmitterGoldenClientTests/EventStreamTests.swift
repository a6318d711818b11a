import EmitterGoldenShapes
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// `completionsStream`, generated from Tests/EmitterGoldens/Specs/media/completions.md and the event pages of
/// media-streaming, against a real server that cuts the stream at awkward places.
@Suite struct EventStreamTests {
    func makeClient(_ server: LoopbackServer) -> Client {
        Client(apiKey: "sk-test", baseURL: server.baseURL, timeout: 20, retryPolicy: RetryPolicy(maxRetries: 0))
    }

    /// An event split across reads, a comment line, a `data:` spread over two lines, CRLF line ends, an event
    /// the docs do not list, then `[DONE]` (after which nothing is read).
    static let stream = ": keep-alive comment\n\n"
        + "data: {\"type\":\"completion.delta\",\"delta\":\"Hel\"}\n\n"
        + "event: message\r\ndata: {\"type\":\"completion.delta\",\r\ndata: \"delta\":\"lo\"}\r\n\r\n"
        + "data: {\"type\":\"completion.annotation\",\"note\":\"new\"}\n\n"
        + "data: {\"type\":\"completion.done\",\"text\":\"Hello\",\"tokens\":2}\n\n"
        + "data: [DONE]\n\n"
        + "data: {\"type\":\"completion.delta\",\"delta\":\"after done\"}\n\n"

    @Test(arguments: [
        [],                             // one write
        [1, 2, 3, 30, 45, 60, 61, 62],  // inside the comment, inside an event, between its lines
        Array(stride(from: 1, to: 400, by: 7)),
    ])
    func eventsArriveTypedWhereverTheStreamIsCut(pieces: [Int]) async throws {
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/event-stream", "x-request-id": "req_sse"],
                             body: Data(Self.stream.utf8)).written(inPiecesEndingAt: pieces, pause: 0.002),
        ])
        defer { server.stop() }

        let stream = try await makeClient(server).media.completionsStream(body: MediaCompletionsRequest(prompt: "Say hello"))
        var events: [CompletionStreamEvent] = []
        for try await event in stream { events.append(event) }

        #expect(stream.requestID == "req_sse")
        #expect(events == [
            .completionDelta(CompletionDeltaEvent(delta: "Hel")),
            .completionDelta(CompletionDeltaEvent(delta: "lo")),
            .unknown(["type": "completion.annotation", "note": "new"]),
            .completionDone(CompletionDoneEvent(text: "Hello", tokens: 2)),
        ])
        let request = try #require(server.requests.first)
        #expect(request.headers["accept"] == "text/event-stream")
        let sent = try JSONDecoder().decode(JSONValue.self, from: request.body)
        #expect(sent == ["prompt": "Say hello", "stream": true])
    }

    @Test func aStreamFormatFieldIsSetToSSE() async throws {
        // Audio speech has no `stream` flag: its `stream_format` chooses between audio bytes and events.
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/event-stream"],
                             body: Data("data: {\"type\":\"completion.delta\",\"delta\":\"Hi\"}\n\n".utf8)),
            ScriptedResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: Data([1, 2, 3])),
        ])
        defer { server.stop() }
        let client = makeClient(server)

        var events: [CompletionStreamEvent] = []
        for try await event in try await client.media.speechStream(body: MediaSpeechRequest(input: "Hi")) { events.append(event) }
        let audio = try await client.media.speech(body: MediaSpeechRequest(input: "Hi"))

        #expect(events == [.completionDelta(CompletionDeltaEvent(delta: "Hi"))])
        #expect(try JSONDecoder().decode(JSONValue.self, from: server.requests[0].body) == ["input": "Hi", "stream_format": "sse"])
        #expect(server.requests[0].headers["accept"] == "text/event-stream")
        #expect(audio.value == Data([1, 2, 3]))
        #expect(try JSONDecoder().decode(JSONValue.self, from: server.requests[1].body) == ["input": "Hi"])
    }

    @Test func theNonStreamingMethodDoesNotAskForAStream() async throws {
        let server = try LoopbackServer(responses: [.json(200, #"{"text":"Hello"}"#)])
        defer { server.stop() }

        let response = try await makeClient(server).media.completions(body: MediaCompletionsRequest(prompt: "Say hello"))

        #expect(response.value.text == "Hello")
        #expect(try JSONDecoder().decode(JSONValue.self, from: server.requests[0].body) == ["prompt": "Say hello"])
    }

    @Test func eventsArriveBeforeTheStreamEnds() async throws {
        let first = "data: {\"type\":\"completion.delta\",\"delta\":\"Hel\"}\n\n"
        let body = first + "data: {\"type\":\"completion.done\",\"text\":\"Hello\",\"tokens\":2}\n\n"
        let gate = Gate()
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/event-stream"], body: Data(body.utf8))
                .written(inPiecesEndingAt: [first.utf8.count], pause: 0).held(by: gate),
        ])
        defer { server.stop() }

        var events: [CompletionStreamEvent] = []
        for try await event in try await makeClient(server).media.completionsStream(body: MediaCompletionsRequest(prompt: "p")) {
            events.append(event)
            gate.open()  // the server sends the second event only now
        }

        // Had the client waited for the end of the body, the server would have given up on the gate after 30 s.
        #expect(gate.wasOpened == true)
        #expect(events.count == 2)
    }

    @Test func anEventThatDisagreesWithItsDocsArrivesWithItsIssue() async throws {
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/event-stream"],
                             body: Data("data: {\"type\":\"completion.done\",\"text\":\"Hello\",\"tokens\":\"two\"}\n\n".utf8)),
        ])
        defer { server.stop() }

        var events: [CompletionStreamEvent] = []
        for try await event in try await makeClient(server).media.completionsStream(body: MediaCompletionsRequest(prompt: "p")) {
            events.append(event)
        }

        guard events.count == 1, case .completionDone(let done) = events[0] else {
            Issue.record("expected one completion.done event, got \(events)")
            return
        }
        #expect(done.text == "Hello")
        #expect(done.tokens == 0)
        #expect(done.deviations.isFallback("tokens"))
        #expect(done.deviations.issues.map(\.description) == [#"$.tokens: a string ("two"), documented as integer"#])
        #expect(try JSONValue(encoding: done)["tokens"] == "two")
    }

    @Test func aBrokenEventNamesItsPath() async throws {
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/event-stream"],
                             body: Data("data: {\"type\":\"completion.done\",\"text\":\"Hello\",\"tokens\":\"two\"}\n\n".utf8)),
        ])
        defer { server.stop() }

        let stream = try await makeClient(server).media.completionsStream(
            body: MediaCompletionsRequest(prompt: "p"), options: RequestOptions(decoding: .strict))
        do {
            for try await _ in stream {}
            Issue.record("expected a decoding error")
        } catch let error as APIError {
            guard case .decoding(let path, _) = error.kind else { Issue.record("not a decoding error: \(error)"); return }
            #expect(path.contains("tokens"))
        }
    }

    @Test func anErrorStatusIsAnAPIErrorBeforeAnyEvent() async throws {
        let server = try LoopbackServer(responses: [
            .json(400, #"{"error":{"message":"stream not allowed"}}"#, headers: ["x-request-id": "req_400"]),
        ])
        defer { server.stop() }

        do {
            _ = try await makeClient(server).media.completionsStream(body: MediaCompletionsRequest(prompt: "p"))
            Issue.record("expected an error")
        } catch let error as APIError {
            #expect(error.kind == .status(400))
            #expect(error.message == "stream not allowed")
            #expect(error.requestID == "req_400")
        }
    }

    @Test func anEventThatDisagreesWithItsDocsReachesTheHook() async throws {
        let body = "event: completion.delta\ndata: {\"type\":\"completion.delta\",\"delta\":5}\n\n"
            + "data: {\"type\":\"completion.delta\",\"delta\":\"ok\"}\n\n"
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/event-stream", "x-request-id": "req_ev"], body: Data(body.utf8)),
        ])
        defer { server.stop() }
        let reports = Reports()
        var configuration = ClientConfiguration(apiKey: "sk-test", baseURL: server.baseURL, timeout: 20, retryPolicy: RetryPolicy(maxRetries: 0))
        configuration.onDecodingIssues = { reports.append($0) }

        var events: [CompletionStreamEvent] = []
        for try await event in try await Client(configuration: configuration).media.completionsStream(body: MediaCompletionsRequest(prompt: "Hi")) {
            events.append(event)
        }

        #expect(events.count == 2)
        let report = try #require(reports.all.first)
        #expect(reports.all.count == 1)
        #expect(report.event == "completion.delta" && report.requestID == "req_ev" && report.method == "POST")
        #expect(report.description.hasPrefix("POST /completions, event completion.delta: 1 decoding issue: $.delta: a number (5), documented as string"))
    }
}

/// What a hook heard, from whichever thread it was called on.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [DecodingIssueReport] = []

    func append(_ report: DecodingIssueReport) { lock.withLock { reports.append(report) } }
    var all: [DecodingIssueReport] { lock.withLock { reports } }
}

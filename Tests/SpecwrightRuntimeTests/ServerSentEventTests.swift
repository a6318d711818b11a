import Foundation
import Testing
@testable import SpecwrightRuntime

@Suite("Server-sent events")
struct ServerSentEventTests {
    /// A stream with a comment, an event name, data over two lines, CRLF and CR line ends, and `[DONE]`.
    static let stream = Data((
        ": keep-alive comment\r\n"
        + "event: response.output_text.delta\r\n"
        + "data: {\"type\":\"response.output_text.delta\",\r\n"
        + "data: \"delta\":\"Hi\"}\r\n\r\n"
        + "data: {\"type\":\"response.brand_new\",\"x\":1}\r\r"
        + "id: 7\n"
        + "data:{\"type\":\"response.completed\"}\n\n"
        + "data: [DONE]\n\n"
    ).utf8)

    static let expected = [
        ServerSentEvent(event: "response.output_text.delta", data: "{\"type\":\"response.output_text.delta\",\n\"delta\":\"Hi\"}"),
        ServerSentEvent(data: "{\"type\":\"response.brand_new\",\"x\":1}"),
        ServerSentEvent(data: "{\"type\":\"response.completed\"}", id: "7"),
        ServerSentEvent(data: "[DONE]", id: "7"),
    ]

    /// Every way of cutting the stream in two, and byte by byte: the same events.
    @Test func eventsDoNotDependOnHowTheBytesArrive() {
        let bytes = Array(Self.stream)
        for cut in 0...bytes.count {
            var parser = ServerSentEventParser()
            let events = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...]) + parser.finish()
            #expect(events == Self.expected, "cut at \(cut)")
        }
        var parser = ServerSentEventParser()
        let oneByOne = bytes.flatMap { parser.feed([$0]) } + parser.finish()
        #expect(oneByOne == Self.expected)
    }

    @Test func aFinalEventWithoutABlankLineIsDelivered() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Data("data: last".utf8)).isEmpty)
        #expect(parser.finish() == [ServerSentEvent(data: "last")])
    }

    enum Event: Decodable, Equatable, Sendable {
        case delta(String)
        case completed
        case unknown(String)

        init(from decoder: any Decoder) throws {
            let value = try JSONValue(from: decoder)
            switch value["type"]?.stringValue {
            case "response.output_text.delta": self = .delta(value["delta"]?.stringValue ?? "")
            case "response.completed": self = .completed
            default: self = .unknown(value["type"]?.stringValue ?? "")
            }
        }
    }

    struct Chunks: AsyncSequence, Sendable {
        typealias Element = Data
        let chunks: [Data]
        func makeAsyncIterator() -> AsyncStream<Data>.Iterator {
            AsyncStream { continuation in
                for chunk in chunks { continuation.yield(chunk) }
                continuation.finish()
            }.makeAsyncIterator()
        }
    }

    /// Typed events in awkward chunks (3 bytes each): unknown events delivered, `[DONE]` ends the stream.
    @Test func typedEventsFromChunks() async throws {
        let bytes = Array(Self.stream)
        let chunks = stride(from: 0, to: bytes.count, by: 3).map { Data(bytes[$0..<min($0 + 3, bytes.count)]) }
        var events: [Event] = []
        for try await event in TypedEventStream(Chunks(chunks: chunks), as: Event.self) { events.append(event) }
        #expect(events == [.delta("Hi"), .unknown("response.brand_new"), .completed])
    }

    @Test func anEventThatDoesNotDecodeIsADecodingError() async throws {
        struct Strict: Decodable, Sendable { var id: Int }
        let stream = TypedEventStream(Chunks(chunks: [Data("event: x\ndata: {\"id\":\"seven\"}\n\n".utf8)]), as: Strict.self)
        do {
            for try await _ in stream {}
            Issue.record("expected a decoding error")
        } catch let error as APIError {
            guard case .decoding(let path, let message) = error.kind else { Issue.record("\(error)"); return }
            #expect(path == "$.id")
            #expect(message.hasPrefix("event x:"))
        }
    }
}

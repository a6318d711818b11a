import Foundation

/// One server-sent event (the `text/event-stream` format of the HTML standard).
public struct ServerSentEvent: Codable, Sendable, Hashable {
    /// The `event:` field; nil for the default event type, `message`.
    public var event: String?
    /// The `data:` lines joined with newlines.
    public var data: String
    public var id: String?
    /// The `retry:` field, in milliseconds.
    public var retry: Int?

    public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

/// Turns the bytes of an event stream into events, however the bytes arrive: a line or an event may be split
/// across any number of reads, and so may a CRLF. Lines end with LF, CR or CRLF; lines that start with `:` are
/// comments; an empty line ends an event; an event without data is not dispatched.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var sawCR = false
    private var event: String?
    private var data: [String] = []
    private var hasData = false
    private var id: String?
    private var retry: Int?

    public init() {}

    /// The events completed by `bytes`.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if sawCR {
                sawCR = false
                if byte == UInt8(ascii: "\n") { continue }  // the LF of a CRLF split anywhere
            }
            switch byte {
            case UInt8(ascii: "\r"):
                sawCR = true
                endLine(into: &events)
            case UInt8(ascii: "\n"):
                endLine(into: &events)
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// The event left when the stream ends without a final empty line.
    public mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if !line.isEmpty { endLine(into: &events) }
        endLine(into: &events)  // dispatch what is pending
        return events
    }

    private mutating func endLine(into events: inout [ServerSentEvent]) {
        defer { line.removeAll(keepingCapacity: true) }
        guard !line.isEmpty else {
            if hasData { events.append(ServerSentEvent(event: event, data: data.joined(separator: "\n"), id: id, retry: retry)) }
            event = nil
            data = []
            hasData = false
            retry = nil
            return
        }
        if line.first == UInt8(ascii: ":") { return }  // a comment
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        let field = String(decoding: line[..<colon], as: UTF8.self)
        var valueStart = colon < line.endIndex ? line.index(after: colon) : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart = line.index(after: valueStart) }
        let value = String(decoding: line[valueStart...], as: UTF8.self)
        switch field {
        case "data":
            data.append(value)
            hasData = true
        case "event": event = value
        case "id": id = value
        case "retry": retry = Int(value)
        default: break  // unknown fields are ignored, as the standard says
        }
    }
}

/// The events of a byte stream that arrives in chunks (for example `URLSession.AsyncBytes` read in slices, or a
/// transport's body chunks).
public struct ServerSentEventStream<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == Data {
    public typealias Element = ServerSentEvent
    let base: Base

    public init(_ base: Base) { self.base = base }

    public func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator()) }

    public struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        var parser = ServerSentEventParser()
        var ready: [ServerSentEvent] = []
        var ended = false

        public mutating func next() async throws -> ServerSentEvent? {
            while ready.isEmpty {
                if ended { return nil }
                if let chunk = try await base.next() {
                    ready = parser.feed(chunk)
                } else {
                    ended = true
                    ready = parser.finish()
                }
            }
            return ready.removeFirst()
        }
    }
}

/// Typed events: each event's data decoded as JSON into `Event` (a generated union chooses the case by its
/// `type`, and keeps events it does not know as `unknown`). OpenAI's `data: [DONE]` ends the stream. With
/// `Event` = `ServerSentEvent` the events come as they are, for streams whose docs name no event types.
public struct TypedEventStream<Event: Decodable & Sendable, Base: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Base.Element == Data {
    public typealias Element = Event
    let events: ServerSentEventStream<Base>
    let mode: DecodingMode
    let onIssues: (@Sendable (_ event: String?, _ issues: [DecodingIssue]) -> Void)?

    /// The events of `base`, decoded in `mode`: tolerantly, an event whose members disagree with the docs
    /// keeps what arrived in its `deviations` (see `DecodingMode`), and `onIssues` hears of it with the
    /// event's name (`response.output_text.delta`; nil for an event without one).
    public init(_ base: Base, as type: Event.Type = Event.self, mode: DecodingMode = .tolerant,
                onIssues: (@Sendable (_ event: String?, _ issues: [DecodingIssue]) -> Void)? = nil) {
        events = ServerSentEventStream(base)
        self.mode = mode
        self.onIssues = onIssues
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator(), decoder: JSONCoding.makeDecoder(mode: mode), onIssues: onIssues)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var events: ServerSentEventStream<Base>.Iterator
        let decoder: TreeJSONDecoder
        let onIssues: (@Sendable (_ event: String?, _ issues: [DecodingIssue]) -> Void)?

        public mutating func next() async throws -> Event? {
            guard let event = try await events.next(), event.data != "[DONE]" else { return nil }
            if let raw = event as? Event { return raw }
            do {
                let (value, issues) = try decoder.decodeReportingIssues(Event.self, from: Data(event.data.utf8))
                if !issues.isEmpty { onIssues?(event.event, issues) }
                return value
            } catch let error as DecodingError {
                let (path, message) = DecodingErrorPath.describe(error)
                throw APIError(kind: .decoding(path: path, message: "event \(event.event ?? "message"): \(message)"))
            }
        }
    }
}

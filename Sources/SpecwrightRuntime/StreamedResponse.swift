import Foundation

/// The body of a response as it arrives: chunks of bytes in order, for bodies too large to hold at once
/// (audio, file contents) and for event streams. It can be iterated once.
public struct ResponseBody: AsyncSequence, Sendable {
    public typealias Element = Data
    private let chunks: AsyncThrowingStream<Data, any Error>
    private let transformError: (@Sendable (any Error) -> any Error)?

    /// A body fed by `chunks`.
    public init(_ chunks: AsyncThrowingStream<Data, any Error>) {
        self.chunks = chunks
        transformError = nil
    }

    private init(_ chunks: AsyncThrowingStream<Data, any Error>, transformError: (@Sendable (any Error) -> any Error)?) {
        self.chunks = chunks
        self.transformError = transformError
    }

    /// A body that is already complete.
    public static func complete(_ data: Data) -> ResponseBody {
        ResponseBody(AsyncThrowingStream { continuation in
            if !data.isEmpty { continuation.yield(data) }
            continuation.finish()
        })
    }

    /// The same body, whatever it throws passed through `transform` first (`APIClient` makes a transport's
    /// failures `APIError`s, redacted like every other).
    public func mappingErrors(_ transform: @escaping @Sendable (any Error) -> any Error) -> ResponseBody {
        let inner = transformError
        return ResponseBody(chunks) { error in transform(inner?(error) ?? error) }
    }

    public func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks.makeAsyncIterator(), transformError: transformError) }

    /// Reads the chunks in order.
    public struct Iterator: AsyncIteratorProtocol {
        var chunks: AsyncThrowingStream<Data, any Error>.Iterator
        let transformError: (@Sendable (any Error) -> any Error)?

        public mutating func next() async throws -> Data? {
            do {
                return try await chunks.next()
            } catch {
                throw transformError?(error) ?? error
            }
        }
    }

    /// Every remaining byte, read to the end.
    ///
    /// - Throws: `APIError` of kind `.invalidArgument(name: "limit", ...)` when the body exceeds `limit` bytes.
    public func collect(upTo limit: Int = .max) async throws -> Data {
        var data = Data()
        for try await chunk in self {
            guard data.count + chunk.count <= limit else {
                throw APIError(kind: .invalidArgument(name: "limit", reason: "the body is larger than \(limit) bytes"))
            }
            data.append(chunk)
        }
        return data
    }
}

/// A 2xx response whose body is still arriving.
public struct StreamedResponse: Sendable {
    /// The status code.
    public var statusCode: Int
    /// Header fields as the server spelled them; read them with `header(_:)`.
    public var headers: [String: String]
    /// The body, chunk by chunk.
    public var body: ResponseBody

    public init(statusCode: Int, headers: [String: String] = [:], body: ResponseBody) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The value of the header `name`, compared without regard to case.
    public func header(_ name: String) -> String? { HeaderFields.value(of: name, in: headers) }

    /// The `x-request-id` the server sent.
    public var requestID: String? { header("x-request-id") }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }

    /// The whole response, its body read to the end.
    public func collected(upTo limit: Int = .max) async throws -> HTTPResponse {
        HTTPResponse(statusCode: statusCode, headers: headers, body: try await body.collect(upTo: limit))
    }
}

/// A `text/event-stream` response as typed events (see `TypedEventStream`), with the response's status and
/// headers. Generated `...Stream` methods return it; iterate it with `for try await event in stream`.
public struct EventStream<Event: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Event
    /// The status code.
    public let statusCode: Int
    /// Header fields as the server spelled them.
    public let headers: [String: String]
    private let events: TypedEventStream<Event, ResponseBody>

    /// The events of `response`, decoded in `mode` (see `DecodingMode`); `onDecodingIssues` hears of each event
    /// that disagreed with the docs, as `ClientConfiguration.onDecodingIssues` of a plain response (`method`
    /// and `path` name the call).
    public init(_ response: StreamedResponse, mode: DecodingMode = .tolerant, method: String = "", path: String = "",
                onDecodingIssues: (@Sendable (DecodingIssueReport) -> Void)? = nil) {
        statusCode = response.statusCode
        headers = response.headers
        var onIssues: (@Sendable (String?, [DecodingIssue]) -> Void)?
        if let onDecodingIssues {
            let requestID = response.requestID
            onIssues = { event, issues in
                onDecodingIssues(DecodingIssueReport(method: method, path: path, requestID: requestID, issues: issues, event: event))
            }
        }
        events = TypedEventStream(response.body, mode: mode, onIssues: onIssues)
    }

    /// The `x-request-id` the server sent.
    public var requestID: String? { HeaderFields.value(of: "x-request-id", in: headers) }

    public func makeAsyncIterator() -> TypedEventStream<Event, ResponseBody>.Iterator { events.makeAsyncIterator() }
}

import Foundation

/// Every failure of a generated client: an error status, an undecodable body, no connection, a timeout,
/// or an argument rejected before sending.
///
/// Its `description` is a complete human message (status, request ID, the server's `error.message` or the
/// start of a body that is not JSON, the JSON path of a decoding failure, what failed on the network and
/// where, the attempts made). Errors `APIClient` throws hold no credential anywhere: the API key and the
/// secret headers' values are replaced by `<redacted>` in the body, the raw response and every text (see
/// `Redactor`).
public struct APIError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible, LocalizedError, CustomReflectable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The server answered with this non-2xx status (after any retries).
        case status(Int)
        /// A 2xx body did not match the expected type; `path` is a JSON path such as `$.data[1].status.type`.
        case decoding(path: String, message: String)
        /// No response: the connection failed (after any retries); the text says how and where
        /// (`transportFailure` has it as a value).
        case connection(String)
        /// No response within a timeout (after any retries); `transportFailure` says which wait ran out.
        case timeout
        /// An argument failed validation before the request was sent.
        case invalidArgument(name: String, reason: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The response's status, when there was a response.
    public var statusCode: Int?
    /// The response body decoded as JSON, when the server sent JSON.
    public var body: JSONValue?
    /// The `x-request-id` header, when there was a response.
    public var requestID: String?
    /// The response as received, when there was one.
    public var raw: HTTPResponse?
    /// For `.connection` and `.timeout`: what failed, where and at which step.
    public var transportFailure: TransportFailure?
    /// How many times the request was sent (1 plus the retries), for an error status, a connection failure or
    /// a timeout; 0 where it is not counted (an argument rejected before sending, a body that did not decode).
    public var attempts: Int

    /// Creates an error.
    public init(
        kind: Kind, statusCode: Int? = nil, body: JSONValue? = nil, requestID: String? = nil, raw: HTTPResponse? = nil,
        transportFailure: TransportFailure? = nil, attempts: Int = 0
    ) {
        self.kind = kind
        self.statusCode = statusCode
        self.body = body
        self.requestID = requestID
        self.raw = raw
        self.transportFailure = transportFailure
        self.attempts = attempts
    }

    /// The server's own explanation: `error.message` of the body (or a top-level `message`); for an error
    /// status whose body is not JSON (a proxy's HTML page, a plain-text 502), the start of that body.
    public var message: String? {
        if let message = body?["error"]?["message"]?.stringValue ?? body?["message"]?.stringValue { return message }
        guard case .status = kind, body == nil, let raw, !raw.body.isEmpty else { return nil }
        return Self.excerpt(raw.body)
    }

    /// The first 200 characters of `data` as one line of text.
    static func excerpt(_ data: Data, limit: Int = 200) -> String {
        let text = String(decoding: data.prefix(limit * 4), as: UTF8.self)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "..." : text
    }

    /// A complete human message.
    public var description: String {
        var text: String
        switch kind {
        case .status(let code):
            text = "HTTP \(code)"
            if let message { text += ": \(message)" }
        case .decoding(let path, let message):
            text = "Could not decode the response at \(path): \(message)"
        case .connection(let reason):
            text = "Connection failed: \(reason)"
        case .timeout:
            text = transportFailure.map { "The request \($0)" } ?? "The request timed out."
        case .invalidArgument(let name, let reason):
            text = "Invalid argument `\(name)`: \(reason)"
        }
        if case .status = kind {} else if let statusCode { text += " (HTTP \(statusCode))" }
        if attempts > 1 { text += " (\(attempts) attempts)" }
        if let requestID { text += " [request ID: \(requestID)]" }
        return text
    }

    /// The same as `description`.
    public var debugDescription: String { description }
    /// The same as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// The stored members (all already redacted).
    public var customMirror: Mirror {
        Mirror(self, children: [
            "kind": kind, "statusCode": statusCode as Any, "body": body as Any, "requestID": requestID as Any,
            "raw": raw as Any,
            "transportFailure": transportFailure as Any, "attempts": attempts,
        ], displayStyle: .struct)
    }
}

import Foundation

/// Every failure of a generated client: an error status, an undecodable body, no connection, a timeout,
/// or an argument rejected before sending.
///
/// Its `description` is a complete human message (status, request ID, the server's `error.message`,
/// the JSON path of a decoding failure) and never contains the API key.
public struct APIError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible, LocalizedError, CustomReflectable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The server answered with this non-2xx status (after any retries).
        case status(Int)
        /// A 2xx body did not match the expected type; `path` is a JSON path such as `$.data[1].status.type`.
        case decoding(path: String, message: String)
        /// No response: the connection failed (after any retries).
        case connection(String)
        /// No response within the timeout (after any retries).
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
    /// Text to hide from `description` (the client's API key, should a server echo it).
    var redacted: String?

    /// Creates an error.
    public init(kind: Kind, statusCode: Int? = nil, body: JSONValue? = nil, requestID: String? = nil, raw: HTTPResponse? = nil) {
        self.kind = kind
        self.statusCode = statusCode
        self.body = body
        self.requestID = requestID
        self.raw = raw
    }

    /// The server's own explanation: `error.message` of the body (or a top-level `message`).
    public var message: String? {
        body?["error"]?["message"]?.stringValue ?? body?["message"]?.stringValue
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
            text = "The request timed out."
        case .invalidArgument(let name, let reason):
            text = "Invalid argument `\(name)`: \(reason)"
        }
        if case .status = kind {} else if let statusCode { text += " (HTTP \(statusCode))" }
        if let requestID { text += " [request ID: \(requestID)]" }
        if let redacted, !redacted.isEmpty { text = text.replacingOccurrences(of: redacted, with: "<redacted>") }
        return text
    }

    /// The same as `description`.
    public var debugDescription: String { description }
    /// The same as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// The public members only: the default mirror would show `redacted`, the API key itself, to `dump`
    /// and reflection.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "kind": kind, "statusCode": statusCode as Any, "body": body as Any, "requestID": requestID as Any,
            "raw": raw as Any,
        ], displayStyle: .struct)
    }
}

import Foundation

/// Everything a generated client needs to reach the API: credentials, server, defaults and transport.
///
/// Printing it (`description`, `debugDescription`, `dump`) never shows the API key, so configurations can be
/// logged safely.
public struct ClientConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret sent as `Authorization: Bearer <apiKey>`.
    public var apiKey: String
    /// The server with the API version the generated paths leave out (`https://api.openai.com/v1`, the
    /// generated client's `defaultBaseURL`); endpoint paths (`/chatkit/threads`) are appended to it.
    public var baseURL: URL
    /// Headers sent with every call: they replace the client's defaults and the headers the docs require for an
    /// endpoint, and per-call headers replace them.
    public var headers: [String: String]
    /// Seconds each attempt may take; 600 by default, as in the official SDKs.
    public var timeout: TimeInterval
    /// Retries for every call unless `RequestOptions` overrides them.
    public var retryPolicy: RetryPolicy
    /// What sends the requests.
    public var transport: any HTTPTransport

    /// Creates a configuration.
    public init(
        apiKey: String,
        baseURL: URL,
        headers: [String: String] = [:],
        timeout: TimeInterval = 600,
        retryPolicy: RetryPolicy = .default,
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.headers = headers
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.transport = transport
    }

    /// A summary with the key redacted and only the names of the extra headers (values may be secrets too).
    public var description: String {
        "ClientConfiguration(baseURL: \(baseURL.absoluteString), apiKey: <redacted>, "
            + "headers: [\(headers.keys.sorted().joined(separator: ", "))], timeout: \(timeout), "
            + "retryPolicy: \(retryPolicy), transport: \(type(of: transport)))"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the key, so `dump` and reflection cannot reveal it.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "baseURL": baseURL.absoluteString,
            "apiKey": "<redacted>",
            "headers": headers.keys.sorted(),
            "timeout": timeout,
            "retryPolicy": retryPolicy,
            "transport": String(describing: type(of: transport)),
        ], displayStyle: .struct)
    }
}

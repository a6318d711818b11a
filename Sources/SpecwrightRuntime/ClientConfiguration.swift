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
    /// Names of headers that are credentials besides `Authorization`, `Proxy-Authorization`, `Cookie` and
    /// `api-key` (such as `OpenAI-Organization`, `OpenAI-Project`): never sent to another origin when a
    /// redirect leaves it, and their values hidden from errors like the key's.
    public var secretHeaders: Set<String>
    /// How long calls may wait (see `Timeouts`): 5 s to connect, 600 s per read, no total deadline, as in the
    /// official SDKs.
    public var timeouts: Timeouts
    /// Retries for every call unless `RequestOptions` overrides them.
    public var retryPolicy: RetryPolicy
    /// What sends the requests.
    public var transport: any HTTPTransport
    /// How responses that disagree with the docs decode: `.tolerant` (the default) goes on and reports each
    /// disagreement; `.strict` throws. `RequestOptions.decoding` overrides it per call.
    public var decoding: DecodingMode = .tolerant
    /// Called with every response, and every event of a stream, that decoded with issues (`.tolerant` only),
    /// to log or count them: the docs were wrong there. Called on the task that made the call (or iterates the
    /// stream), before the value is handed over.
    public var onDecodingIssues: (@Sendable (DecodingIssueReport) -> Void)?

    /// Creates a configuration.
    public init(
        apiKey: String,
        baseURL: URL,
        headers: [String: String] = [:],
        secretHeaders: Set<String> = [],
        timeouts: Timeouts = .default,
        retryPolicy: RetryPolicy = .default,
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.headers = headers
        self.secretHeaders = secretHeaders
        self.timeouts = timeouts
        self.retryPolicy = retryPolicy
        self.transport = transport
    }

    /// Creates a configuration whose waits for data are bounded by `timeout` seconds (see
    /// `Timeouts.init(seconds:)`).
    public init(
        apiKey: String,
        baseURL: URL,
        headers: [String: String] = [:],
        timeout: TimeInterval,
        retryPolicy: RetryPolicy = .default,
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.init(apiKey: apiKey, baseURL: baseURL, headers: headers, timeouts: Timeouts(seconds: timeout),
                  retryPolicy: retryPolicy, transport: transport)
    }

    /// The read timeout, the one number earlier versions had; setting it sets `timeouts` as
    /// `Timeouts(seconds:)` does.
    public var timeout: TimeInterval {
        get { timeouts.read }
        set { timeouts = Timeouts(seconds: newValue) }
    }

    /// A summary with the key redacted and only the names of the extra headers (values may be secrets too).
    public var description: String {
        "ClientConfiguration(baseURL: \(HeaderFields.printable(baseURL)), apiKey: <redacted>, "
            + "headers: [\(headers.keys.sorted().joined(separator: ", "))], timeouts: \(timeouts), "
            + "retryPolicy: \(retryPolicy), decoding: \(decoding), transport: \(type(of: transport)))"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the key, so `dump` and reflection cannot reveal it.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "baseURL": HeaderFields.printable(baseURL),
            "apiKey": "<redacted>",
            "headers": headers.keys.sorted(),
            "timeouts": timeouts,
            "retryPolicy": retryPolicy,
            "decoding": decoding,
            "transport": String(describing: type(of: transport)),
        ], displayStyle: .struct)
    }
}

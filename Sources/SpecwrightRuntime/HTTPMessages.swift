import Foundation

/// One HTTP request as a transport sends it: the fully built URL, headers and body, how long to wait, and
/// which headers are credentials.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    /// The method, such as `GET` or `POST`.
    public var method: String
    /// The absolute URL, query included.
    public var url: URL
    /// Header fields; names are compared without regard to case.
    public var headers: [String: String]
    /// The body, if any.
    public var body: Data?
    /// How long the exchange may wait (see `Timeouts`); `total` counts from the start of this exchange.
    public var timeouts: Timeouts
    /// Lowercased names of the headers that are credentials: never sent to another origin on a redirect, and
    /// their values hidden from errors. `APIClient` sets `Authorization` and the configuration's secret headers.
    public var secretHeaderNames: Set<String>
    /// Redirects followed before giving up; 20, as httpx and browsers. 0 returns a redirect as the response.
    public var redirectLimit: Int

    /// The headers that are credentials whatever the configuration says.
    public static let standardSecretHeaderNames: Set<String> = ["authorization", "proxy-authorization", "cookie", "api-key"]

    /// Creates a request.
    public init(
        method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeouts: Timeouts = .default,
        secretHeaderNames: Set<String> = HTTPRequest.standardSecretHeaderNames, redirectLimit: Int = 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.secretHeaderNames = Set(secretHeaderNames.map { $0.lowercased() })
        self.redirectLimit = redirectLimit
    }

    /// Creates a request whose waits for data are bounded by `timeout` (see `Timeouts.init(seconds:)`).
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval) {
        self.init(method: method, url: url, headers: headers, body: body, timeouts: Timeouts(seconds: timeout))
    }

    /// The read timeout (`timeouts.read`), the one number earlier versions had.
    public var timeout: TimeInterval {
        get { timeouts.read }
        set { timeouts.read = newValue }
    }

    /// The value of the header `name`, compared without regard to case.
    public func header(_ name: String) -> String? { HeaderFields.value(of: name, in: headers) }

    /// The values of the secret headers present, the credentials to hide from anything kept for errors.
    public var secretValues: [String] {
        headers.compactMap { secretHeaderNames.contains($0.key.lowercased()) ? $0.value : nil }
    }

    /// Method, URL (without user or password) and header names; header values are left out because
    /// `Authorization` carries the key.
    public var description: String {
        "\(method) \(HeaderFields.printable(url)) (headers: \(headers.keys.sorted().joined(separator: ", ")); body: \(body?.count ?? 0) bytes)"
    }
}

/// One HTTP response as a transport received it.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var statusCode: Int
    /// Header fields as the server spelled them; read them with `header(_:)`.
    public var headers: [String: String]
    /// The body; empty when there was none.
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The value of the header `name`, compared without regard to case (HTTP names are case-insensitive).
    public func header(_ name: String) -> String? { HeaderFields.value(of: name, in: headers) }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}

/// Sends HTTP requests. `URLSessionTransport` is the default; tests and apps may supply their own.
///
/// A transport throws when no response arrives: a `TransportFailure` (or `URLError(.timedOut)`, or an
/// `APIError` of kind `.timeout`) for a timeout, `CancellationError` when the task was cancelled, anything
/// else for a connection failure. Every status code, including errors, is a response, not a throw.
///
/// The runtime's transport honours `HTTPRequest.timeouts` and follows redirects itself, leaving out the
/// secret headers when a redirect leaves the origin (see `URLSessionTransport`); a transport of your own
/// should do the same.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends `request` and returns as soon as the status and headers are in; the body follows in chunks.
    /// `request.timeouts` bound the waits for the headers and between chunks of the body. Ending the iteration of the body
    /// early, or cancelling the task that reads it, stops the transfer.
    ///
    /// The default implementation calls `send` and delivers the body as one chunk.
    func stream(_ request: HTTPRequest) async throws -> StreamedResponse
}

extension HTTPTransport {
    public func stream(_ request: HTTPRequest) async throws -> StreamedResponse {
        let response = try await send(request)
        return StreamedResponse(statusCode: response.statusCode, headers: response.headers, body: .complete(response.body))
    }
}

/// Case-insensitive header helpers shared by requests, responses and the client.
enum HeaderFields {
    /// `url` for printing: a user or password in it (`https://user:secret@host`) shows as `<redacted>`.
    static func printable(_ url: URL) -> String {
        guard url.user != nil || url.password != nil,
              var components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        else { return url.absoluteString }
        components.user = "<redacted>"
        components.password = nil
        return components.string ?? "<redacted URL>"
    }

    static func value(of name: String, in headers: [String: String]) -> String? {
        if let exact = headers[name] { return exact }
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered }?.value
    }

    /// Sets `value` for `name`, replacing any field whose name differs only in case.
    static func set(_ name: String, _ value: String, in headers: inout [String: String]) {
        let lowered = name.lowercased()
        for key in headers.keys where key.lowercased() == lowered { headers[key] = nil }
        headers[name] = value
    }

    /// Removes every field named `name` (without regard to case).
    static func remove(_ name: String, from headers: inout [String: String]) {
        let lowered = name.lowercased()
        for key in headers.keys where key.lowercased() == lowered { headers[key] = nil }
    }

    /// Applies `overrides` on top of `headers`, later winning without regard to case.
    static func merge(_ overrides: [String: String], into headers: inout [String: String]) {
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) { set(name, value, in: &headers) }
    }
}

import Foundation

/// One HTTP request as a transport sends it: the fully built URL, headers and body.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    /// The method, such as `GET` or `POST`.
    public var method: String
    /// The absolute URL, query included.
    public var url: URL
    /// Header fields; names are compared without regard to case.
    public var headers: [String: String]
    /// The body, if any.
    public var body: Data?
    /// Seconds the whole exchange may take before the transport gives up with a timeout.
    public var timeout: TimeInterval

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 600) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The value of the header `name`, compared without regard to case.
    public func header(_ name: String) -> String? { HeaderFields.value(of: name, in: headers) }

    /// Method, URL and header names; header values are left out because `Authorization` carries the key.
    public var description: String {
        "\(method) \(url.absoluteString) (headers: \(headers.keys.sorted().joined(separator: ", ")); body: \(body?.count ?? 0) bytes)"
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
/// A transport throws when no response arrives: `URLError(.timedOut)` (or an `APIError` of kind
/// `.timeout`) for a timeout, `CancellationError` when the task was cancelled, anything else for a
/// connection failure. Every status code, including errors, is a response, not a throw.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends `request` and returns as soon as the status and headers are in; the body follows in chunks.
    /// `request.timeout` bounds the wait for the headers, not the body. Ending the iteration of the body
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

    /// Applies `overrides` on top of `headers`, later winning without regard to case.
    static func merge(_ overrides: [String: String], into headers: inout [String: String]) {
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) { set(name, value, in: &headers) }
    }
}

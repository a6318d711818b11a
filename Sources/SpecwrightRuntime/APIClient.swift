import Foundation

/// The shared engine of every generated client: builds the HTTP request, sends it with retries, and turns
/// the response into a decoded value or an `APIError`.
///
/// Generated clients hold one and call `send` per endpoint. It is a value and `Sendable`; copies share the
/// transport.
public struct APIClient: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The configuration calls use.
    public let configuration: ClientConfiguration
    /// Headers every call of this API needs per its docs (such as `OpenAI-Beta`); configuration and
    /// per-call headers win over them.
    public let defaultHeaders: [String: String]

    /// A client for `configuration`; `defaultHeaders` are the headers the docs require.
    public init(configuration: ClientConfiguration, defaultHeaders: [String: String] = [:]) {
        self.configuration = configuration
        self.defaultHeaders = defaultHeaders
    }

    /// Sends `request` and decodes a 2xx body as `Value`.
    ///
    /// - Throws: `APIError` (`.status` for a non-2xx status after retries, `.decoding` for a body that does not
    ///   match, `.connection`, `.timeout`, `.invalidArgument`), or `CancellationError` when the task is
    ///   cancelled.
    public func send<Value: Decodable & Sendable>(
        _ request: EndpointRequest,
        options: RequestOptions? = nil,
        as type: Value.Type = Value.self
    ) async throws -> APIResponse<Value> {
        let raw = try await sendRaw(request, options: options)
        let requestID = raw.header("x-request-id")
        do {
            let value = try JSONCoding.makeDecoder().decode(Value.self, from: raw.body)
            return APIResponse(value: value, requestID: requestID, raw: raw)
        } catch {
            let (path, message) = (error as? DecodingError).map(DecodingErrorPath.describe)
                ?? ("$", String(describing: error))
            throw redacting(APIError(
                kind: .decoding(path: path, message: message), statusCode: raw.statusCode,
                body: Self.jsonBody(raw.body), requestID: requestID, raw: raw))
        }
    }

    /// Sends `request` with the same retries and errors as `send`, returning the 2xx response undecoded
    /// (for endpoints that return files or no body).
    public func sendRaw(_ request: EndpointRequest, options: RequestOptions? = nil) async throws -> HTTPResponse {
        let httpRequest = try makeHTTPRequest(request, options: options)
        let policy = options?.retryPolicy ?? configuration.retryPolicy
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let failure: APIError
            var response: HTTPResponse?
            var retryable = true
            do {
                let received = try await configuration.transport.send(httpRequest)
                if received.isSuccess { return received }
                response = received
                retryable = RetryDecision.shouldRetry(received)
                failure = Self.statusError(received)
            } catch {
                guard let transportFailure = Self.transportFailure(error) else { throw CancellationError() }
                failure = transportFailure
                retryable = Self.isRetryable(transportFailure)
            }
            guard retryable, attempt < policy.maxRetries else { throw redacting(failure) }
            let delay = RetryDecision.delay(attempt: attempt, policy: policy, response: response)
            try await Task.sleep(for: .seconds(min(delay, 86_400)))
            attempt += 1
        }
    }

    /// The error for a non-2xx response.
    static func statusError(_ response: HTTPResponse) -> APIError {
        APIError(
            kind: .status(response.statusCode), statusCode: response.statusCode,
            body: jsonBody(response.body), requestID: response.header("x-request-id"), raw: response)
    }

    /// The error for a transport failure, or `nil` when it was the task's cancellation.
    static func transportFailure(_ error: any Error) -> APIError? {
        if error is CancellationError || Task.isCancelled { return nil }
        if let apiError = error as? APIError { return apiError }
        if let urlError = error as? URLError, urlError.code == .timedOut { return APIError(kind: .timeout) }
        return APIError(kind: .connection(String(describing: error)))
    }

    /// Whether a transport failure is worth another attempt: connection failures and timeouts are.
    static func isRetryable(_ error: APIError) -> Bool {
        switch error.kind {
        case .connection, .timeout: return true
        default: return false
        }
    }

    /// The body as JSON, when it is JSON.
    static func jsonBody(_ data: Data) -> JSONValue? {
        guard !data.isEmpty else { return nil }
        return try? JSONCoding.makeDecoder().decode(JSONValue.self, from: data)
    }

    private func redacting(_ error: APIError) -> APIError {
        var error = error
        error.redacted = configuration.apiKey
        return error
    }

    /// The configuration (key redacted) and the names of the default headers.
    public var description: String {
        "APIClient(configuration: \(configuration), defaultHeaders: [\(defaultHeaders.keys.sorted().joined(separator: ", "))])"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the key.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration, "defaultHeaders": defaultHeaders.keys.sorted()], displayStyle: .struct)
    }
}

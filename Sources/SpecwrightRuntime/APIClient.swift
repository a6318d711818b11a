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
    /// The `User-Agent` calls send (see `UserAgent`); a `User-Agent` in the headers replaces it.
    public let userAgent: String

    /// A client for `configuration`; `defaultHeaders` are the headers the docs require; `userAgent` names the
    /// SDK (`UserAgent.value(sdk:version:)`, which generated clients call with their module's name).
    public init(configuration: ClientConfiguration, defaultHeaders: [String: String] = [:], userAgent: String? = nil) {
        self.configuration = configuration
        self.defaultHeaders = defaultHeaders
        self.userAgent = userAgent ?? UserAgent.value(sdk: nil, version: nil)
    }

    /// Sends `request` and decodes a 2xx body as `Value`.
    ///
    /// - Throws: `APIError` (`.status` for a non-2xx status after retries, `.decoding` for a body that does not
    ///   match, `.connection`, `.timeout`, `.invalidArgument`), or `CancellationError` when the task is
    ///   cancelled. No error holds the API key or a secret header's value.
    public func send<Value: Decodable & Sendable>(
        _ request: EndpointRequest,
        options: RequestOptions? = nil,
        as type: Value.Type = Value.self
    ) async throws -> APIResponse<Value> {
        let raw = try await sendRaw(request, options: options)
        let requestID = raw.header("x-request-id")
        do {
            let decoder = JSONCoding.makeDecoder(mode: options?.decoding ?? configuration.decoding)
            let (value, issues) = try decoder.decodeReportingIssues(Value.self, from: raw.body)
            if !issues.isEmpty, let report = configuration.onDecodingIssues {
                report(DecodingIssueReport(method: request.method, path: request.path, requestID: requestID, issues: issues))
            }
            return APIResponse(value: value, requestID: requestID, raw: raw, decodingIssues: issues)
        } catch {
            let (path, message) = (error as? DecodingError).map(DecodingErrorPath.describe)
                ?? ("$", String(describing: error))
            throw Redactor(secrets(of: try makeHTTPRequest(request, options: options))).error(APIError(
                kind: .decoding(path: path, message: message), statusCode: raw.statusCode,
                body: Self.jsonBody(raw.body), requestID: requestID, raw: raw))
        }
    }

    /// Sends `request` with the same retries and errors as `send`, returning the 2xx response undecoded
    /// (for endpoints that return files or no body).
    public func sendRaw(_ request: EndpointRequest, options: RequestOptions? = nil) async throws -> HTTPResponse {
        let transport = configuration.transport
        return try await withRetries(request, options: options) { httpRequest in
            let response = try await transport.send(httpRequest)
            return response.isSuccess ? .success(response) : .failure(response)
        }
    }

    /// Sends `request` with the same retries and errors as `send`, returning once a 2xx status and its headers
    /// are in; the body arrives in chunks (large files, event streams). Retries happen only before that point.
    ///
    /// What the body throws while it arrives (a stall longer than the read timeout, a reset) is an `APIError`
    /// of kind `.timeout` or `.connection`, redacted like every other.
    public func sendStreamed(_ request: EndpointRequest, options: RequestOptions? = nil) async throws -> StreamedResponse {
        let transport = configuration.transport
        let httpRequest = try makeHTTPRequest(request, options: options)
        let redactor = Redactor(secrets(of: httpRequest))
        var streamed = try await withRetries(request, options: options) { httpRequest in
            let response = try await transport.stream(httpRequest)
            // An error body is small; it is read whole for the error.
            return response.isSuccess ? .success(response) : .failure(try await response.collected(upTo: 1 << 20))
        }
        streamed.body = streamed.body.mappingErrors { error in
            if let apiError = error as? APIError { return redactor.error(apiError) }
            guard let failure = Self.transportFailure(error, request: httpRequest) else { return error }
            return redactor.error(failure)
        }
        return streamed
    }

    /// Sends `request` and streams its `text/event-stream` body as `Event`s (see `EventStream`).
    public func sendEvents<Event: Decodable & Sendable>(
        _ request: EndpointRequest,
        options: RequestOptions? = nil,
        as type: Event.Type = Event.self
    ) async throws -> EventStream<Event> {
        var request = request
        if request.headers.keys.allSatisfy({ $0.lowercased() != "accept" }) { request.headers["Accept"] = "text/event-stream" }
        return EventStream(try await sendStreamed(request, options: options), mode: options?.decoding ?? configuration.decoding,
                           method: request.method, path: request.path, onDecodingIssues: configuration.onDecodingIssues)
    }

    /// Sends `request` and returns a 2xx body whole, as bytes.
    public func sendData(_ request: EndpointRequest, options: RequestOptions? = nil) async throws -> APIResponse<Data> {
        let raw = try await sendRaw(request, options: options)
        return APIResponse(value: raw.body, requestID: raw.header("x-request-id"), raw: raw)
    }

    /// Sends `request` and returns a 2xx body whole, as UTF-8 text (`application/sdp`, `text/plain`).
    public func sendText(_ request: EndpointRequest, options: RequestOptions? = nil) async throws -> APIResponse<String> {
        let raw = try await sendRaw(request, options: options)
        return APIResponse(value: String(decoding: raw.body, as: UTF8.self), requestID: raw.header("x-request-id"), raw: raw)
    }

    enum Attempt<Success> {
        case success(Success)
        /// A non-2xx response.
        case failure(HTTPResponse)
    }

    /// The retry loop of every send: one `attempt` per try, retried per the policy on retryable statuses and
    /// transport failures, with the delay the policy and the response's headers give, within the total
    /// deadline when `Timeouts.total` sets one. Every error it throws is redacted (see `Redactor`).
    private func withRetries<Success>(
        _ request: EndpointRequest,
        options: RequestOptions?,
        attempt send: (HTTPRequest) async throws -> Attempt<Success>
    ) async throws -> Success {
        var httpRequest = try makeHTTPRequest(request, options: options)
        let redactor = Redactor(secrets(of: httpRequest))
        let policy = options?.retryPolicy ?? configuration.retryPolicy
        let total = httpRequest.timeouts.total
        let deadline = Timeouts.limit(total).map { ContinuousClock.now + $0 }
        var attempts = 0
        while true {
            try Task.checkCancellation()
            if let deadline {
                // Each attempt gets what is left of the call's deadline.
                let left = deadline - ContinuousClock.now
                httpRequest.timeouts.total = max(Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18, 0.001)
            }
            attempts += 1
            var failure: APIError
            var response: HTTPResponse?
            var retryable = true
            do {
                switch try await send(httpRequest) {
                case .success(let value):
                    return value
                case .failure(let received):
                    response = received
                    retryable = RetryDecision.shouldRetry(received)
                    failure = Self.statusError(received)
                }
            } catch {
                guard let transportFailure = Self.transportFailure(error, request: httpRequest) else { throw CancellationError() }
                failure = transportFailure
                retryable = Self.isRetryable(transportFailure)
            }
            failure.attempts = attempts
            let computed = RetryDecision.delay(attempt: attempts - 1, policy: policy, response: response)
            let delay = computed.isFinite ? min(max(computed, 0), 86_400) : 0  // a policy of NaN or infinity must not trap
            let pastDeadline = deadline.map { ContinuousClock.now + .milliseconds(Int64(delay * 1000)) >= $0 } ?? false
            guard retryable, attempts <= policy.maxRetries, !pastDeadline else { throw redactor.error(failure) }
            try await Task.sleep(for: .seconds(delay))
        }
    }

    /// The error for a non-2xx response.
    static func statusError(_ response: HTTPResponse) -> APIError {
        APIError(
            kind: .status(response.statusCode), statusCode: response.statusCode,
            body: jsonBody(response.body), requestID: response.header("x-request-id"), raw: response)
    }

    /// The error for a transport failure, or `nil` when it was the task's cancellation.
    static func transportFailure(_ error: any Error, request: HTTPRequest) -> APIError? {
        if error is CancellationError || Task.isCancelled { return nil }
        if let apiError = error as? APIError { return apiError }
        let server = TransportFailure.server(of: request.url)
        let failure: TransportFailure
        if let known = error as? TransportFailure {
            failure = known
        } else if let urlError = error as? URLError {
            failure = TransportFailure.from(urlError, server: server, step: .headers, limit: request.timeouts.read)
        } else {
            failure = TransportFailure(.other(String(describing: error)), server: server)
        }
        return failure.isTimeout
            ? APIError(kind: .timeout, transportFailure: failure)
            : APIError(kind: .connection(failure.description), transportFailure: failure)
    }

    /// Whether a transport failure is worth another attempt: connection failures and timeouts are, a redirect
    /// loop is not.
    static func isRetryable(_ error: APIError) -> Bool {
        if case .tooManyRedirects = error.transportFailure?.reason { return false }
        switch error.kind {
        case .connection, .timeout: return true
        default: return false
        }
    }

    /// What must not show in an error: the key, the secret headers' values, a user and password in the URL.
    private func secrets(of request: HTTPRequest) -> [String] {
        [configuration.apiKey] + request.secretValues + [request.url.user, request.url.password, configuration.baseURL.user,
                                                          configuration.baseURL.password].compactMap { $0 }
    }

    /// The body as JSON, when it is JSON.
    static func jsonBody(_ data: Data) -> JSONValue? {
        guard !data.isEmpty else { return nil }
        return try? JSONCoding.makeDecoder().decode(JSONValue.self, from: data)
    }

    /// The configuration (key redacted) and the names of the default headers.
    public var description: String {
        "APIClient(configuration: \(configuration), defaultHeaders: [\(defaultHeaders.keys.sorted().joined(separator: ", "))])"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the key.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration, "defaultHeaders": defaultHeaders.keys.sorted(), "userAgent": userAgent], displayStyle: .struct)
    }
}

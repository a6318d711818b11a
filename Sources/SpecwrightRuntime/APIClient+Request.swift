import Foundation

extension APIClient {
    /// The HTTP request for `request`: URL, headers in order of precedence, body, timeouts and the names of
    /// the secret headers.
    ///
    /// Headers, later winning (names compared without case): `Authorization: Bearer <key>`,
    /// `Accept: application/json`, `User-Agent`, the client's default headers, `Content-Type` (when there is a body), the
    /// request's headers (those the docs require for the endpoint, such as `OpenAI-Beta`), the configuration's
    /// headers, the options' headers. So a user can replace what the docs prescribe, for the whole client or
    /// for one call.
    public func makeHTTPRequest(_ request: EndpointRequest, options: RequestOptions? = nil) throws -> HTTPRequest {
        var headers: [String: String] = [:]
        HeaderFields.set("Authorization", "Bearer \(configuration.apiKey)", in: &headers)
        HeaderFields.set("Accept", "application/json", in: &headers)
        HeaderFields.set("User-Agent", userAgent, in: &headers)
        HeaderFields.merge(defaultHeaders, into: &headers)
        if request.body != nil {
            HeaderFields.set("Content-Type", request.contentType ?? "application/json", in: &headers)
        }
        HeaderFields.merge(request.headers, into: &headers)
        HeaderFields.merge(configuration.headers, into: &headers)
        HeaderFields.merge(options?.headers ?? [:], into: &headers)
        return HTTPRequest(
            method: request.method, url: try url(for: request), headers: headers, body: request.body,
            timeouts: options?.timeouts ?? configuration.timeouts,
            secretHeaderNames: HTTPRequest.standardSecretHeaderNames.union(configuration.secretHeaders.map { $0.lowercased() }))
    }

    /// `baseURL` + path (+ `?` + the percent-encoded query).
    func url(for request: EndpointRequest) throws -> URL {
        var base = configuration.baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + (request.path.hasPrefix("/") ? request.path : "/" + request.path)
        if !request.query.isEmpty { text += "?" + PercentEncoding.query(request.query) }
        guard let url = URL(string: text) else {
            throw APIError(kind: .invalidArgument(name: "path", reason: "\(request.path) does not form a valid URL"))
        }
        return url
    }
}

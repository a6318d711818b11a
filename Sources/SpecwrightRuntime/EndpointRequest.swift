import Foundation

/// One query parameter, as plain (not yet percent-encoded) text.
public struct QueryItem: Sendable, Hashable {
    /// The parameter name.
    public var name: String
    /// The value, already rendered as text.
    public var value: String

    /// Creates an item.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One call of an endpoint, built by generated code and sent by `APIClient`.
public struct EndpointRequest: Sendable {
    /// The method, such as `GET`.
    public var method: String
    /// The path with parameters filled in and percent-encoded (see `PathEncoding`); starts with `/`.
    public var path: String
    /// Query parameters in order, as plain text; `APIClient` percent-encodes them.
    ///
    /// (A `QueryItem` array rather than `[(name: String, value: String)]`: tuples are neither `Hashable`
    /// nor convenient to build up.)
    public var query: [QueryItem]
    /// Headers for this endpoint, such as those the docs require.
    public var headers: [String: String]
    /// The body, if any.
    public var body: Data?
    /// The body's media type; `application/json` when `nil` and there is a body.
    public var contentType: String?

    /// Creates a request.
    public init(
        method: String,
        path: String,
        query: [QueryItem] = [],
        headers: [String: String] = [:],
        body: Data? = nil,
        contentType: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.contentType = contentType
    }
}

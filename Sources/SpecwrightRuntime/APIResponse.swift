/// The result of a call: the decoded value plus what the response said about it.
///
/// Members of the value read through directly (`response.id` is `response.value.id`), except where they
/// share a name with the response's own members (`value`, `requestID`, `raw`).
@dynamicMemberLookup
public struct APIResponse<Value: Sendable>: Sendable {
    /// The decoded body.
    public var value: Value
    /// The `x-request-id` header, which API support asks for.
    public var requestID: String?
    /// The response as received.
    public var raw: HTTPResponse
    /// Where the body disagreed with the docs and decoding went on (`DecodingMode.tolerant`), in document
    /// order; empty when it matched them.
    public var decodingIssues: [DecodingIssue]

    /// Creates a response.
    public init(value: Value, requestID: String?, raw: HTTPResponse, decodingIssues: [DecodingIssue] = []) {
        self.value = value
        self.requestID = requestID
        self.raw = raw
        self.decodingIssues = decodingIssues
    }

    /// A member of the value.
    public subscript<T>(dynamicMember keyPath: KeyPath<Value, T>) -> T {
        value[keyPath: keyPath]
    }

    /// The same response around a transformed value.
    public func map<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> APIResponse<T> {
        APIResponse<T>(value: try transform(value), requestID: requestID, raw: raw, decodingIssues: decodingIssues)
    }
}

/// What `ClientConfiguration.onDecodingIssues` is told: which call's response disagreed with the docs, and where.
public struct DecodingIssueReport: Sendable, CustomStringConvertible {
    /// The call's method, such as `GET`.
    public var method: String
    /// The call's path, such as `/chatkit/threads` (without the query, which may hold personal data).
    public var path: String
    /// The response's `x-request-id`.
    public var requestID: String?
    /// The issues, in document order; for an event, paths from the event's JSON.
    public var issues: [DecodingIssue]
    /// For an event of a stream, its name (`response.output_text.delta`), when it has one.
    public var event: String?

    public init(method: String, path: String, requestID: String?, issues: [DecodingIssue], event: String? = nil) {
        self.method = method
        self.path = path
        self.requestID = requestID
        self.issues = issues
        self.event = event
    }

    /// `GET /chatkit/threads: 2 decoding issues: $.data[0].created_at: null, documented as ...; ...`, and for
    /// an event `POST /responses, event response.completed: 1 decoding issue: ...`.
    public var description: String {
        "\(method) \(path)\(event.map { ", event \($0)" } ?? ""): \(issues.count) decoding issue\(issues.count == 1 ? "" : "s"): "
            + issues.map(\.description).joined(separator: "; ")
    }
}

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

    /// Creates a response.
    public init(value: Value, requestID: String?, raw: HTTPResponse) {
        self.value = value
        self.requestID = requestID
        self.raw = raw
    }

    /// A member of the value.
    public subscript<T>(dynamicMember keyPath: KeyPath<Value, T>) -> T {
        value[keyPath: keyPath]
    }

    /// The same response around a transformed value.
    public func map<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> APIResponse<T> {
        APIResponse<T>(value: try transform(value), requestID: requestID, raw: raw)
    }
}

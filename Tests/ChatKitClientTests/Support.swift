import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// The key every test client uses; it must never show up in printed values.
let apiKey = "sk-test-secret"

/// Retries with delays short enough for tests.
let fastRetries = RetryPolicy(maxRetries: 2, initialDelay: 0.001, maxDelay: 0.005)

/// The generated client pointed at `server` through the default `URLSessionTransport`.
func makeClient(_ server: LoopbackServer, retryPolicy: RetryPolicy = fastRetries, headers: [String: String] = [:]) -> Client {
    Client(apiKey: apiKey, baseURL: server.baseURL, headers: headers, timeout: 10, retryPolicy: retryPolicy)
}

/// Options that decode strictly: the tests of decoding errors use them (tolerant decoding is the default).
let strict = RequestOptions(decoding: .strict)

/// The `APIError` `body` throws; records an issue and returns `nil` when it succeeds or throws another error.
func apiError<T>(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async -> APIError? {
    do {
        _ = try await body()
        Issue.record("expected an APIError, but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as APIError {
        return error
    } catch {
        Issue.record("expected an APIError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Seconds `body` took, on a monotonic clock.
func elapsed(_ body: () async throws -> Void) async rethrows -> TimeInterval {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    let duration = clock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Text parsed as a `JSONValue` (for comparing JSON regardless of key order and number spelling).
func json(_ text: String) throws -> JSONValue {
    try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

/// `value` encoded with the runtime's encoder and parsed back as a `JSONValue`.
func reencoded<T: Encodable>(_ value: T) throws -> JSONValue {
    try JSONCoding.makeDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
}

/// `text` decoded as `T` with the runtime's decoder.
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONCoding.makeDecoder().decode(T.self, from: Data(text.utf8))
}

/// A thread object as the API sends it; `status` and `title` are raw JSON.
func threadJSON(
    id: String = "cthr_123", createdAt: Int = 1_712_345_600, title: String = #""Demo feedback""#,
    status: String = #"{"type":"active"}"#, user: String = "user_456", extra: String = ""
) -> String {
    #"{"id":"\#(id)","object":"chatkit.thread","created_at":\#(createdAt),"title":\#(title),"status":\#(status),"user":"\#(user)"\#(extra)}"#
}

/// A list page of `threads` (raw JSON objects).
func pageJSON(_ threads: [String], hasMore: Bool, firstID: String? = nil, lastID: String?) -> String {
    let first = firstID.map { #""\#($0)""# } ?? "null"
    let last = lastID.map { #""\#($0)""# } ?? "null"
    return #"{"object":"list","data":[\#(threads.joined(separator: ","))],"first_id":\#(first),"last_id":\#(last),"has_more":\#(hasMore)}"#
}

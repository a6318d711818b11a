import Foundation

/// How long a call may wait, as OpenAI's official SDKs mean it (openai-python's
/// `httpx.Timeout(600, connect=5)`): a bound on establishing the connection, a bound on every wait for data
/// that restarts whenever data moves, and, only when asked for, a deadline for the whole call.
///
/// A response body that keeps arriving is never cut off by `read`, however long it takes; headers that never
/// come, or a body that stalls for longer than `read`, are.
public struct Timeouts: Sendable, Hashable, CustomStringConvertible {
    /// Seconds to reach the server (connect, TLS, start sending the request). 5 by default.
    ///
    /// `URLSessionTransport` can tell that the connection is up only once the first byte of a request body
    /// goes out (URLSession reports nothing earlier), so it applies `connect` to requests with a body; for a
    /// request without one, the wait for the connection is part of the wait for the headers, bounded by `read`.
    public var connect: TimeInterval
    /// Seconds any single wait for data may last: for the response headers after the request is sent, between
    /// two chunks of the body, and between two chunks of an upload. Restarts with every chunk. 600 by default.
    public var read: TimeInterval
    /// Seconds the whole call may take, retries, redirects and the body included; `nil` (the default) sets no
    /// such deadline, as in the official SDKs.
    public var total: TimeInterval?

    /// Creates timeouts; the defaults are openai-python's.
    public init(connect: TimeInterval = 5, read: TimeInterval = 600, total: TimeInterval? = nil) {
        self.connect = connect
        self.read = read
        self.total = total
    }

    /// A single number as the official SDKs take it: every wait for data is bounded by `seconds`, and the
    /// connection by `seconds` or 5, whichever is shorter.
    public init(seconds: TimeInterval) {
        self.init(connect: min(5, seconds), read: seconds)
    }

    /// 5 seconds to connect, 600 per read, no total deadline.
    public static let `default` = Timeouts()

    /// The numbers, for logs.
    public var description: String {
        "Timeouts(connect: \(connect), read: \(read), total: \(total.map { "\($0)" } ?? "none"))"
    }

    /// `seconds` as a usable limit, or `nil` when it sets none (not a positive finite number).
    static func limit(_ seconds: TimeInterval?) -> Duration? {
        guard let seconds, seconds.isFinite, seconds > 0 else { return nil }
        return .milliseconds(Int64((min(seconds, 365 * 24 * 3600) * 1000).rounded(.up)))
    }
}

import Foundation

/// How many times, and how patiently, a failed call is retried.
///
/// Retries follow OpenAI's official SDKs: connection failures, timeouts and the statuses 408, 409, 429 and
/// 5xx are retried; the delay before retry `n` (from 0) is `min(initialDelay * 2^n, maxDelay)` reduced by
/// up to 25% of jitter, unless the server asks for a delay of at most 60 s with `retry-after-ms` or
/// `Retry-After`.
public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Extra attempts after the first; 0 disables retries.
    public var maxRetries: Int
    /// Seconds before the first retry.
    public var initialDelay: TimeInterval
    /// Upper bound, in seconds, of the computed delay.
    public var maxDelay: TimeInterval

    /// Creates a policy.
    public init(maxRetries: Int = 2, initialDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 8) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// Two retries, starting at half a second: the official SDKs' defaults.
    public static let `default` = RetryPolicy()
    /// No retries.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The policy's numbers.
    public var description: String {
        "RetryPolicy(maxRetries: \(maxRetries), initialDelay: \(initialDelay), maxDelay: \(maxDelay))"
    }
}

/// Per-call overrides of the client configuration.
public struct RequestOptions: Sendable {
    /// Seconds this call may take per attempt; `nil` keeps the configuration's timeout.
    public var timeout: TimeInterval?
    /// Retries for this call; `nil` keeps the configuration's policy.
    public var retryPolicy: RetryPolicy?
    /// Extra headers for this call; they win over every other header.
    public var headers: [String: String]

    /// Creates options; the defaults change nothing.
    public init(timeout: TimeInterval? = nil, retryPolicy: RetryPolicy? = nil, headers: [String: String] = [:]) {
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.headers = headers
    }
}

import Foundation

/// How many times, and how patiently, a failed call is retried.
///
/// Retries follow OpenAI's official SDKs: connection failures, timeouts and the statuses 408, 409, 429 and
/// 5xx are retried; the delay before retry `n` (from 0) is `min(initialDelay * 2^n, maxDelay)` reduced by
/// up to 25% of jitter, unless the server asks for a delay with `retry-after-ms` or `Retry-After`: a delay of
/// up to 120 s is waited for as asked; a longer one is not retried at all, the error returns at once
/// (openai-python's `MAX_RETRY_AFTER_DELAY` rule).
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
    /// Timeouts for this call; `nil` keeps the configuration's (or `timeout`'s, when that is set).
    public var timeouts: Timeouts?
    /// Retries for this call; `nil` keeps the configuration's policy.
    public var retryPolicy: RetryPolicy?
    /// Extra headers for this call; they win over every other header.
    public var headers: [String: String]
    /// How this call's response decodes; `nil` keeps the configuration's (`ClientConfiguration.decoding`).
    public var decoding: DecodingMode?

    /// Creates options; the defaults change nothing. `timeout` is a single number as
    /// `Timeouts.init(seconds:)` takes it; `timeouts`, when given too, wins.
    public init(
        timeout: TimeInterval? = nil, timeouts: Timeouts? = nil, retryPolicy: RetryPolicy? = nil,
        headers: [String: String] = [:], decoding: DecodingMode? = nil
    ) {
        self.timeouts = timeouts ?? timeout.map(Timeouts.init(seconds:))
        self.retryPolicy = retryPolicy
        self.headers = headers
        self.decoding = decoding
    }

    /// The read timeout of this call, the one number earlier versions had; setting it sets `timeouts` as
    /// `Timeouts(seconds:)` does.
    public var timeout: TimeInterval? {
        get { timeouts?.read }
        set { timeouts = newValue.map(Timeouts.init(seconds:)) }
    }
}

import Foundation

/// When to retry and how long to wait, as OpenAI's official SDKs decide.
enum RetryDecision {
    /// The longest server-requested delay that is waited for: openai-python's `MAX_RETRY_AFTER_DELAY`.
    static let maxRequestedDelay: TimeInterval = 120

    /// Whether a non-2xx response is worth another attempt. A requested delay over two minutes means no
    /// (the caller learns at once rather than waiting); then the server's `x-should-retry` decides when
    /// present; otherwise 408, 409, 429 and 5xx are retried. The order is openai-python's `_should_retry`.
    static func shouldRetry(_ response: HTTPResponse, now: Date = Date()) -> Bool {
        if let requested = requestedDelay(response, now: now), requested.isFinite, requested > maxRequestedDelay {
            return false
        }
        switch response.header("x-should-retry")?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return true
        case "false": return false
        default: break
        }
        switch response.statusCode {
        case 408, 409, 429: return true
        case 500...: return true
        default: return false
        }
    }

    /// Seconds to wait before retry number `attempt` (from 0): the server's requested delay when it is in
    /// (0, 120] seconds, otherwise `min(initialDelay * 2^attempt, maxDelay)` reduced by up to 25% of jitter.
    static func delay(
        attempt: Int, policy: RetryPolicy, response: HTTPResponse?, now: Date = Date(),
        random: Double = Double.random(in: 0..<1)
    ) -> TimeInterval {
        if let response, let requested = requestedDelay(response, now: now), requested.isFinite, requested > 0, requested <= maxRequestedDelay {
            return requested
        }
        let exponential = min(policy.initialDelay * pow(2, Double(max(attempt, 0))), policy.maxDelay)
        return max(exponential * (1 - 0.25 * random), 0)
    }

    /// The delay the response asks for: `retry-after-ms` (milliseconds), else `Retry-After` (seconds or an
    /// HTTP date).
    static func requestedDelay(_ response: HTTPResponse, now: Date) -> TimeInterval? {
        if let text = response.header("retry-after-ms"), let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            return milliseconds / 1000
        }
        guard let text = response.header("retry-after")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text) { return seconds }
        return httpDate(text).map { $0.timeIntervalSince(now) }
    }

    /// Parses an IMF-fixdate such as `Wed, 21 Oct 2015 07:28:00 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

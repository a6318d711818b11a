import Foundation
@testable import SpecwrightRuntime
import Testing

@Suite struct RetryDelayTests {
    private let policy = RetryPolicy()

    private func response(_ headers: [String: String]) -> HTTPResponse {
        HTTPResponse(statusCode: 429, headers: headers)
    }

    @Test func exponentialBackoffWithJitterAndCap() {
        #expect(RetryDecision.delay(attempt: 0, policy: policy, response: nil, random: 0) == 0.5)
        #expect(RetryDecision.delay(attempt: 1, policy: policy, response: nil, random: 0) == 1)
        #expect(RetryDecision.delay(attempt: 2, policy: policy, response: nil, random: 1) == 1.5)
        #expect(RetryDecision.delay(attempt: 10, policy: policy, response: nil, random: 0) == 8)
        #expect(RetryDecision.delay(attempt: 200, policy: policy, response: nil, random: 0) == 8)
    }

    @Test func serverDelaysUpToTwoMinutesWin() {
        let now = Date(timeIntervalSince1970: 1_445_412_470)  // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(RetryDecision.delay(attempt: 0, policy: policy, response: response(["retry-after-ms": "250.5"]), random: 0) == 0.2505)
        #expect(RetryDecision.delay(attempt: 0, policy: policy, response: response(["Retry-After": "3"]), random: 0) == 3)
        #expect(RetryDecision.delay(attempt: 0, policy: policy, response: response(["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"]), now: now, random: 0) == 10)
        #expect(RetryDecision.delay(attempt: 0, policy: policy, response: response(["retry-after-ms": "100", "retry-after": "9"]), random: 0) == 0.1)
        #expect(RetryDecision.delay(attempt: 0, policy: policy, response: response(["retry-after": "120"]), random: 0) == 120)
        #expect(RetryDecision.delay(attempt: 0, policy: policy, response: response(["retry-after-ms": "90000"]), random: 0) == 90)
    }

    @Test func serverDelaysOutsideTheWindowAreIgnored() {
        for headers in [["retry-after": "121"], ["retry-after": "0"], ["retry-after": "-1"], ["retry-after-ms": "120001"], ["retry-after": "soon"], ["retry-after": "inf"]] {
            #expect(RetryDecision.delay(attempt: 1, policy: policy, response: response(headers), random: 0) == 1)
        }
    }

    @Test func retryableStatuses() {
        #expect([408, 409, 429, 500, 502, 503, 504, 599].allSatisfy { RetryDecision.shouldRetry(HTTPResponse(statusCode: $0)) })
        #expect(![400, 401, 403, 404, 422, 301].contains { RetryDecision.shouldRetry(HTTPResponse(statusCode: $0)) })
        #expect(RetryDecision.shouldRetry(HTTPResponse(statusCode: 400, headers: ["x-should-retry": "true"])))
        #expect(!RetryDecision.shouldRetry(HTTPResponse(statusCode: 503, headers: ["X-Should-Retry": "false"])))
    }

    /// openai-python's `_should_retry`: a requested delay over `MAX_RETRY_AFTER_DELAY` (two minutes) is not
    /// waited for, and the error returns at once, before `x-should-retry` is even read.
    @Test func aRequestedDelayOverTwoMinutesIsNotRetried() {
        let now = Date(timeIntervalSince1970: 1_445_412_470)  // Wed, 21 Oct 2015 07:27:50 GMT
        for headers in [["retry-after": "121"], ["retry-after-ms": "600000"], ["retry-after": "Wed, 21 Oct 2015 07:30:00 GMT"],
                        ["retry-after": "3600", "x-should-retry": "true"]] {
            #expect(!RetryDecision.shouldRetry(HTTPResponse(statusCode: 429, headers: headers), now: now), "\(headers)")
        }
        for headers in [["retry-after": "120"], ["retry-after": "Wed, 21 Oct 2015 07:29:00 GMT"], ["retry-after": "soon"], ["retry-after": "-5"]] {
            #expect(RetryDecision.shouldRetry(HTTPResponse(statusCode: 429, headers: headers), now: now), "\(headers)")
        }
    }
}

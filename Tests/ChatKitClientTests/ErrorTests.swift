import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// Error statuses, retries, undecodable bodies, timeouts and cancellation through the generated client.
@Suite struct ErrorTests {
    @Test(arguments: [
        ["retry-after-ms": "150"],
        ["Retry-After": "1"],
    ])
    func a429IsRetriedAfterTheDelayTheServerAsksFor(headers: [String: String]) async throws {
        let server = try LoopbackServer(responses: [
            .json(429, #"{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}"#, headers: headers),
            .json(200, threadJSON(status: #"{"type":"closed","reason":null}"#), headers: ["x-request-id": "req_2"]),
        ])
        defer { server.stop() }
        let client = makeClient(server, retryPolicy: RetryPolicy(maxRetries: 2, initialDelay: 0.001, maxDelay: 0.001))
        let expectedDelay = headers["retry-after-ms"].flatMap(Double.init).map { $0 / 1000 } ?? headers["Retry-After"].flatMap(Double.init) ?? 0

        var response: APIResponse<ChatKitThread>?
        let seconds = try await elapsed { response = try await client.chatkit.threads.retrieve(threadID: "cthr_123") }

        #expect(seconds >= expectedDelay)
        #expect(server.requests.count == 2)
        #expect(server.requests.map(\.target) == ["/chatkit/threads/cthr_123", "/chatkit/threads/cthr_123"])
        #expect(response?.value == ChatKitThread(
            id: "cthr_123", createdAt: 1_712_345_600, title: "Demo feedback", status: .closed(reason: nil), user: "user_456"))
        #expect(response?.requestID == "req_2")
    }

    @Test func a404IsReportedWithTheServersErrorAndNotRetried() async throws {
        let body = #"{"error": {"message": "No thread found", "type": "invalid_request_error", "code": null}}"#
        let server = try LoopbackServer(responses: [
            .json(404, body, headers: ["x-request-id": "req_404"]),
            .json(200, threadJSON()),
        ])
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_missing") })

        #expect(server.requests.count == 1)
        #expect(error.kind == .status(404))
        #expect(error.statusCode == 404)
        #expect(error.body == ["error": ["message": "No thread found", "type": "invalid_request_error", "code": nil]])
        #expect(error.body?["error"]?["code"]?.isNull == true)
        #expect(error.requestID == "req_404")
        #expect(error.message == "No thread found")
        #expect(error.raw?.statusCode == 404)
        #expect(error.raw?.body == Data(body.utf8))
        #expect(error.description == "HTTP 404: No thread found [request ID: req_404]")
        #expect(error.localizedDescription == error.description)
    }

    @Test func serverErrorsAreRetriedUntilTheAttemptsRunOut() async throws {
        let server = try LoopbackServer { _ in
            .json(503, #"{"error":{"message":"Overloaded","type":"server_error","code":null}}"#, headers: ["x-request-id": "req_503"])
        }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server).chatkit.threads.list() })

        #expect(server.requests.count == 3)
        #expect(error.kind == .status(503))
        #expect(error.message == "Overloaded")
        #expect(error.requestID == "req_503")
    }

    @Test func aCreatedAtOfTheWrongTypeNamesItsPath() async throws {
        let body = threadJSON().replacingOccurrences(of: "1712345600", with: #""yesterday""#)
        let server = try LoopbackServer { _ in .json(200, body, headers: ["x-request-id": "req_dec"]) }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123", options: strict) })

        guard case .decoding(let path, let message) = error.kind else {
            Issue.record("expected .decoding, got \(error.kind)")
            return
        }
        #expect(path == "$.created_at")
        #expect(message.contains("Int"))
        #expect(error.statusCode == 200)
        #expect(error.requestID == "req_dec")
        #expect(error.body?["created_at"] == "yesterday")
        #expect(error.raw?.body == Data(body.utf8))
        #expect(error.description.contains("$.created_at"))
        #expect(server.requests.count == 1)
    }

    @Test(arguments: [
        // A required key missing from the second thread.
        (threadJSON(id: "cthr_2").replacingOccurrences(of: #""id":"cthr_2","#, with: ""), "$.data[1].id"),
        // A required, nullable key missing (null is allowed, absence is not).
        (threadJSON(id: "cthr_2").replacingOccurrences(of: #""title":"Demo feedback","#, with: ""), "$.data[1].title"),
        // The constant `object` of another kind.
        (threadJSON(id: "cthr_2").replacingOccurrences(of: #""chatkit.thread""#, with: #""chatkit.item""#), "$.data[1].object"),
        // A known status variant whose member has the wrong type.
        (threadJSON(id: "cthr_2", status: #"{"type":"locked","reason":42}"#), "$.data[1].status.reason"),
        // A required, non-nullable string that is null.
        (threadJSON(id: "cthr_2", user: "u").replacingOccurrences(of: #""user":"u""#, with: #""user":null"#), "$.data[1].user"),
    ])
    func aListItemThatDoesNotMatchNamesItsPath(second: String, expectedPath: String) async throws {
        let body = pageJSON([threadJSON(id: "cthr_1"), second], hasMore: false, lastID: "cthr_2")
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server).chatkit.threads.list(options: strict) })

        guard case .decoding(let path, _) = error.kind else {
            Issue.record("expected .decoding, got \(error.kind)")
            return
        }
        #expect(path == expectedPath)
        #expect(error.description.contains(expectedPath))
        #expect(server.requests.count == 1)
    }

    @Test func aBodyThatIsNotJSONFailsAtTheRoot() async throws {
        let server = try LoopbackServer { _ in .text(200, "<html>maintenance</html>") }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123") })

        guard case .decoding(let path, _) = error.kind else {
            Issue.record("expected .decoding, got \(error.kind)")
            return
        }
        #expect(path == "$")
        #expect(error.body == nil)
        #expect(server.requests.count == 1)
    }

    @Test func aSlowServerTimesOutPerAttempt() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, threadJSON()).delayed(by: 40) }
        defer { server.stop() }  // also cuts the delay short

        var error: APIError?
        let seconds = await elapsed {
            error = await apiError {
                try await makeClient(server).chatkit.threads.retrieve(
                    threadID: "cthr_123", options: RequestOptions(timeout: 0.3, retryPolicy: RetryPolicy.none))
            }
        }

        #expect(error?.kind == .timeout)
        #expect(seconds >= 0.3)
        #expect(seconds < 15)  // vs. an answer at 40 s; loose because the whole suite shares 2 cores
        #expect(server.requests.count == 1)
    }

    @Test func cancellingDuringARetrySleepStopsPromptly() async throws {
        let server = try LoopbackServer { _ in
            .json(429, #"{"error":{"message":"slow down"}}"#, headers: ["Retry-After": "30"])
        }
        defer { server.stop() }
        let client = makeClient(server, retryPolicy: RetryPolicy(maxRetries: 2, initialDelay: 30, maxDelay: 30))
        let task = Task { try await client.chatkit.threads.retrieve(threadID: "cthr_123") }

        // Wait (bounded) until the first attempt has been answered and the client is sleeping.
        for _ in 0..<200 where server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        try #require(server.requests.count == 1)
        try await Task.sleep(for: .milliseconds(100))

        let seconds = await elapsed {
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
        #expect(seconds < 15)  // vs. 30 s of sleep; loose because the whole suite shares 2 cores
        try await Task.sleep(for: .milliseconds(50))
        #expect(server.requests.count == 1)
    }

    @Test func cancellingAnAttemptInFlightStopsPromptly() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, threadJSON()).delayed(by: 40) }
        defer { server.stop() }  // also cuts the delay short
        let client = makeClient(server)
        let task = Task { try await client.chatkit.threads.list() }

        for _ in 0..<200 where server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        try #require(server.requests.count == 1)

        let seconds = await elapsed {
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
        #expect(seconds < 15)  // vs. an answer at 40 s; loose because the whole suite shares 2 cores
        #expect(server.requests.count == 1)
    }

    @Test func aRefusedConnectionSaysSoWithTheServerAndTheAttempts() async throws {
        let url = try LoopbackServer.closedPortURL()
        let client = Client(apiKey: apiKey, baseURL: url, timeout: 10, retryPolicy: fastRetries)

        let error = try #require(await apiError { try await client.chatkit.threads.retrieve(threadID: "cthr_123") })

        #expect(error.transportFailure?.reason == .connectionRefused)
        #expect(error.attempts == 3)
        #expect(error.description == "Connection failed: connection refused by 127.0.0.1:\(url.port!) (3 attempts)")
        #expect(!error.description.contains("UserInfo"))
        #expect(!error.description.contains("NSError"))
    }

    @Test func aServerErrorWithABodyThatIsNotJSONKeepsItsStart() async throws {
        let page = "<html><head><title>502 Bad Gateway</title></head>\n<body>upstream connect error " + String(repeating: "x", count: 400) + "</body></html>"
        let server = try LoopbackServer { _ in .text(502, page) }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server, retryPolicy: .none).chatkit.threads.retrieve(threadID: "cthr_123") })

        #expect(error.body == nil)
        let message = try #require(error.message)
        #expect(message.hasPrefix("<html><head><title>502 Bad Gateway</title></head> <body>upstream connect error xxx"))
        #expect(message.count == 203)  // 200 characters and "..."
        #expect(error.description == "HTTP 502: \(message)")
    }

    @Test func theUserAgentNamesTheSDKSpecwrightAndSwift() async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }

        _ = try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123")

        let userAgent = try #require(server.requests.first?.headers["user-agent"])
        #expect(userAgent == Client.userAgent)
        #expect(userAgent.hasPrefix("ChatKit/0.1.0 Specwright/\(UserAgent.specwrightVersion) Swift/6."), "\(userAgent)")
        #expect(userAgent.hasSuffix("(Linux; x86_64)") || !userAgent.contains("unknown"), "\(userAgent)")
        // A header of the configuration replaces it, as every other default header.
        _ = try await makeClient(server, headers: ["User-Agent": "my-app/2"]).chatkit.threads.retrieve(threadID: "cthr_123")
        #expect(server.requests.last?.headers["user-agent"] == "my-app/2")
    }
}

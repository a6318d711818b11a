import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

@Suite struct RetryTests {
    private let get = EndpointRequest(method: "GET", path: "/v1/things/x")

    @Test func retriesA429ThenSucceeds() async throws {
        let server = try LoopbackServer(responses: [
            .json(429, #"{"error":{"message":"slow down"}}"#, headers: ["Retry-After": "0.01"]),
            .json(200, #"{"id":"x"}"#),
        ])
        defer { server.stop() }
        let response = try await makeClient(server.baseURL).send(get, as: Thing.self)
        #expect(response.id == "x")
        #expect(server.requests.count == 2)
    }

    @Test func retriesServerErrorsUntilSuccess() async throws {
        let server = try LoopbackServer(responses: [.json(500, "{}"), .json(503, "{}"), .json(200, #"{"id":"x"}"#)])
        defer { server.stop() }
        let response = try await makeClient(server.baseURL).send(get, as: Thing.self)
        #expect(response.id == "x")
        #expect(server.requests.count == 3)
    }

    @Test(arguments: [408, 409])
    func retriesConflictsAndRequestTimeouts(status: Int) async throws {
        let server = try LoopbackServer(responses: [.json(status, "{}"), .json(200, #"{"id":"x"}"#)])
        defer { server.stop() }
        _ = try await makeClient(server.baseURL).send(get, as: Thing.self)
        #expect(server.requests.count == 2)
    }

    @Test(arguments: [400, 401, 404, 422])
    func doesNotRetryClientErrors(status: Int) async throws {
        let server = try LoopbackServer(responses: [.json(status, #"{"error":{"message":"bad"}}"#), .json(200, #"{"id":"x"}"#)])
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.baseURL).send(get, as: Thing.self) }
        #expect(error?.kind == .status(status))
        #expect(server.requests.count == 1)
    }

    @Test func shouldRetryFalseForbidsARetry() async throws {
        let server = try LoopbackServer(responses: [.json(500, "{}", headers: ["x-should-retry": "false"]), .json(200, #"{"id":"x"}"#)])
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.baseURL).send(get, as: Thing.self) }
        #expect(error?.kind == .status(500))
        #expect(server.requests.count == 1)
    }

    @Test func shouldRetryTrueForcesARetry() async throws {
        let server = try LoopbackServer(responses: [.json(400, "{}", headers: ["X-Should-Retry": "true"]), .json(200, #"{"id":"x"}"#)])
        defer { server.stop() }
        _ = try await makeClient(server.baseURL).send(get, as: Thing.self)
        #expect(server.requests.count == 2)
    }

    @Test func exhaustedRetriesGiveTheLastStatusError() async throws {
        let server = try LoopbackServer { _ in
            .json(503, #"{"error":{"message":"Overloaded","type":"server_error"}}"#, headers: ["x-request-id": "req_503"])
        }
        defer { server.stop() }
        let error = try #require(await apiError { try await makeClient(server.baseURL).send(get, as: Thing.self) })
        #expect(server.requests.count == 3)
        #expect(error.kind == .status(503))
        #expect(error.statusCode == 503)
        #expect(error.requestID == "req_503")
        #expect(error.body?["error"]?["type"] == "server_error")
        #expect(error.message == "Overloaded")
        #expect(error.raw?.statusCode == 503)
        #expect(error.description.contains("503"))
        #expect(error.description.contains("Overloaded"))
        #expect(error.description.contains("req_503"))
    }

    @Test func nonJSONErrorBodyLeavesBodyNil() async throws {
        let server = try LoopbackServer { _ in .text(502, "<html>Bad gateway</html>") }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.baseURL, retryPolicy: .none).send(get, as: Thing.self) }
        #expect(error?.kind == .status(502))
        #expect(error?.body == nil)
        #expect(error?.raw.map { String(decoding: $0.body, as: UTF8.self) } == "<html>Bad gateway</html>")
    }

    @Test func connectionRefusedIsRetriedThenReported() async throws {
        let counting = CountingTransport()
        let client = makeClient(try closedPortURL(), transport: counting)
        let error = await apiError { try await client.send(get, as: Thing.self) }
        guard case .connection(let reason)? = error?.kind else {
            Issue.record("expected a connection error, got \(String(describing: error))")
            return
        }
        #expect(!reason.isEmpty)
        #expect(counting.attempts == 3)
        #expect(error?.statusCode == nil)
    }

    @Test func droppedConnectionIsRetried() async throws {
        let server = try LoopbackServer(responses: [.dropConnection, .json(200, #"{"id":"x"}"#)])
        defer { server.stop() }
        let response = try await makeClient(server.baseURL).send(get, as: Thing.self)
        #expect(response.id == "x")
        #expect(server.requests.count == 2)
    }

    @Test func retryAfterMillisecondsIsHonoured() async throws {
        let server = try LoopbackServer(responses: [.json(429, "{}", headers: ["retry-after-ms": "200"]), .json(200, #"{"id":"x"}"#)])
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: RetryPolicy(maxRetries: 1, initialDelay: 0.001, maxDelay: 0.001))
        let seconds = try await elapsed { _ = try await client.send(get, as: Thing.self) }
        #expect(seconds >= 0.2)
        #expect(server.requests.count == 2)
    }

    @Test func cancellationStopsARetrySleepPromptly() async throws {
        let server = try LoopbackServer { _ in .json(500, "{}") }
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: RetryPolicy(maxRetries: 2, initialDelay: 30, maxDelay: 30))
        let task = Task { try await client.send(get, as: Thing.self) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(100))
        let seconds = await elapsed {
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
        #expect(seconds < 15)  // vs. 30 s of sleep; the margin covers CPU-heavy tests running beside this one
        #expect(server.requests.count == 1)
    }
}

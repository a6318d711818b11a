import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

@Suite struct TransportTests {
    @Test func sendsTheExactRequest() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"id":"cthr_1","count":2}"#, headers: ["x-request-id": "req_abc"]) }
        defer { server.stop() }
        let client = makeClient(
            server.baseURL, headers: ["X-Config": "config", "X-Shared": "config"],
            defaultHeaders: ["OpenAI-Beta": "chatkit_beta=v1", "X-Shared": "default", "X-Default-Only": "default"])
        var query = QueryBuilder()
        query.add("limit", 2)
        query.add("order", "a b+c")
        let body = try JSONCoding.encode(["b": 2, "a": 1])
        let request = EndpointRequest(
            method: "POST", path: "/v1/threads/" + PathEncoding.segment("a/b c"), query: query.items,
            headers: ["X-Request": "request", "X-Shared": "request"], body: body)

        let response = try await client.send(request, options: RequestOptions(headers: ["X-Option": "option"]), as: Thing.self)

        #expect(response.value == Thing(id: "cthr_1", count: 2))
        #expect(response.id == "cthr_1")
        #expect(response.requestID == "req_abc")
        #expect(response.raw.statusCode == 200)
        #expect(response.raw.header("CONTENT-TYPE") == "application/json")
        let recorded = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/v1/threads/a%2Fb%20c")
        #expect(recorded.rawQuery == "limit=2&order=a%20b%2Bc")
        #expect(recorded.query == ["limit": "2", "order": "a b+c"])
        #expect(recorded.headers["authorization"] == "Bearer \(secretKey)")
        #expect(recorded.headers["accept"] == "application/json")
        #expect(recorded.headers["content-type"] == "application/json")
        #expect(recorded.headers["openai-beta"] == "chatkit_beta=v1")
        #expect(recorded.headers["x-default-only"] == "default")
        #expect(recorded.headers["x-config"] == "config")
        #expect(recorded.headers["x-request"] == "request")
        #expect(recorded.headers["x-option"] == "option")
        // The configuration outranks the headers an endpoint asks for (see `makeHTTPRequest`).
        #expect(recorded.headers["x-shared"] == "config")
        #expect(recorded.bodyText == #"{"a":1,"b":2}"#)
    }

    @Test func laterHeadersWinWithoutRegardToCase() throws {
        let client = makeClient(URL(string: "http://127.0.0.1:1")!, defaultHeaders: ["accept": "text/event-stream"])
        let request = try client.makeHTTPRequest(
            EndpointRequest(method: "POST", path: "/x", headers: ["content-type": "multipart/form-data"], body: Data("x".utf8), contentType: "text/plain"),
            options: RequestOptions(headers: ["AUTHORIZATION": "Bearer other"]))
        #expect(request.headers.count == 4)
        #expect(request.header("User-Agent") == client.userAgent)
        #expect(request.header("Accept") == "text/event-stream")
        #expect(request.header("Content-Type") == "multipart/form-data")
        #expect(request.header("authorization") == "Bearer other")
    }

    @Test func getWithoutBodyHasNoContentType() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"id":"x"}"#) }
        defer { server.stop() }
        _ = try await makeClient(server.baseURL).send(EndpointRequest(method: "GET", path: "/v1/things/x"), as: Thing.self)
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "GET")
        #expect(recorded.headers["content-type"] == nil)
        #expect(recorded.rawQuery == nil)
        #expect(recorded.body.isEmpty)
    }

    @Test func sendRawReturnsTheUndecodedBody() async throws {
        let server = try LoopbackServer { _ in .text(200, "plain bytes") }
        defer { server.stop() }
        let raw = try await makeClient(server.baseURL).sendRaw(EndpointRequest(method: "GET", path: "/file"))
        #expect(String(decoding: raw.body, as: UTF8.self) == "plain bytes")
    }

    @Test func perRequestTimeoutOverrideGivesTimeout() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, #"{"id":"late"}"#).delayed(by: 30) }
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: .none, timeout: 600)
        var error: APIError?
        let seconds = await elapsed {
            error = await apiError {
                try await client.send(EndpointRequest(method: "GET", path: "/slow"), options: RequestOptions(timeout: 0.3), as: Thing.self)
            }
        }
        #expect(error?.kind == .timeout)
        #expect(seconds >= 0.25)
        #expect(seconds < 15)  // the server would answer after 30 s; the margin covers CPU-heavy tests that run beside this one
    }

    @Test func timeoutsAreRetried() async throws {
        let server = try LoopbackServer(responses: [ScriptedResponse.json(200, #"{"id":"late"}"#).delayed(by: 30), .json(200, #"{"id":"ok"}"#)])
        defer { server.stop() }
        let response = try await makeClient(server.baseURL, timeout: 0.3).send(EndpointRequest(method: "GET", path: "/x"), as: Thing.self)
        #expect(response.id == "ok")
        #expect(server.requests.count == 2)
    }

    @Test func transportReturnsErrorStatusesAsResponses() async throws {
        let server = try LoopbackServer { _ in .json(404, #"{"error":{}}"#, headers: ["X-Custom": "v"]) }
        defer { server.stop() }
        let response = try await URLSessionTransport().send(HTTPRequest(method: "DELETE", url: server.baseURL.appendingPathComponent("gone"), timeout: 5))
        #expect(response.statusCode == 404)
        #expect(response.header("x-custom") == "v")
        #expect(server.requests.first?.method == "DELETE")
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, "{}").delayed(by: 30) }
        defer { server.stop() }
        let task = Task { try await URLSessionTransport().send(HTTPRequest(method: "GET", url: server.baseURL, timeout: 30)) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        let seconds = await elapsed {
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
        // The response would come after 30 s; returning well before shows the request was abandoned. The
        // margin is wide because the tests share two cores with CPU-heavy ones (the corpus, 10 MB inputs).
        #expect(seconds < 15)
    }

    /// Leaving a streamed body unread (a `break`, then dropping the response) cancels the transfer: the
    /// server cannot finish writing a body that would take 12 s, long before it would have.
    @Test func droppingAStreamedBodyCancelsTheTransfer() async throws {
        let body = String(repeating: "x", count: 600)
        let server = try LoopbackServer { _ in
            ScriptedResponse.text(200, body).written(inPiecesEndingAt: Array(stride(from: 1, to: 600, by: 1)), pause: 0.02)
        }
        defer { server.stop() }

        func readOneChunk() async throws -> Data? {
            let response = try await makeClient(server.baseURL).sendStreamed(EndpointRequest(method: "GET", path: "/long"))
            for try await chunk in response.body { return chunk }
            return nil
        }
        let first = try await readOneChunk()

        #expect(first?.isEmpty == false)
        let clock = ContinuousClock()
        let start = clock.now
        while server.abandonedResponses == 0, clock.now - start < .seconds(9) { try await Task.sleep(for: .milliseconds(20)) }
        #expect(server.abandonedResponses == 1)
    }
}

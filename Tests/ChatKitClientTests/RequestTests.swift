import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// What the generated methods put on the wire, as the loopback server received it.
@Suite struct RequestTests {
    @Test func retrieveSendsTheDocumentedRequest() async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }

        _ = try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123")

        #expect(server.requests.count == 1)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        // The base URL has no `/v1`: the generated path is appended to it as is.
        #expect(request.target == "/chatkit/threads/cthr_123")
        #expect(request.rawQuery == nil)
        #expect(request.headers["authorization"] == "Bearer sk-test-secret")
        #expect(request.headers["openai-beta"] == "chatkit_beta=v1")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["content-type"] == nil)
        #expect(request.body.isEmpty)
    }

    @Test(arguments: ["/v1", "/v1/", "/v1//"])
    func aBaseURLWithAVersionPathPrefixesIt(suffix: String) async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }
        let baseURL = try #require(URL(string: server.baseURL.absoluteString + suffix))
        let client = Client(apiKey: apiKey, baseURL: baseURL, retryPolicy: .none)

        _ = try await client.chatkit.threads.retrieve(threadID: "cthr_123")

        #expect(server.requests.map(\.target) == ["/v1/chatkit/threads/cthr_123"])
    }

    @Test func listSendsEveryQueryParameterInOrder() async throws {
        let server = try LoopbackServer { _ in .json(200, pageJSON([], hasMore: false, lastID: nil)) }
        defer { server.stop() }

        _ = try await makeClient(server).chatkit.threads.list(limit: 2, order: .asc, after: "cthr_1", user: "u 1")

        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/chatkit/threads")
        #expect(request.rawQuery == "limit=2&order=asc&after=cthr_1&user=u%201")
        #expect(request.queryItems.map(\.name) == ["limit", "order", "after", "user"])
        #expect(request.query == ["limit": "2", "order": "asc", "after": "cthr_1", "user": "u 1"])
        #expect(request.headers["openai-beta"] == "chatkit_beta=v1")
        #expect(request.headers["authorization"] == "Bearer sk-test-secret")
    }

    @Test func listWithoutArgumentsSendsTheDocumentedDefaults() async throws {
        let server = try LoopbackServer { _ in .json(200, pageJSON([], hasMore: false, lastID: nil)) }
        defer { server.stop() }

        _ = try await makeClient(server).chatkit.threads.list()

        // `limit: Int = 20, order: = .desc` are not optional, so they are always sent; nil parameters are not.
        #expect(server.requests.map(\.target) == ["/chatkit/threads?limit=20&order=desc"])
    }

    @Test func beforeAndReservedCharactersInQueryValuesAreEncoded() async throws {
        let server = try LoopbackServer { _ in .json(200, pageJSON([], hasMore: false, lastID: nil)) }
        defer { server.stop() }

        _ = try await makeClient(server).chatkit.threads.list(limit: 0, before: "cthr_9", user: "a&b=c+d#e/é?")

        let request = try #require(server.requests.first)
        #expect(request.rawQuery == "limit=0&order=desc&before=cthr_9&user=a%26b%3Dc%2Bd%23e%2F%C3%A9%3F")
        #expect(request.query["user"] == "a&b=c+d#e/é?")
    }

    @Test func anUnknownOrderIsSentAsItsRawValue() async throws {
        let server = try LoopbackServer { _ in .json(200, pageJSON([], hasMore: false, lastID: nil)) }
        defer { server.stop() }
        let order = ChatKitThreadListOrder(rawValue: "random")
        #expect(order == .unknown("random"))

        _ = try await makeClient(server).chatkit.threads.list(order: order)

        #expect(server.requests.first?.rawQuery == "limit=20&order=random")
    }

    @Test(arguments: [
        ("a/b c/é🙂", "a%2Fb%20c%2F%C3%A9%F0%9F%99%82"),
        ("x?y#z&w", "x%3Fy%23z%26w"),
        ("100%", "100%25"),
        ("cthr_A-1.b~c", "cthr_A-1.b~c"),
    ])
    func aThreadIDIsEncodedAsOneSegment(threadID: String, encoded: String) async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }

        _ = try await makeClient(server).chatkit.threads.retrieve(threadID: threadID)

        let request = try #require(server.requests.first)
        #expect(request.target == "/chatkit/threads/" + encoded)
        #expect(request.rawQuery == nil)
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false)
        #expect(segments.count == 4)
        #expect(segments.last.flatMap { String($0).removingPercentEncoding } == threadID)
    }

    @Test(arguments: [".", "..", "...", "./..", "%2E%2E"])
    func dotSegmentsStayInsideTheThreadsPath(threadID: String) async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }

        _ = try? await makeClient(server, retryPolicy: .none).chatkit.threads.retrieve(threadID: threadID)

        // A thread ID must address a thread: `..` must not turn into `/chatkit/` on the wire.
        let request = try #require(server.requests.first)
        let last = request.path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init)
        #expect(request.path.hasPrefix("/chatkit/threads/"))
        #expect(last?.removingPercentEncoding == threadID)
        #expect(request.target == "/chatkit/threads/" + PathEncoding.segment(threadID))
    }

    @Test func dotSegmentsAreEncoded() {
        #expect(PathEncoding.segment(".") == "%2E")
        #expect(PathEncoding.segment("..") == "%2E%2E")
        #expect(PathEncoding.segment("...") == "...")
        #expect(PathEncoding.segment("a..b") == "a..b")
    }

    @Test func aConfiguredOpenAIBetaHeaderWinsOverTheDocumentedOne() async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }
        let client = makeClient(server, headers: ["OpenAI-Beta": "chatkit_beta=v2"])

        _ = try await client.chatkit.threads.retrieve(threadID: "cthr_123")

        // The headers the docs require rank below the configuration's, so a user can move to a newer beta.
        #expect(server.requests.first?.headers["openai-beta"] == "chatkit_beta=v2")
    }

    @Test func headersFromTheConfigurationAndTheCallAreSent() async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }
        let client = makeClient(server, headers: ["X-Team": "blue"])

        _ = try await client.chatkit.threads.retrieve(
            threadID: "cthr_123", options: RequestOptions(headers: ["OpenAI-Beta": "chatkit_beta=v2", "X-Call": "1"]))

        let request = try #require(server.requests.first)
        #expect(request.headers["x-team"] == "blue")
        #expect(request.headers["x-call"] == "1")
        #expect(request.headers["openai-beta"] == "chatkit_beta=v2")
        #expect(request.headers["authorization"] == "Bearer sk-test-secret")
    }
}

import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// Successful responses decoded into the generated types, with what the response said about them.
@Suite struct ResponseTests {
    @Test func retrieveDecodesEveryField() async throws {
        let body = threadJSON(
            id: "cthr_123", createdAt: 1_712_345_600, title: #""Customer escalation""#,
            status: #"{"type":"locked","reason":"Too many messages"}"#, user: "user_456")
        let server = try LoopbackServer { _ in .json(200, body, headers: ["x-request-id": "req_abc123"]) }
        defer { server.stop() }

        let response = try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123")

        #expect(response.value == ChatKitThread(
            id: "cthr_123", createdAt: 1_712_345_600, title: "Customer escalation",
            status: .locked(reason: "Too many messages"), user: "user_456"))
        // Members read through the response (dynamic member lookup).
        #expect(response.id == "cthr_123")
        #expect(response.createdAt == 1_712_345_600)
        #expect(response.title == "Customer escalation")
        #expect(response.status == .locked(reason: "Too many messages"))
        #expect(response.user == "user_456")
        #expect(response.object == "chatkit.thread")
        #expect(response.additionalProperties.isEmpty)
        #expect(response.requestID == "req_abc123")
        #expect(response.raw.statusCode == 200)
        #expect(response.raw.header("X-Request-ID") == "req_abc123")
        #expect(response.raw.header("content-type") == "application/json")
        #expect(response.raw.body == Data(body.utf8))
    }

    @Test(arguments: [
        (#"{"type":"active"}"#, ChatKitThread.Status.active),
        (#"{"type":"locked","reason":"Abuse"}"#, .locked(reason: "Abuse")),
        (#"{"type":"locked","reason":null}"#, .locked(reason: nil)),
        (#"{"type":"closed","reason":"Resolved"}"#, .closed(reason: "Resolved")),
        (#"{"type":"closed","reason":null}"#, .closed(reason: nil)),
    ])
    func statusVariantsDecodeAndEncodeBack(status: String, expected: ChatKitThread.Status) async throws {
        let body = threadJSON(title: "null", status: status)
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }

        let thread = try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123").value

        #expect(thread.status == expected)
        #expect(thread.title == nil)
        #expect(try reencoded(thread) == json(body))
        #expect(try reencoded(thread)["title"] == .null)
    }

    @Test func aResponseWithoutRequestIDHasNone() async throws {
        let server = try LoopbackServer { _ in .json(200, threadJSON()) }
        defer { server.stop() }
        let response = try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123")
        #expect(response.requestID == nil)
    }

    @Test func listDecodesThePage() async throws {
        let threads = [
            threadJSON(id: "cthr_1", createdAt: 1, title: #""One""#, status: #"{"type":"active"}"#, user: "u1"),
            threadJSON(id: "cthr_2", createdAt: 2, title: "null", status: #"{"type":"closed","reason":null}"#, user: "u2"),
        ]
        let body = pageJSON(threads, hasMore: true, firstID: "cthr_1", lastID: "cthr_2")
        let server = try LoopbackServer { _ in .json(200, body, headers: ["x-request-id": "req_list"]) }
        defer { server.stop() }

        let response = try await makeClient(server).chatkit.threads.list(limit: 2)

        #expect(response.data == [
            ChatKitThread(id: "cthr_1", createdAt: 1, title: "One", status: .active, user: "u1"),
            ChatKitThread(id: "cthr_2", createdAt: 2, title: nil, status: .closed(reason: nil), user: "u2"),
        ])
        #expect(response.firstID == "cthr_1")
        #expect(response.lastID == "cthr_2")
        #expect(response.hasMore)
        #expect(response.object == "list")
        #expect(response.nextCursor == "cthr_2")
        #expect(response.requestID == "req_list")
        #expect(try reencoded(response.value) == json(body))
    }

    @Test func aPageWithNullCursorsDecodes() async throws {
        let server = try LoopbackServer { _ in .json(200, pageJSON([], hasMore: false, lastID: nil)) }
        defer { server.stop() }
        let page = try await makeClient(server).chatkit.threads.list().value
        #expect(page.data.isEmpty)
        #expect(page.firstID == nil)
        #expect(page.lastID == nil)
        #expect(!page.hasMore)
    }
}

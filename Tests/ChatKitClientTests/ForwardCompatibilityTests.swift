import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// What the API may add later (status variants, keys, enum values) decodes without loss and encodes back.
@Suite struct ForwardCompatibilityTests {
    /// A thread from the loopback server with `body`, and the decoded value.
    private func retrieve(_ body: String, options: RequestOptions? = nil) async throws -> APIResponse<ChatKitThread> {
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        return try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123", options: options)
    }

    @Test func anUnknownStatusTypeIsKeptAsJSONAndReported() async throws {
        let body = threadJSON(status: #"{"type": "archived", "since": 5}"#)

        let response = try await retrieve(body)

        #expect(response.status == .unknown(["type": "archived", "since": 5]))
        #expect(try reencoded(response.value) == json(body))
        #expect(response.decodingIssues.map(\.description) == [#"$.status.type: a string ("archived"), documented as one of ChatKitThread.Status's variants"#])
    }

    @Test(arguments: [
        // No discriminator, or not an object at all.
        #"{"reason":"none"}"#,
        #""active""#,
        "null",
        #"{"type":7}"#,
    ])
    func aStatusTheVariantsDoNotDescribeIsKeptAsUnknown(status: String) async throws {
        let body = threadJSON(status: status)

        let response = try await retrieve(body)

        #expect(response.status == .unknown(try json(status)))
        #expect(try reencoded(response.value) == json(body))
        #expect(response.decodingIssues.map(\.path) == ["$.status"])
        #expect(response.decodingIssues.map(\.kind) == [.undocumentedValue])
    }

    @Test(arguments: [
        (#"{"type":"locked","reason":"Abuse","locked_by":"moderator"}"#, ChatKitThread.Status.locked(reason: "Abuse")),
        (#"{"type":"active","since":1.5}"#, .active),
        // A member of another case.
        (#"{"type":"active","reason":"none"}"#, .active),
    ])
    func aKnownStatusWithMembersTheDocsDoNotListStaysThatStatus(status: String, expected: ChatKitThread.Status) async throws {
        let body = threadJSON(status: status)

        let response = try await retrieve(body)

        // The `switch` of an app sees the status it knows, and encoding writes back every member.
        #expect(response.status == expected)
        #expect(response.decodingIssues.isEmpty)
        #expect(try reencoded(response.value) == json(body))
        // Strict decoding keeps the value whole as `unknown`, as it always did.
        #expect(try await retrieve(body, options: strict).status == .unknown(try json(status)))
    }

    @Test func undocumentedKeysAreKeptAndEncodedBack() async throws {
        // `metadata` reuses documented names inside: only top-level names count as documented.
        let extra = #","metadata":{"topic":"billing","scores":[1,2.5,null,true],"id":"x","status":{}},"item_count":3,"pinned":false"#
        let body = threadJSON(title: "null", status: #"{"type":"locked","reason":null}"#, extra: extra)

        let thread = try await retrieve(body).value

        #expect(thread.additionalProperties == [
            "metadata": ["topic": "billing", "scores": [1, 2.5, nil, true], "id": "x", "status": [:]],
            "item_count": 3,
            "pinned": false,
        ])
        #expect(thread.status == .locked(reason: nil))
        #expect(thread.title == nil)
        #expect(try reencoded(thread) == json(body))
    }

    @Test func undocumentedKeysOfThePageAndItsItemsSurvive() async throws {
        let body = #"{"object":"list","data":[\#(threadJSON(extra: #","labels":["a"]"#))],"first_id":"cthr_123","last_id":"cthr_123","has_more":false,"total":1}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }

        let page = try await makeClient(server).chatkit.threads.list().value

        #expect(page.additionalProperties == ["total": 1])
        #expect(page.data.first?.additionalProperties == ["labels": ["a"]])
        #expect(try reencoded(page) == json(body))
    }

    @Test func concurrentDecodesOfDifferentTypesKeepTheirOwnUnknownKeys() async throws {
        // A page's documented names (`data`, `has_more`...) are unknown keys of a thread and vice versa.
        let thread = threadJSON(extra: #","has_more":"thread's","data":1"#)
        let page = #"{"object":"list","data":[\#(thread)],"first_id":null,"last_id":null,"has_more":false,"id":"page's","user":2}"#
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    for _ in 0..<25 {
                        if index.isMultiple(of: 2) {
                            let decoded = try decode(ChatKitThread.self, thread)
                            #expect(decoded.additionalProperties == ["has_more": "thread's", "data": 1])
                        } else {
                            let decoded = try decode(ChatKitThreadPage.self, page)
                            #expect(decoded.additionalProperties == ["id": "page's", "user": 2])
                            #expect(decoded.data.first?.additionalProperties == ["has_more": "thread's", "data": 1])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test(arguments: [
        threadJSON(extra: #","labels":["a"],"score":1.5e300"#),
        threadJSON(status: #"{"type":"locked","reason":"Abuse","locked_by":"moderator"}"#),
        threadJSON(status: #"{"type":"archived","since":5}"#, extra: #","data":{"nested":[null,true]}"#),
        threadJSON(title: "null", status: #"{"type":"closed","reason":null}"#),
    ])
    func foundationsDecoderReadsGeneratedTypesAsTheRuntimesDoes(body: String) throws {
        // Generated types take a shortcut with the runtime's decoder (members read from its tree) and list
        // members through `allKeys` with any other; both must give the same value.
        let viaRuntime = try decode(ChatKitThread.self, body)
        let viaFoundation = try JSONDecoder().decode(ChatKitThread.self, from: Data(body.utf8))

        #expect(viaRuntime == viaFoundation)
        #expect(try reencoded(viaRuntime) == json(body))
    }

    @Test func aDocumentedKeyWinsOverTheSameKeyInAdditionalProperties() throws {
        let thread = ChatKitThread(
            id: "cthr_1", createdAt: 1, title: nil, status: .active, user: "u",
            additionalProperties: ["id": "shadow", "object": "other", "extra": 1])

        let encoded = try reencoded(thread)

        #expect(encoded == [
            "id": "cthr_1", "object": "chatkit.thread", "created_at": 1, "title": nil,
            "status": ["type": "active"], "user": "u", "extra": 1,
        ])
    }

    @Test func statusesBuiltInCodeEncodeAsDocumented() throws {
        #expect(try reencoded(ChatKitThread.Status.active) == ["type": "active"])
        #expect(try reencoded(ChatKitThread.Status.locked(reason: "Abuse")) == ["type": "locked", "reason": "Abuse"])
        #expect(try reencoded(ChatKitThread.Status.closed(reason: nil)) == ["type": "closed", "reason": nil])
        #expect(try reencoded(ChatKitThread.Status.unknown(["type": "archived"])) == ["type": "archived"])
        #expect(try decode(ChatKitThread.Status.self, #"{"reason":null,"type":"closed"}"#) == .closed(reason: nil))
    }

    @Test func orderRawValuesRoundTrip() throws {
        #expect(ChatKitThreadListOrder(rawValue: "asc") == .asc)
        #expect(ChatKitThreadListOrder(rawValue: "desc") == .desc)
        #expect(ChatKitThreadListOrder(rawValue: "random").rawValue == "random")
        #expect(try decode([ChatKitThreadListOrder].self, #"["asc","random"]"#) == [.asc, .unknown("random")])
        #expect(try reencoded(ChatKitThreadListOrder.unknown("random")) == "random")
    }
}

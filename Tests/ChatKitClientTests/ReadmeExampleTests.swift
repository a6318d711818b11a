import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// The README's example, run as written against a loopback server, so that the README cannot drift from
/// the generated API.
@Suite("README example")
struct ReadmeExampleTests {
    @Test func theReadmeExampleRuns() async throws {
        let thread = #"{"id":"cthr_123","object":"chatkit.thread","created_at":1,"title":null,"status":{"type":"locked","reason":"spam"},"user":"user_456"}"#
        let server = try LoopbackServer { request in
            request.path.hasSuffix("/cthr_123")
                ? .json(200, thread, headers: ["x-request-id": "req_1"])
                : .json(200, #"{"object":"list","data":[\#(thread)],"first_id":"cthr_123","last_id":"cthr_123","has_more":false}"#)
        }
        defer { server.stop() }
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // From README.md, "The generated ChatKit SDK" (the base URL added to reach the test server).
        let client = Client(apiKey: "sk-...", baseURL: server.baseURL)

        let thread1 = try await client.chatkit.threads.retrieve(threadID: "cthr_123")
        print(thread1.title ?? "untitled", thread1.requestID ?? "")
        switch thread1.status {
        case .active: print("active")
        case .locked(let reason), .closed(let reason): print(reason ?? "no reason given")
        case .unknown(let json): print("a status this SDK does not know yet:", json)
        }

        let page = try await client.chatkit.threads.list(limit: 50, order: .asc)
        for try await thread in client.chatkit.threads.listAutoPaging(user: "user_456") {
            print(thread.id)
        }

        #expect(printed == ["untitled req_1", "spam", "cthr_123"])
        #expect(page.data.count == 1)
        #expect(Client(environment: ["OPENAI_API_KEY": "sk-env"]) != nil)
        #expect(Client(environment: [:]) == nil)
    }
}

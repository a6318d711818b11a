import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Synchronization
import Testing

/// Responses that disagree with the docs, through the generated client on loopback: by default the call
/// returns every value, keeps what arrived, and reports each disagreement; strict decoding throws.
@Suite struct ToleranceTests {
    /// A page whose first thread has `"created_at": null` and whose second lacks `user`.
    static let page = pageJSON([
        threadJSON(id: "cthr_1").replacingOccurrences(of: #""created_at":1712345600"#, with: #""created_at":null"#),
        threadJSON(id: "cthr_2").replacingOccurrences(of: #","user":"user_456""#, with: ""),
        threadJSON(id: "cthr_3"),
    ], hasMore: false, firstID: "cthr_1", lastID: "cthr_3")

    @Test func aListPageWithTwoWrongThreadsReturnsEveryThreadAndReportsBoth() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.page, headers: ["x-request-id": "req_tol"]) }
        defer { server.stop() }

        let response = try await makeClient(server).chatkit.threads.list()

        #expect(response.data.map(\.id) == ["cthr_1", "cthr_2", "cthr_3"])
        #expect(response.decodingIssues.map(\.description) == [
            "$.data[0].created_at: null, documented as non-null integer",
            "$.data[1].user: absent, documented as required",
        ])
        // The fallbacks are marked as such; the members that arrived are the values.
        #expect(response.data[0].createdAt == 0 && response.data[0].deviations.isFallback("created_at"))
        #expect(response.data[1].user == "" && response.data[1].deviations.isFallback("user"))
        #expect(!response.data[1].deviations.isFallback("created_at") && response.data[1].createdAt == 1_712_345_600)
        #expect(response.data[2].deviations.isEmpty)
        // Each thread reports its own; the page reports all of them.
        #expect(response.data[0].deviations.issues.map(\.path) == ["$.data[0].created_at"])
        #expect(response.value.deviations.issues.count == 2)
        // Nothing is lost: encoding again writes back exactly what arrived.
        #expect(try reencoded(response.value) == json(Self.page))
    }

    @Test func theConfigurationsHookHearsOfEveryResponseWithIssues() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.page, headers: ["x-request-id": "req_hook"]) }
        defer { server.stop() }
        let reports = Mutex<[DecodingIssueReport]>([])
        var configuration = ClientConfiguration(apiKey: apiKey, baseURL: server.baseURL, retryPolicy: fastRetries)
        configuration.onDecodingIssues = { report in reports.withLock { $0.append(report) } }

        _ = try await Client(configuration: configuration).chatkit.threads.list()
        _ = try await Client(configuration: configuration).chatkit.threads.list()

        let heard = reports.withLock { $0 }
        #expect(heard.count == 2)
        #expect(heard.first?.method == "GET")
        #expect(heard.first?.path == "/chatkit/threads")
        #expect(heard.first?.requestID == "req_hook")
        #expect(heard.first?.issues.map(\.path) == ["$.data[0].created_at", "$.data[1].user"])
        #expect(heard.first?.description.hasPrefix("GET /chatkit/threads: 2 decoding issues: $.data[0].created_at") == true)
    }

    @Test func strictDecodingPerClientThrowsWithThePath() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.page) }
        defer { server.stop() }
        var configuration = ClientConfiguration(apiKey: apiKey, baseURL: server.baseURL, retryPolicy: fastRetries)
        configuration.decoding = .strict

        let error = try #require(await apiError { try await Client(configuration: configuration).chatkit.threads.list() })

        guard case .decoding(let path, _) = error.kind else {
            Issue.record("expected .decoding, got \(error.kind)")
            return
        }
        #expect(path == "$.data[0].created_at")
    }

    @Test func aCallCanBeTolerantOnAStrictClient() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.page) }
        defer { server.stop() }
        var configuration = ClientConfiguration(apiKey: apiKey, baseURL: server.baseURL, retryPolicy: fastRetries)
        configuration.decoding = .strict

        let response = try await Client(configuration: configuration).chatkit.threads.list(options: RequestOptions(decoding: .tolerant))

        #expect(response.decodingIssues.count == 2)
    }

    @Test func aResponseAsDocumentedHasNoIssues() async throws {
        let body = pageJSON([threadJSON(id: "cthr_1")], hasMore: false, firstID: "cthr_1", lastID: "cthr_1")
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let reports = Mutex(0)
        var configuration = ClientConfiguration(apiKey: apiKey, baseURL: server.baseURL, retryPolicy: fastRetries)
        configuration.onDecodingIssues = { _ in reports.withLock { $0 += 1 } }

        let response = try await Client(configuration: configuration).chatkit.threads.list()

        #expect(response.decodingIssues.isEmpty)
        #expect(response.data[0].deviations.isEmpty)
        #expect(reports.withLock { $0 } == 0)
    }

    @Test(arguments: [
        // Another constant than documented: the property still says the docs' value; the JSON keeps what came.
        (threadJSON().replacingOccurrences(of: #""chatkit.thread""#, with: #""chatkit_thread""#),
         #"$.object: a string ("chatkit_thread"), documented as the constant "chatkit.thread""#),
        // A number where a string is documented.
        (threadJSON().replacingOccurrences(of: #""user":"user_456""#, with: #""user":42"#),
         "$.user: a number (42), documented as string"),
        // A known status variant whose member has another type: the whole status is kept.
        (threadJSON(status: #"{"type":"locked","reason":42}"#), "$.status.reason: a number (42), documented as string"),
        // A required, nullable member that is absent: nil, which would be written as null, stays absent.
        (threadJSON().replacingOccurrences(of: #""title":"Demo feedback","#, with: ""), "$.title: absent, documented as required"),
    ])
    func eachKindOfDisagreementIsKeptAndReported(body: String, issue: String) async throws {
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }

        let response = try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123")

        #expect(response.decodingIssues.map(\.description) == [issue])
        #expect(response.id == "cthr_123")
        #expect(try reencoded(response.value) == json(body))
    }

    @Test func aFallbackThatIsSetIsWrittenInsteadOfWhatArrived() throws {
        let body = threadJSON().replacingOccurrences(of: #""user":"user_456""#, with: #""user":null"#)
        var thread = try decode(ChatKitThread.self, body)
        #expect(try reencoded(thread)["user"] == .null)

        thread.user = "user_789"

        #expect(try reencoded(thread)["user"] == "user_789")
    }
}

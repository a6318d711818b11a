import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// Arguments the docs forbid fail at once, before any request is sent.
@Suite struct ValidationTests {
    /// Runs `call` against a fresh server and returns the error and how many requests the server received.
    private func reject(
        _ call: @Sendable (ChatKitThreadsResource) async throws -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (error: APIError?, requests: Int) {
        let server = try LoopbackServer { _ in .json(200, pageJSON([], hasMore: false, lastID: nil)) }
        defer { server.stop() }
        let threads = makeClient(server).chatkit.threads
        let error = await apiError(sourceLocation: sourceLocation) { try await call(threads) }
        return (error, server.requests.count)
    }

    @Test func anEmptyThreadIDIsRejected() async throws {
        let (error, requests) = try await reject { _ = try await $0.retrieve(threadID: "") }
        #expect(error?.kind == .invalidArgument(name: "threadID", reason: "must not be empty"))
        #expect(error?.statusCode == nil)
        #expect(error?.raw == nil)
        #expect(requests == 0)
    }

    @Test(arguments: [101, -1, Int.max, Int.min])
    func aLimitOutsideZeroToAHundredIsRejected(limit: Int) async throws {
        let (error, requests) = try await reject { _ = try await $0.list(limit: limit) }
        guard case .invalidArgument(let name, let reason)? = error?.kind else {
            Issue.record("expected .invalidArgument, got \(String(describing: error?.kind))")
            return
        }
        #expect(name == "limit")
        #expect(reason.contains(String(limit)))
        #expect(error?.description.contains("limit") == true)
        #expect(requests == 0)
    }

    @Test(arguments: [0, 513])
    func aUserOfTheWrongLengthIsRejected(length: Int) async throws {
        let user = String(repeating: "u", count: length)
        let (error, requests) = try await reject { _ = try await $0.list(user: user) }
        guard case .invalidArgument(let name, let reason)? = error?.kind else {
            Issue.record("expected .invalidArgument, got \(String(describing: error?.kind))")
            return
        }
        #expect(name == "user")
        #expect(reason.contains(String(length)))
        #expect(requests == 0)
    }

    @Test func theAutoPagingSequenceRejectsOnFirstUse() async throws {
        let (error, requests) = try await reject { threads in
            for try await _ in threads.listAutoPaging(limit: 101) {}
        }
        guard case .invalidArgument(name: "limit", _)? = error?.kind else {
            Issue.record("expected .invalidArgument for limit, got \(String(describing: error?.kind))")
            return
        }
        #expect(requests == 0)
    }

    @Test func theBoundsThemselvesAreAccepted() async throws {
        let server = try LoopbackServer { _ in .json(200, pageJSON([], hasMore: false, lastID: nil)) }
        defer { server.stop() }
        let threads = makeClient(server).chatkit.threads
        _ = try await threads.list(limit: 0)
        _ = try await threads.list(limit: 100, user: "u")
        _ = try await threads.list(user: String(repeating: "é", count: 512))
        #expect(server.requests.map { $0.query["limit"] } == ["0", "100", "20"])
        #expect(server.requests.last?.query["user"]?.count == 512)
    }
}

import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// `listAutoPaging` against a server with three pages: cthr_1, cthr_2 | cthr_3, cthr_4 | cthr_5.
@Suite struct PaginationTests {
    private static func thread(_ number: Int) -> String {
        threadJSON(id: "cthr_\(number)", createdAt: 1_700_000_000 + number, title: number.isMultiple(of: 2) ? "null" : #""Thread \#(number)""#)
    }

    /// Answers by the `after` cursor; anything unexpected is a 400 so the test notices.
    private static func threePages(_ request: RecordedRequest) -> ScriptedResponse {
        switch request.query["after"] {
        case nil: .json(200, pageJSON([thread(1), thread(2)], hasMore: true, firstID: "cthr_1", lastID: "cthr_2"))
        case "cthr_2"?: .json(200, pageJSON([thread(3), thread(4)], hasMore: true, firstID: "cthr_3", lastID: "cthr_4"))
        case "cthr_4"?: .json(200, pageJSON([thread(5)], hasMore: false, firstID: "cthr_5", lastID: "cthr_5"))
        default: .json(400, #"{"error":{"message":"unexpected cursor"}}"#)
        }
    }

    @Test func pagesAreFetchedLazilyWithTheCursor() async throws {
        let server = try LoopbackServer(handler: Self.threePages)
        defer { server.stop() }
        let sequence = makeClient(server).chatkit.threads.listAutoPaging(limit: 2)

        var iterator = sequence.makeAsyncIterator()
        #expect(server.requests.isEmpty)
        // (item expected, requests the server has seen once it is returned)
        let steps: [(String, Int)] = [("cthr_1", 1), ("cthr_2", 1), ("cthr_3", 2), ("cthr_4", 2), ("cthr_5", 3)]
        for (id, requests) in steps {
            let thread = try await iterator.next()
            #expect(thread?.id == id)
            #expect(server.requests.count == requests, "after \(id)")
        }
        #expect(try await iterator.next() == nil)
        #expect(try await iterator.next() == nil)
        #expect(server.requests.count == 3)

        let requests = server.requests
        #expect(requests.map(\.target) == [
            "/chatkit/threads?limit=2&order=desc",
            "/chatkit/threads?limit=2&order=desc&after=cthr_2",
            "/chatkit/threads?limit=2&order=desc&after=cthr_4",
        ])
        #expect(requests[1].query["after"] == "cthr_2")
        #expect(requests[2].query["after"] == "cthr_4")
        #expect(requests.allSatisfy { $0.headers["openai-beta"] == "chatkit_beta=v1" })
    }

    @Test func forInCollectsEveryItemAndKeepsTheOtherParameters() async throws {
        let server = try LoopbackServer(handler: Self.threePages)
        defer { server.stop() }

        var threads: [ChatKitThread] = []
        for try await thread in makeClient(server).chatkit.threads.listAutoPaging(limit: 2, order: .asc, user: "u 1") {
            threads.append(thread)
            if threads.count > 10 { break }
        }

        #expect(threads.map(\.id) == ["cthr_1", "cthr_2", "cthr_3", "cthr_4", "cthr_5"])
        #expect(threads.map(\.title) == ["Thread 1", nil, "Thread 3", nil, "Thread 5"])
        #expect(server.requests.map(\.rawQuery) == [
            "limit=2&order=asc&user=u%201",
            "limit=2&order=asc&after=cthr_2&user=u%201",
            "limit=2&order=asc&after=cthr_4&user=u%201",
        ])
    }

    @Test func stoppingEarlyFetchesNoMorePages() async throws {
        let server = try LoopbackServer(handler: Self.threePages)
        defer { server.stop() }

        var ids: [String] = []
        for try await thread in makeClient(server).chatkit.threads.listAutoPaging(limit: 2).prefix(3) {
            ids.append(thread.id)
        }

        #expect(ids == ["cthr_1", "cthr_2", "cthr_3"])
        #expect(server.requests.count == 2)
    }

    @Test func aStartingCursorIsSentOnTheFirstRequest() async throws {
        let server = try LoopbackServer(handler: Self.threePages)
        defer { server.stop() }

        var ids: [String] = []
        for try await thread in makeClient(server).chatkit.threads.listAutoPaging(limit: 2, after: "cthr_4") {
            ids.append(thread.id)
            if ids.count > 10 { break }
        }

        #expect(ids == ["cthr_5"])
        #expect(server.requests.map { $0.query["after"] } == ["cthr_4"])
    }

    @Test func aServerRepeatingTheSameCursorDoesNotLoopForever() async throws {
        // Every request gets the first page again, `has_more` true and the same `last_id`.
        let server = try LoopbackServer { _ in
            .json(200, pageJSON([Self.thread(1), Self.thread(2)], hasMore: true, lastID: "cthr_2"))
        }
        defer { server.stop() }

        var ids: [String] = []
        for try await thread in makeClient(server).chatkit.threads.listAutoPaging(limit: 2) {
            ids.append(thread.id)
            if ids.count >= 20 { break }  // the bound that keeps a failing test finite
        }

        // The second request (after=cthr_2) answers cthr_2 again: the sequence must end there.
        #expect(ids.count < 20)
        #expect(server.requests.count == 2)
        #expect(server.requests.map { $0.query["after"] } == [nil, "cthr_2"])
    }

    @Test func anErrorOnALaterPageReachesTheConsumerAfterTheEarlierItems() async throws {
        let server = try LoopbackServer { request in
            request.query["after"] == nil
                ? .json(200, pageJSON([Self.thread(1), Self.thread(2)], hasMore: true, lastID: "cthr_2"))
                : .json(404, #"{"error":{"message":"gone","type":"invalid_request_error","code":null}}"#)
        }
        defer { server.stop() }

        var ids: [String] = []
        let error = await apiError {
            for try await thread in makeClient(server).chatkit.threads.listAutoPaging(limit: 2) {
                ids.append(thread.id)
                if ids.count > 10 { break }
            }
        }

        #expect(ids == ["cthr_1", "cthr_2"])
        #expect(error?.kind == .status(404))
        #expect(server.requests.count == 2)
    }
}

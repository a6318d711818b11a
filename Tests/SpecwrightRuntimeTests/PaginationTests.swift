import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

private struct Page: CursorPage {
    var items: [Int]
    var hasMore: Bool
    var nextCursor: String?
}

/// Three pages: 1...3 (cursor "c3"), 4...6 (cursor "c6"), 7 (last).
private func fakeAPI(_ after: String?) -> Page {
    switch after {
    case nil: Page(items: [1, 2, 3], hasMore: true, nextCursor: "c3")
    case "c3"?: Page(items: [4, 5, 6], hasMore: true, nextCursor: "c6")
    default: Page(items: [7], hasMore: false, nextCursor: "c7")
    }
}

@Suite struct PaginationTests {
    @Test func walksAllPagesPassingTheCursor() async throws {
        let calls = Locked<[String?]>([])
        let sequence = CursorPageSequence<Page> { after in
            calls.withLock { $0.append(after) }
            return fakeAPI(after)
        }
        var items: [Int] = []
        for try await item in sequence { items.append(item) }
        #expect(items == [1, 2, 3, 4, 5, 6, 7])
        #expect(calls.current == [nil, "c3", "c6"])
    }

    @Test func fetchesTheNextPageOnlyWhenReached() async throws {
        let calls = Locked<[String?]>([])
        let sequence = CursorPageSequence<Page> { after in
            calls.withLock { $0.append(after) }
            return fakeAPI(after)
        }
        var iterator = sequence.makeAsyncIterator()
        #expect(calls.current.isEmpty)
        for expected in 1...3 { #expect(try await iterator.next() == expected) }
        #expect(calls.current == [nil])
        #expect(try await iterator.next() == 4)
        #expect(calls.current == [nil, "c3"])
        var prefix: [Int] = []
        for try await item in sequence.prefix(2) { prefix.append(item) }
        #expect(prefix == [1, 2])
        #expect(calls.current.count == 3)
    }

    @Test func startsAfterTheCallersCursorAndStopsOnEmptyPages() async throws {
        let calls = Locked<[String?]>([])
        let sequence = CursorPageSequence<Page>(after: "c3") { after in
            calls.withLock { $0.append(after) }
            return after == "c3" ? Page(items: [4], hasMore: true, nextCursor: "c4") : Page(items: [], hasMore: true, nextCursor: "c4")
        }
        var items: [Int] = []
        for try await item in sequence { items.append(item) }
        #expect(items == [4])
        #expect(calls.current == ["c3", "c4"])
    }

    @Test func errorsReachTheConsumer() async throws {
        struct Boom: Error {}
        let sequence = CursorPageSequence<Page> { after in
            if after == nil { return fakeAPI(nil) }
            throw Boom()
        }
        var items: [Int] = []
        await #expect(throws: Boom.self) {
            for try await item in sequence { items.append(item) }
        }
        #expect(items == [1, 2, 3])
    }

    @Test func pagesThroughTheLoopbackServer() async throws {
        let server = try LoopbackServer { request in
            request.query["after"] == nil
                ? .json(200, #"{"data":[{"id":"a"},{"id":"b"}],"has_more":true,"last_id":"b"}"#)
                : .json(200, #"{"data":[{"id":"c"}],"has_more":false,"last_id":"c"}"#)
        }
        defer { server.stop() }
        let client = makeClient(server.baseURL)
        let things = CursorPageSequence<ThingList> { after in
            var query = QueryBuilder()
            query.add("limit", 2)
            query.add("after", after)
            return try await client.send(EndpointRequest(method: "GET", path: "/v1/things", query: query.items), as: ThingList.self).value
        }
        var ids: [String] = []
        for try await thing in things { ids.append(thing.id) }
        #expect(ids == ["a", "b", "c"])
        #expect(server.requests.map(\.target) == ["/v1/things?limit=2", "/v1/things?limit=2&after=b"])
    }
}

extension ThingList: CursorPage {
    var items: [Thing] { data }
    var nextCursor: String? { lastID }
}

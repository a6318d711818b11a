/// A page of a cursor-paginated list: endpoints whose responses have `data`, `has_more` and `last_id`.
public protocol CursorPage: Sendable {
    /// The listed type.
    associatedtype Item: Sendable
    /// This page's items (`data`).
    var items: [Item] { get }
    /// Whether more items follow (`has_more`).
    var hasMore: Bool { get }
    /// The cursor to pass as `after` for the next page (`last_id`).
    var nextCursor: String? { get }
}

/// All items of all pages, fetched one page at a time: the next page (with `after` = the previous page's
/// `nextCursor`) is requested only when the consumer reaches its first item, so stopping early costs no
/// extra requests.
///
/// Iteration stops after a page with `hasMore == false`, an empty page, a page without a cursor, or a page
/// whose cursor is the one it was fetched with, so a misbehaving server cannot make it loop forever on the
/// same page.
public struct CursorPageSequence<Page: CursorPage>: AsyncSequence, Sendable {
    /// The items of the pages.
    public typealias Element = Page.Item

    private let after: String?
    private let fetch: @Sendable (_ after: String?) async throws -> Page

    /// A sequence whose first page is `fetch(after)`; each following page is `fetch(previous.nextCursor)`.
    public init(after: String? = nil, fetch: @escaping @Sendable (_ after: String?) async throws -> Page) {
        self.after = after
        self.fetch = fetch
    }

    /// An iterator that has fetched nothing yet.
    public func makeAsyncIterator() -> Iterator {
        Iterator(cursor: after, fetch: fetch)
    }

    /// Walks the items, fetching pages on demand.
    public struct Iterator: AsyncIteratorProtocol {
        private var cursor: String?
        private let fetch: @Sendable (_ after: String?) async throws -> Page
        private var buffer: [Page.Item] = []
        private var index = 0
        private var finished = false

        init(cursor: String?, fetch: @escaping @Sendable (_ after: String?) async throws -> Page) {
            self.cursor = cursor
            self.fetch = fetch
        }

        /// The next item, fetching the next page when this one is used up; `nil` after the last.
        public mutating func next() async throws -> Page.Item? {
            while index == buffer.count {
                guard !finished else { return nil }
                let page: Page
                do {
                    page = try await fetch(cursor)
                } catch {
                    finished = true
                    throw error
                }
                buffer = page.items
                index = 0
                // The same cursor again would fetch the same page again, forever.
                finished = !page.hasMore || page.items.isEmpty || page.nextCursor == nil || page.nextCursor == cursor
                cursor = page.nextCursor
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}

import Foundation

/// One request the loopback server received, as the client sent it.
public struct RecordedRequest: Sendable {
    /// The method, such as `GET`.
    public var method: String
    /// The request target exactly as sent (path and query, still percent-encoded).
    public var target: String
    /// The path, without the query, still percent-encoded (so `%2F` stays visible).
    public var path: String
    /// The raw query (after `?`), still percent-encoded, or `nil` when there was none.
    public var rawQuery: String?
    /// The query parameters, percent-decoded; a repeated name keeps its last value.
    public var query: [String: String]
    /// The query parameters in order, percent-decoded.
    public var queryItems: [(name: String, value: String)]
    /// Header fields with lowercased names; repeated fields are joined with `, `.
    public var headers: [String: String]
    /// The body (empty when there was none).
    public var body: Data

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Builds a request from its parsed parts.
    public init(method: String, target: String, headers: [String: String], body: Data) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = String(parts.first ?? "")
        self.rawQuery = parts.count > 1 ? String(parts[1]) : nil
        var items: [(name: String, value: String)] = []
        for pair in (rawQuery ?? "").split(separator: "&") {
            let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(nameAndValue[0]).removingPercentEncoding ?? String(nameAndValue[0])
            let value = nameAndValue.count > 1 ? (String(nameAndValue[1]).removingPercentEncoding ?? String(nameAndValue[1])) : ""
            items.append((name, value))
        }
        self.queryItems = items
        self.query = Dictionary(items.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}

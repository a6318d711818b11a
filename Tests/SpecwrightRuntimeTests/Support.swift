import Foundation
import LoopbackServer
import SpecwrightRuntime
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A key that must never show up in printed values.
let secretKey = "sk-test-SECRET-0123456789"

/// Retries with delays short enough for tests.
let fastRetries = RetryPolicy(maxRetries: 2, initialDelay: 0.001, maxDelay: 0.005)

/// A client pointed at `baseURL` through a real `URLSessionTransport`.
func makeClient(
    _ baseURL: URL,
    retryPolicy: RetryPolicy = fastRetries,
    timeout: TimeInterval = 10,
    headers: [String: String] = [:],
    defaultHeaders: [String: String] = [:],
    transport: any HTTPTransport = URLSessionTransport()
) -> APIClient {
    APIClient(
        configuration: ClientConfiguration(
            apiKey: secretKey, baseURL: baseURL, headers: headers, timeout: timeout,
            retryPolicy: retryPolicy, transport: transport),
        defaultHeaders: defaultHeaders)
}

/// Counts the attempts that go through another transport.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let inner: any HTTPTransport
    private let lock = NSLock()
    private var count = 0

    init(_ inner: any HTTPTransport = URLSessionTransport()) { self.inner = inner }

    var attempts: Int { lock.withLock { count } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { count += 1 }
        return try await inner.send(request)
    }
}

/// The error `body` throws, or `nil` when it throws none (or another type).
func apiError<T>(_ body: () async throws -> T) async -> APIError? {
    do {
        _ = try await body()
        return nil
    } catch let error as APIError {
        return error
    } catch {
        return nil
    }
}

/// Seconds `body` took.
func elapsed(_ body: () async throws -> Void) async rethrows -> TimeInterval {
    let start = Date()
    try await body()
    return Date().timeIntervalSince(start)
}

/// A URL on 127.0.0.1 where nothing listens.
func closedPortURL() throws -> URL { try LoopbackServer.closedPortURL() }

/// A small object, as generated code would declare it.
struct Thing: Codable, Hashable, Sendable {
    var id: String
    var count: Int?
}

/// A list response, as generated code would declare it.
struct ThingList: Codable, Sendable {
    var data: [Thing]
    var hasMore: Bool
    var lastID: String?

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
        case lastID = "last_id"
    }
}

/// A generated-style open enum.
enum Status: OpenEnum {
    case active, locked, unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "active": self = .active
        case "locked": self = .locked
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .active: "active"
        case .locked: "locked"
        case .unknown(let value): value
        }
    }
}

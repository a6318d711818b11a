import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: `URLSession`, with the official SDKs' timeouts and redirect rules.
///
/// - Timeouts (`HTTPRequest.timeouts`): `read` bounds every wait for data and restarts with every chunk, so a
///   body that keeps arriving is never cut off; `connect` bounds reaching the server (see `Timeouts.connect`
///   for what URLSession lets it see); `total` is a deadline for the whole exchange, body included. A timeout
///   throws a `TransportFailure` that names the step it waited for.
/// - Redirects are followed here, not by URLSession, up to `HTTPRequest.redirectLimit` (see `Redirects`): to
///   another origin without `Authorization` or any other secret header.
/// - Cancelling the calling task cancels the transfer and throws `CancellationError` at once.
/// - Nothing is cached: the session has no `URLCache`, so responses are never written to disk.
///
/// One `URLSession` per transport carries all its requests (connections are reused); it is invalidated when
/// the last copy of the transport goes away.
public struct URLSessionTransport: HTTPTransport {
    /// The session requests go through. Its delegate is the transport's; tasks made on it by others work
    /// as on any session.
    public var session: URLSession { owner.session }
    private let owner: SessionOwner

    /// A transport with URLSession's default configuration.
    public init() {
        self.init(configuration: .default)
    }

    /// A transport whose session has `configuration` (proxies, TLS, HTTP/2 settings), without a cache.
    /// `challengeHandler`, when given, answers the session's authentication challenges (certificate pinning,
    /// client certificates); without it URLSession's default handling applies.
    ///
    /// - Precondition: not a background configuration (`identifier` is nil): a background session follows
    ///   redirects without asking its delegate, which would send the key wherever a redirect points.
    public init(configuration: URLSessionConfiguration, challengeHandler: (any URLSessionDelegate)? = nil) {
        precondition(configuration.identifier == nil, "URLSessionTransport cannot use a background configuration: it must see every redirect")
        owner = SessionOwner(configuration: configuration, challengeHandler: challengeHandler)
    }

    /// A transport whose session has the configuration of `session`, and whose authentication challenges go
    /// to `session`'s delegate. The transport needs its own delegate to control redirects and timeouts, so it
    /// makes its own session rather than using `session` itself.
    ///
    /// - Precondition: `session` is not a background session (see `init(configuration:challengeHandler:)`).
    public init(session: URLSession) {
        self.init(configuration: session.configuration, challengeHandler: session.delegate)
    }

    /// Sends the request and returns the response whatever its status, following redirects.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let head = try await following(request, streaming: false)
        return HTTPResponse(statusCode: head.statusCode, headers: head.headers, body: head.collected)
    }

    /// Sends the request and returns once the status and headers are in (after any redirects); the body
    /// follows chunk by chunk. Stopping the iteration of the body, or cancelling the task that iterates it,
    /// cancels the transfer.
    public func stream(_ request: HTTPRequest) async throws -> StreamedResponse {
        let head = try await following(request, streaming: true)
        return StreamedResponse(statusCode: head.statusCode, headers: head.headers, body: head.stream ?? .complete(head.collected))
    }

    /// One exchange after another until a response that is not a redirect to follow.
    private func following(_ request: HTTPRequest, streaming: Bool) async throws -> ReceivedHead {
        let deadline = Timeouts.limit(request.timeouts.total).map { ContinuousClock.now + $0 }
        var current = request
        var redirects = 0
        while true {
            let head = try await exchange(current, streaming: streaming, deadline: deadline)
            guard request.redirectLimit > 0,
                  let next = Redirects.next(after: current, status: head.statusCode, location: head.header("location"))
            else { return head }
            head.abandon()
            guard redirects < request.redirectLimit else {
                throw TransportFailure(.tooManyRedirects(request.redirectLimit), server: TransportFailure.server(of: current.url))
            }
            redirects += 1
            current = next
        }
    }

    private func exchange(_ request: HTTPRequest, streaming: Bool, deadline: ContinuousClock.Instant?) async throws -> ReceivedHead {
        let exchange = Exchange(request: request, streaming: streaming, deadline: deadline)
        let task = session.dataTask(with: Self.urlRequest(request))
        owner.router.register(exchange, for: task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if exchange.start(task, continuation: continuation) {
                    task.resume()
                } else {
                    // Cancelled before it began: the task never runs, and must not stay with the session.
                    owner.router.unregister(task)
                    task.cancel()
                }
            }
        } onCancel: {
            exchange.fail(CancellationError())
        }
    }

    static func urlRequest(_ request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // URLSession's own timeout also restarts with every chunk, but swift-corelibs-foundation truncates it to
        // whole seconds (0.3 s would time out at once); the exchange enforces the exact limits, and URLSession's
        // timer, a second later, only backs it up.
        let limits = [request.timeouts.connect, request.timeouts.read].compactMap(Timeouts.limit)
        urlRequest.timeoutInterval = limits.count == 2 ? Double(limits.max()!.components.seconds) + 2 : 365 * 24 * 3600
        return urlRequest
    }

    static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String { headers[name] = value as? String ?? "\(value)" }
        }
        return headers
    }
}

/// Owns the transport's session; invalidating it when the transport is gone releases the delegate.
private final class SessionOwner: Sendable {
    let session: URLSession
    let router: TaskRouter

    init(configuration: URLSessionConfiguration, challengeHandler: (any URLSessionDelegate)?) {
        let configuration = configuration.copy() as? URLSessionConfiguration ?? configuration
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        router = TaskRouter(challengeHandler: challengeHandler)
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }
}

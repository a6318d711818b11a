import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: `URLSession`.
///
/// It enforces `HTTPRequest.timeout` as a deadline for the whole exchange (URLSession's own timeout only
/// measures inactivity), throwing `URLError(.timedOut)`, and cancelling the calling task cancels the data
/// task and throws `CancellationError`.
public struct URLSessionTransport: HTTPTransport {
    /// The session requests go through.
    public let session: URLSession

    /// A transport over `session`.
    public init(session: URLSession = .shared) {
        self.session = session
    }

    /// Sends the request and returns the response whatever its status.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let urlRequest = Self.urlRequest(request)
        let deadline = Self.deadline(request.timeout)

        let exchange = Exchange()
        let timer: Task<Void, Never>? = deadline.map { seconds in
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                if !Task.isCancelled { exchange.end(.timedOut) }
            }
        }
        defer { timer?.cancel() }

        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    exchange.finish(with: Self.result(data, response, error))
                }
                if exchange.start(task, continuation: continuation) { task.resume() }
            }
        } onCancel: {
            exchange.end(.cancelled)
        }
    }

    static func urlRequest(_ request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // swift-corelibs-foundation truncates `timeoutInterval` to whole seconds (0.3 s becomes an immediate
        // timeout), so URLSession gets the deadline rounded up; callers enforce the exact deadline.
        if let deadline = deadline(request.timeout) { urlRequest.timeoutInterval = deadline.rounded(.up) }
        return urlRequest
    }

    /// The timeout as a usable deadline, or `nil` when it is not a positive finite number of seconds.
    static func deadline(_ timeout: TimeInterval) -> TimeInterval? {
        timeout.isFinite && timeout > 0 ? min(timeout, 365 * 24 * 3600) : nil
    }

    private static func result(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Result<HTTPResponse, any Error> {
        if let error { return .failure(error) }
        guard let http = response as? HTTPURLResponse else { return .failure(URLError(.badServerResponse)) }
        return .success(HTTPResponse(statusCode: http.statusCode, headers: headers(of: http), body: data ?? Data()))
    }

    static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String { headers[name] = value as? String ?? "\(value)" }
        }
        return headers
    }

}

/// The state of one data task shared by its completion handler, its deadline and task cancellation.
/// Whichever comes first resumes the caller, at once: a deadline or a cancellation does not wait for
/// URLSession to report the cancelled task, which on Linux can take seconds when the machine is busy.
private final class Exchange: @unchecked Sendable {
    enum Ending { case timedOut, cancelled }

    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var ending: Ending?
    private var finished = false

    /// Remembers the task and the caller; returns false, resuming the caller, when the exchange already ended
    /// (the task must not start).
    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<HTTPResponse, any Error>) -> Bool {
        let early: Ending? = lock.withLock {
            if let ending {
                finished = true
                return ending
            }
            self.task = task
            self.continuation = continuation
            return nil
        }
        guard let early else { return true }
        continuation.resume(throwing: Self.error(for: early))
        return false
    }

    /// The task's outcome, unless the exchange ended before.
    func finish(with result: Result<HTTPResponse, any Error>) {
        resume { $0.resume(with: result) }
    }

    /// Ends the exchange (the first reason wins): resumes the caller with the reason and cancels the task.
    func end(_ reason: Ending) {
        let task: URLSessionDataTask? = lock.withLock {
            if ending == nil, !finished { ending = reason }
            return self.task
        }
        resume { $0.resume(throwing: Self.error(for: reason)) }
        task?.cancel()
    }

    private func resume(_ body: (CheckedContinuation<HTTPResponse, any Error>) -> Void) {
        let continuation: CheckedContinuation<HTTPResponse, any Error>? = lock.withLock {
            guard !finished else { return nil }
            finished = true
            defer { self.continuation = nil }
            return self.continuation
        }
        if let continuation { body(continuation) }
    }

    private static func error(for ending: Ending) -> any Error {
        switch ending {
        case .timedOut: URLError(.timedOut)
        case .cancelled: CancellationError()
        }
    }
}

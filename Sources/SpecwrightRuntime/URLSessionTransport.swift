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
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let deadline = Self.deadline(request.timeout)
        // swift-corelibs-foundation truncates `timeoutInterval` to whole seconds (0.3 s becomes an immediate
        // timeout), so URLSession gets the deadline rounded up; the task below enforces the exact deadline.
        if let deadline { urlRequest.timeoutInterval = deadline.rounded(.up) }

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
                    continuation.resume(with: Self.result(data, response, error, ending: exchange.complete()))
                }
                if let ending = exchange.attach(task) {
                    continuation.resume(throwing: Self.failure(for: ending))
                } else {
                    task.resume()
                }
            }
        } onCancel: {
            exchange.end(.cancelled)
        }
    }

    /// The timeout as a usable deadline, or `nil` when it is not a positive finite number of seconds.
    private static func deadline(_ timeout: TimeInterval) -> TimeInterval? {
        timeout.isFinite && timeout > 0 ? min(timeout, 365 * 24 * 3600) : nil
    }

    private static func result(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?, ending: Exchange.Ending?) -> Result<HTTPResponse, any Error> {
        if let ending { return .failure(failure(for: ending)) }
        if let error { return .failure(error) }
        guard let http = response as? HTTPURLResponse else { return .failure(URLError(.badServerResponse)) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String { headers[name] = value as? String ?? "\(value)" }
        }
        return .success(HTTPResponse(statusCode: http.statusCode, headers: headers, body: data ?? Data()))
    }

    private static func failure(for ending: Exchange.Ending) -> any Error {
        switch ending {
        case .timedOut: return URLError(.timedOut)
        case .cancelled: return CancellationError()
        }
    }
}

/// The state of one data task shared by its completion handler, its deadline and task cancellation.
private final class Exchange: @unchecked Sendable {
    enum Ending { case timedOut, cancelled }

    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var endingStorage: Ending?
    private var completed = false

    /// Marks the task finished and returns why it was ended early, if it was; later `end` calls do nothing.
    func complete() -> Ending? {
        lock.withLock {
            completed = true
            return endingStorage
        }
    }

    /// Remembers the task; returns the ending instead when the exchange already ended (the task must not start).
    func attach(_ task: URLSessionDataTask) -> Ending? {
        lock.withLock {
            if endingStorage == nil { self.task = task }
            return endingStorage
        }
    }

    /// Ends the exchange (the first reason wins) and cancels the task.
    func end(_ reason: Ending) {
        let task: URLSessionDataTask? = lock.withLock {
            guard !completed, endingStorage == nil else { return nil }
            endingStorage = reason
            return self.task
        }
        task?.cancel()
    }
}

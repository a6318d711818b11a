import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one exchange delivered: the status and headers, and the body whole (`collected`, when not streaming)
/// or as it arrives (`stream`).
struct ReceivedHead: Sendable {
    var statusCode: Int
    var headers: [String: String]
    var collected: Data
    var stream: ResponseBody?
    let exchange: Exchange

    func header(_ name: String) -> String? { HeaderFields.value(of: name, in: headers) }

    /// Stops the transfer of a body nobody will read (a redirect's).
    func abandon() { exchange.fail(CancellationError()) }
}

/// One request and its response on the transport's session: the delegate's callbacks, the caller waiting
/// for the head, the body (collected or streamed), and the timeouts. Whichever comes first ends it, once:
/// completion, a failure, a timeout or a cancellation resume the caller at once, without waiting for
/// URLSession to report the cancelled task (which on Linux can take seconds when the machine is busy).
final class Exchange: @unchecked Sendable {
    private enum State {
        case notStarted
        case waitingForHead(CheckedContinuation<ReceivedHead, any Error>)
        /// The head went to the caller; a streamed body is still arriving.
        case streamingBody
        case ended
    }

    private let lock = NSLock()
    private let streaming: Bool
    private let server: String
    private var state = State.notStarted
    private var earlyFailure: (any Error)?
    private var task: URLSessionDataTask?
    private var response: HTTPURLResponse?
    private var collected = Data()
    /// The streamed body until it goes to the caller with the head. The exchange keeps only the stream's
    /// continuation after that: when the caller drops the body (or stops iterating it and drops the
    /// response), the stream terminates and the transfer is cancelled.
    private var pendingBody: ResponseBody?
    private let body: AsyncThrowingStream<Data, any Error>.Continuation?
    private let clock: TimeoutClock
    private var watchdog: DispatchSourceTimer?
    /// Timeouts fire on a queue of their own: a task on the cooperative pool could wait behind CPU-bound work
    /// on all its threads, and a timeout must not.
    private static let timeoutQueue = DispatchQueue(label: "SpecwrightRuntime.URLSessionTransport.timeouts")

    init(request: HTTPRequest, streaming: Bool, deadline: ContinuousClock.Instant?) {
        self.streaming = streaming
        server = TransportFailure.server(of: request.url)
        clock = TimeoutClock(timeouts: request.timeouts, deadline: deadline, hasBody: !(request.body ?? Data()).isEmpty)
        guard streaming else {
            body = nil
            return
        }
        let (chunks, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        pendingBody = ResponseBody(chunks)
        body = continuation
        continuation.onTermination = { [weak self] termination in
            if case .cancelled = termination { self?.fail(CancellationError()) }
        }
    }

    /// Remembers the task and the caller and starts the clock; false (the caller resumed) when the exchange
    /// already ended, in which case the task must not start.
    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<ReceivedHead, any Error>) -> Bool {
        let failure: (any Error)? = lock.withLock {
            if let earlyFailure {
                state = .ended
                return earlyFailure
            }
            self.task = task
            state = .waitingForHead(continuation)
            watchdog = startWatchdog()
            return nil
        }
        if let failure {
            continuation.resume(throwing: failure)
            return false
        }
        return true
    }

    /// Ends the exchange with `error` (the first ending wins) and cancels the transfer.
    func fail(_ error: any Error) {
        let (waiting, wasStreaming, task): (CheckedContinuation<ReceivedHead, any Error>?, Bool, URLSessionDataTask?) = lock.withLock {
            let task = self.task
            watchdog?.cancel()
            switch state {
            case .notStarted:
                if earlyFailure == nil { earlyFailure = error }
                return (nil, false, nil)
            case .waitingForHead(let continuation):
                state = .ended
                return (continuation, false, task)
            case .streamingBody:
                state = .ended
                return (nil, true, task)
            case .ended:
                return (nil, false, nil)
            }
        }
        waiting?.resume(throwing: error)
        if wasStreaming { body?.finish(throwing: error) }
        task?.cancel()
    }

    // MARK: The delegate's callbacks (on the session's delegate queue)

    func didSendBody(totalSent: Int64, expected: Int64) {
        clock.sent(all: expected > 0 && totalSent >= expected)
    }

    func didReceive(_ response: HTTPURLResponse) {
        clock.headersArrived()
        let (waiting, stream): (CheckedContinuation<ReceivedHead, any Error>?, ResponseBody?) = lock.withLock {
            self.response = response
            guard streaming, case .waitingForHead(let continuation) = state else { return (nil, nil) }
            state = .streamingBody
            defer { pendingBody = nil }
            return (continuation, pendingBody)
        }
        waiting?.resume(returning: head(response, stream: stream))
    }

    func didReceive(_ data: Data) {
        clock.chunkArrived()
        if let body {
            body.yield(data)
        } else {
            lock.withLock { collected.append(data) }
        }
    }

    func didComplete(_ error: (any Error)?) {
        if let error {
            fail(failure(for: error))
            return
        }
        let (waiting, wasStreaming, response, stream): (CheckedContinuation<ReceivedHead, any Error>?, Bool, HTTPURLResponse?, ResponseBody?) = lock.withLock {
            watchdog?.cancel()
            switch state {
            case .waitingForHead(let continuation):
                state = .ended
                // swift-corelibs-foundation announces no 3xx it would have followed; when it does not follow
                // one (no usable Location), the task's response is the only place the redirect is.
                defer { pendingBody = nil }
                return (continuation, false, self.response ?? task?.response as? HTTPURLResponse, pendingBody)
            case .streamingBody:
                state = .ended
                return (nil, true, nil, nil)
            case .notStarted, .ended:
                return (nil, false, nil, nil)
            }
        }
        guard let waiting else {
            if wasStreaming { body?.finish() }
            return
        }
        guard let response else {
            body?.finish(throwing: TransportFailure(.badResponse, server: server))
            waiting.resume(throwing: TransportFailure(.badResponse, server: server))
            return
        }
        let completed = head(response, stream: stream)
        body?.finish()
        waiting.resume(returning: completed)
    }

    private func head(_ response: HTTPURLResponse, stream: ResponseBody?) -> ReceivedHead {
        ReceivedHead(
            statusCode: response.statusCode, headers: URLSessionTransport.headers(of: response),
            collected: stream == nil ? lock.withLock { collected } : Data(), stream: stream, exchange: self)
    }

    /// What URLSession reported, in the terms of `TransportFailure`.
    private func failure(for error: any Error) -> any Error {
        guard let urlError = error as? URLError else { return error }
        if urlError.code == .cancelled { return CancellationError() }
        let (step, limit) = clock.currentStep
        return TransportFailure.from(urlError, server: server, step: step, limit: limit)
    }

    /// A timer that fires at the clock's next limit and then fails the exchange, or sleeps again when a chunk
    /// moved the limit meanwhile; `nil` when nothing is bounded.
    private func startWatchdog() -> DispatchSourceTimer? {
        guard let (due, _, _) = clock.nextLimit else { return nil }
        let timer = DispatchSource.makeTimerSource(queue: Self.timeoutQueue)
        timer.setEventHandler { [weak self] in self?.check(timer) }
        timer.schedule(deadline: Self.dispatchTime(due))
        timer.resume()
        return timer
    }

    private func check(_ timer: DispatchSourceTimer) {
        guard let (due, step, limit) = clock.nextLimit else { return }
        if ContinuousClock.now >= due {
            timer.cancel()
            fail(TransportFailure(.timedOut(step), server: server, limit: limit))
        } else {
            timer.schedule(deadline: Self.dispatchTime(due))
        }
    }

    private static func dispatchTime(_ instant: ContinuousClock.Instant) -> DispatchTime {
        let left = instant - ContinuousClock.now
        let nanoseconds = max(left.components.seconds, 0) * 1_000_000_000 + max(left.components.attoseconds, 0) / 1_000_000_000
        return .now() + .nanoseconds(Int(min(nanoseconds, Int64(Int.max))))
    }
}

/// Where an exchange stands and when its current wait runs out. Every chunk sent or received restarts the
/// wait; the deadline, if any, stays.
final class TimeoutClock: @unchecked Sendable {
    private let lock = NSLock()
    private let connect: Duration?
    private let read: Duration?
    private let connectSeconds: TimeInterval
    private let readSeconds: TimeInterval
    private let deadline: ContinuousClock.Instant?
    private let totalSeconds: TimeInterval?
    private var step: TransportFailure.Step
    private var since = ContinuousClock.now

    init(timeouts: Timeouts, deadline: ContinuousClock.Instant?, hasBody: Bool) {
        connect = Timeouts.limit(timeouts.connect)
        read = Timeouts.limit(timeouts.read)
        connectSeconds = timeouts.connect
        readSeconds = timeouts.read
        self.deadline = deadline
        totalSeconds = timeouts.total
        // URLSession reports the connection only through the first body bytes it sends; without a body the
        // first sign is the response itself, so the wait is for the headers from the start.
        step = hasBody ? .connecting : .headers
    }

    func sent(all: Bool) {
        lock.withLock {
            if step == .connecting || step == .sendingBody { step = all ? .headers : .sendingBody }
            since = .now
        }
    }

    func headersArrived() {
        lock.withLock {
            step = .body
            since = .now
        }
    }

    func chunkArrived() {
        lock.withLock { since = .now }
    }

    /// The step waited for and its limit in seconds, for a timeout URLSession reported itself.
    var currentStep: (TransportFailure.Step, TimeInterval?) {
        lock.withLock { (step, step == .connecting ? connectSeconds : readSeconds) }
    }

    /// The earliest instant a limit runs out, with the step and the limit, or `nil` when nothing is bounded.
    var nextLimit: (ContinuousClock.Instant, TransportFailure.Step, TimeInterval?)? {
        lock.withLock {
            let idle = step == .connecting ? connect : read
            let idleDue = idle.map { since + $0 }
            switch (idleDue, deadline) {
            case (nil, nil): return nil
            case (let due?, nil): return (due, step, step == .connecting ? connectSeconds : readSeconds)
            case (nil, let deadline?): return (deadline, .deadline, totalSeconds)
            case (let due?, let deadline?):
                return due < deadline ? (due, step, step == .connecting ? connectSeconds : readSeconds) : (deadline, .deadline, totalSeconds)
            }
        }
    }
}

/// The session's delegate: passes each task's callbacks to its exchange, and never lets URLSession follow a
/// redirect (the transport follows it itself, without the credentials when it leaves the origin).
final class TaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]
    /// Who answers authentication challenges (the delegate of the session the transport was made from).
    private let challengeHandler: (any URLSessionDelegate)?

    init(challengeHandler: (any URLSessionDelegate)?) {
        self.challengeHandler = challengeHandler
    }

    /// Challenges go to the delegate of the session the transport was made from, as they would have: its
    /// task-level method when it has one, else its session-level one. Only the task-level method is
    /// implemented here, so that Darwin sends server-trust challenges (certificate pinning) to it as well.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        #if canImport(FoundationNetworking)
        // swift-corelibs-foundation gives both methods default implementations (default handling).
        if let handler = challengeHandler as? any URLSessionTaskDelegate {
            handler.urlSession(session, task: task, didReceive: challenge, completionHandler: completionHandler)
        } else if let handler = challengeHandler {
            handler.urlSession(session, didReceive: challenge, completionHandler: completionHandler)
        } else {
            completionHandler(.performDefaultHandling, nil)
        }
        #else
        if let handler = challengeHandler as? any URLSessionTaskDelegate,
           handler.responds(to: #selector(URLSessionTaskDelegate.urlSession(_:task:didReceive:completionHandler:))) {
            handler.urlSession?(session, task: task, didReceive: challenge, completionHandler: completionHandler)
        } else if let handler = challengeHandler,
                  handler.responds(to: #selector(URLSessionDelegate.urlSession(_:didReceive:completionHandler:))) {
            handler.urlSession?(session, didReceive: challenge, completionHandler: completionHandler)
        } else {
            completionHandler(.performDefaultHandling, nil)
        }
        #endif
    }

    func register(_ exchange: Exchange, for task: URLSessionTask) {
        lock.withLock { exchanges[task.taskIdentifier] = exchange }
    }

    func unregister(_ task: URLSessionTask) {
        _ = lock.withLock { exchanges.removeValue(forKey: task.taskIdentifier) }
    }

    private func exchange(_ task: URLSessionTask) -> Exchange? {
        lock.withLock { exchanges[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didSendBodyData bytesSent: Int64, totalBytesSent: Int64,
        totalBytesExpectedToSend: Int64
    ) {
        exchange(task)?.didSendBody(totalSent: totalBytesSent, expected: totalBytesExpectedToSend)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            exchange(dataTask)?.didComplete(URLError(.badServerResponse))
            completionHandler(.cancel)
            return
        }
        exchange(dataTask)?.didReceive(http)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(dataTask)?.didReceive(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange: Exchange? = lock.withLock { exchanges.removeValue(forKey: task.taskIdentifier) }
        exchange?.didComplete(error)
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSessionTransport {
    /// Sends the request through a session with the configuration of `session` and a delegate that passes
    /// each chunk on as it arrives (`URLSession.bytes(for:)` does not exist in swift-corelibs-foundation).
    ///
    /// The timeout bounds the wait for the status and headers. Stopping the iteration of the body, or
    /// cancelling the task that iterates it, cancels the transfer.
    public func stream(_ request: HTTPRequest) async throws -> StreamedResponse {
        let receiver = StreamReceiver()
        let streamingSession = URLSession(configuration: session.configuration, delegate: receiver, delegateQueue: nil)
        let task = streamingSession.dataTask(with: Self.urlRequest(request))
        streamingSession.finishTasksAndInvalidate()  // releases the delegate once the task ends
        receiver.onBodyTermination { task.cancel() }

        let timer: Task<Void, Never>? = Self.deadline(request.timeout).map { seconds in
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                if !Task.isCancelled {
                    receiver.fail(URLError(.timedOut))
                    task.cancel()
                }
            }
        }
        defer { timer?.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if receiver.start(continuation) { task.resume() }
            }
        } onCancel: {
            receiver.fail(CancellationError())
            task.cancel()
        }
    }
}

/// The delegate of one streamed exchange: resumes the caller when the headers arrive (or the exchange fails
/// first), then feeds the body's chunks to the `ResponseBody`.
private final class StreamReceiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private enum Head {
        case notStarted
        case waiting(CheckedContinuation<StreamedResponse, any Error>)
        case failedBeforeStart(any Error)
        case delivered
    }

    private let lock = NSLock()
    private let chunks: AsyncThrowingStream<Data, any Error>
    private let body: AsyncThrowingStream<Data, any Error>.Continuation
    private var head = Head.notStarted

    override init() {
        (chunks, body) = AsyncThrowingStream<Data, any Error>.makeStream()
        super.init()
    }

    func onBodyTermination(_ action: @escaping @Sendable () -> Void) {
        body.onTermination = { _ in action() }
    }

    /// Remembers the caller; false (the caller resumed with the failure) when the exchange already failed.
    func start(_ continuation: CheckedContinuation<StreamedResponse, any Error>) -> Bool {
        let failure: (any Error)? = lock.withLock {
            if case .failedBeforeStart(let error) = head {
                head = .delivered
                return error
            }
            head = .waiting(continuation)
            return nil
        }
        guard let failure else { return true }
        continuation.resume(throwing: failure)
        return false
    }

    /// Ends the exchange with `error`: the caller if it still waits for the headers, else the body.
    func fail(_ error: any Error) {
        if !deliverHead(.failure(error)) { body.finish(throwing: error) }
    }

    /// Resumes the caller with `result`; false when the headers were already delivered (or failed).
    private func deliverHead(_ result: Result<StreamedResponse, any Error>) -> Bool {
        let waiting: CheckedContinuation<StreamedResponse, any Error>? = lock.withLock {
            switch head {
            case .waiting(let continuation):
                head = .delivered
                return continuation
            case .notStarted:
                if case .failure(let error) = result { head = .failedBeforeStart(error) }
                return nil
            case .failedBeforeStart, .delivered:
                return nil
            }
        }
        guard let waiting else { return false }
        waiting.resume(with: result)
        return true
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            fail(URLError(.badServerResponse))
            completionHandler(.cancel)
            return
        }
        let streamed = StreamedResponse(
            statusCode: http.statusCode, headers: URLSessionTransport.headers(of: http), body: ResponseBody(chunks))
        _ = deliverHead(.success(streamed))
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        body.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            fail(error)
        } else {
            if deliverHead(.failure(URLError(.badServerResponse))) { return }
            body.finish()
        }
    }
}

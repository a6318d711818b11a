import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for tests of the HTTP runtime.
///
/// Each connection is served on its own thread: one request, one answer with `Content-Length` and
/// `Connection: close`. The accept loop polls in short slices and ends on `stop()` (or deinit); connection
/// sockets have receive and send timeouts, so a test cannot hang on the server.
public final class LoopbackServer: @unchecked Sendable {
    /// `http://127.0.0.1:<port>`.
    public let baseURL: URL
    /// The port the kernel chose.
    public let port: UInt16
    private let core: ServerCore

    /// Starts listening; `handler` answers every request (on the connection's thread).
    public init(handler: @escaping @Sendable (RecordedRequest) -> ScriptedResponse) throws {
        let listener = try Socket.listenOnLoopback()
        do {
            port = try Socket.localPort(of: listener)
        } catch {
            close(listener)
            throw error
        }
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
        core = ServerCore(listener: listener, handler: handler)
        let core = self.core
        let thread = Thread { core.acceptLoop() }
        thread.name = "LoopbackServer accept :\(port)"
        thread.start()
    }

    /// A server answering `responses` in order (the last one repeats).
    public convenience init(responses: [ScriptedResponse]) throws {
        try self.init(handler: ScriptedResponse.sequence(responses))
    }

    deinit { core.stop() }

    /// Every request received so far, in order of arrival.
    public var requests: [RecordedRequest] { core.recorded.current }

    /// Responses the server could not finish writing because the client had closed the connection.
    public var abandonedResponses: Int { core.abandoned.current }

    /// A URL on 127.0.0.1 where nothing listens: a server is started to reserve a port, then stopped.
    public static func closedPortURL() throws -> URL {
        let server = try LoopbackServer { _ in .json(200, "{}") }
        let url = server.baseURL
        server.stop()
        return url
    }

    /// Stops accepting, closes the listening socket and cuts pending delays short. Safe to call twice.
    public func stop() { core.stop() }
}

/// The part of the server its threads share.
final class ServerCore: @unchecked Sendable {
    let recorded = Locked<[RecordedRequest]>([])
    let abandoned = Locked(0)
    private let listener: Int32
    private let handler: @Sendable (RecordedRequest) -> ScriptedResponse
    private let stopped = Locked(false)
    private let acceptLoopEnded = DispatchSemaphore(value: 0)

    init(listener: Int32, handler: @escaping @Sendable (RecordedRequest) -> ScriptedResponse) {
        self.listener = listener
        self.handler = handler
    }

    var isStopped: Bool { stopped.current }

    func stop() {
        let wasStopped = stopped.withLock { value in
            defer { value = true }
            return value
        }
        guard !wasStopped else { return }
        _ = acceptLoopEnded.wait(timeout: .now() + 2)
    }

    func acceptLoop() {
        defer {
            close(listener)
            acceptLoopEnded.signal()
        }
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            if isStopped {
                close(connection)
                break
            }
            Socket.setTimeouts(connection, seconds: 5)
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = HTTPWire.readRequest(from: connection) else { return }
        recorded.withLock { $0.append(request) }
        let response = handler(request)
        if response.delay > 0 { waitUnlessStopped(response.delay) }
        if response.dropsConnection || isStopped { return }
        if !HTTPWire.write(response, to: connection) { abandoned.withLock { $0 += 1 } }
    }

    private func waitUnlessStopped(_ seconds: TimeInterval) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end, !isStopped { usleep(10_000) }
    }
}

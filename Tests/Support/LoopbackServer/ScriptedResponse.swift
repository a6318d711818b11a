import Foundation

/// What the loopback server answers to one request.
public struct ScriptedResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields; the server adds `Content-Length` and `Connection: close`.
    public var headers: [String: String]
    /// The body.
    public var body: Data
    /// Seconds to wait before answering (cut short by `stop()`), for timeout tests.
    public var delay: TimeInterval
    /// Close the connection without answering, for connection-failure tests.
    public var dropsConnection: Bool
    /// Where the body is cut into separate writes, and the pause after each piece (streaming tests).
    public var pieces: [Int] = []
    public var pause: TimeInterval = 0
    /// When set, the pieces after the first wait until the test opens the gate (or 30 s pass).
    public var gate: Gate?
    /// A `Content-Length` larger than the body: the connection closes before the body is complete.
    public var declaredLength: Int?

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), delay: TimeInterval = 0, dropsConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.dropsConnection = dropsConnection
    }

    /// A JSON response with body `text`.
    public static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> ScriptedResponse {
        var all = ["Content-Type": "application/json"]
        all.merge(headers) { _, new in new }
        return ScriptedResponse(status: status, headers: all, body: Data(text.utf8))
    }

    /// A plain-text response.
    public static func text(_ status: Int, _ text: String, headers: [String: String] = [:]) -> ScriptedResponse {
        var all = ["Content-Type": "text/plain"]
        all.merge(headers) { _, new in new }
        return ScriptedResponse(status: status, headers: all, body: Data(text.utf8))
    }

    /// Closes the connection without a response.
    public static let dropConnection = ScriptedResponse(status: 0, dropsConnection: true)

    /// The same response, its body written in pieces that end at the byte `offsets`, with `pause` seconds
    /// between writes (so that the client reads them separately).
    public func written(inPiecesEndingAt offsets: [Int], pause: TimeInterval = 0.05) -> ScriptedResponse {
        var copy = self
        copy.pieces = offsets
        copy.pause = pause
        return copy
    }

    /// The same response, the rest of its body held back after the first piece until `gate` opens.
    public func held(by gate: Gate) -> ScriptedResponse {
        var copy = self
        copy.gate = gate
        return copy
    }

    /// The same response, its `Content-Length` saying `length` bytes: the connection ends short of it.
    public func cut(declaring length: Int) -> ScriptedResponse {
        var copy = self
        copy.declaredLength = length
        return copy
    }

    /// The same response, answered after `seconds`.
    public func delayed(by seconds: TimeInterval) -> ScriptedResponse {
        var copy = self
        copy.delay = seconds
        return copy
    }

    /// A handler answering the responses in order, one per request; the last one repeats.
    public static func sequence(_ responses: [ScriptedResponse]) -> @Sendable (RecordedRequest) -> ScriptedResponse {
        precondition(!responses.isEmpty, "a sequence needs at least one response")
        let counter = Locked(0)
        return { _ in
            let index = counter.withLock { count in
                defer { count += 1 }
                return count
            }
            return responses[min(index, responses.count - 1)]
        }
    }
}

/// A value behind a lock.
/// A point a response waits at until the test lets it go on: streaming tests show that the client sees the
/// first piece while the server still holds the rest, whatever the load on the machine.
public final class Gate: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let outcome = Locked<Bool?>(nil)

    public init() {}

    /// Lets the waiting response go on.
    public func open() { semaphore.signal() }

    /// Waits for `open()` up to `seconds`; records whether it came.
    func wait(seconds: TimeInterval) {
        let opened = semaphore.wait(timeout: .now() + seconds) == .success
        outcome.withLock { $0 = opened }
    }

    /// Whether the gate was opened before the server gave up waiting (nil while nobody waited).
    public var wasOpened: Bool? { outcome.withLock { $0 } }
}

public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Wraps `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value.
    public var current: Value { withLock { $0 } }
}

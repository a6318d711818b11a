import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Errors setting up the listening socket.
public struct LoopbackServerError: Error, CustomStringConvertible {
    /// The call that failed.
    public var call: String
    /// `errno` after the failure.
    public var code: Int32

    /// The call and the system's message.
    public var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
}

/// Thin wrappers over the BSD socket calls the server needs.
enum Socket {
    /// A TCP socket listening on 127.0.0.1 with a port the kernel picks.
    static func listenOnLoopback(backlog: Int32 = 64) throws -> Int32 {
        let fd = try tcpSocket()
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        try call("bind", on: fd) { withLoopbackAddress(port: 0) { bind(fd, $0, $1) } }
        try call("listen", on: fd) { listen(fd, backlog) }
        return fd
    }

    /// A TCP socket connected to `port` on 127.0.0.1.
    static func connectToLoopback(port: UInt16) throws -> Int32 {
        let fd = try tcpSocket()
        try call("connect", on: fd) { withLoopbackAddress(port: port) { connect(fd, $0, $1) } }
        return fd
    }

    private static func tcpSocket() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError(call: "socket", code: errno) }
        return fd
    }

    /// Runs a socket call on `fd`; on failure closes `fd` and throws with the call's name and `errno`.
    private static func call(_ name: String, on fd: Int32, _ body: () -> Int32) throws {
        guard body() == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(call: name, code: code)
        }
    }

    /// `body` with the address 127.0.0.1:`port` and its length.
    private static func withLoopbackAddress(port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    /// The port `fd` is bound to (read with getsockname).
    static func localPort(of fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw LoopbackServerError(call: "getsockname", code: errno) }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Receive and send timeouts, so a silent peer cannot block a thread forever.
    static func setTimeouts(_ fd: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Small writes go out at once: streaming tests cut bodies into pieces on purpose.
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends all of `bytes` (without SIGPIPE); gives up on error, returning false (the peer went away).
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }
}

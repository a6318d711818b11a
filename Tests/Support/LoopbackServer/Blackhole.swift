import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A port on 127.0.0.1 where connections never complete, as behind a firewall that drops packets: it
/// listens with a backlog of 0, fills that backlog itself and never accepts, so the kernel drops every
/// further SYN and a client's connect hangs until its own timeout (for connect-timeout tests).
public final class Blackhole: @unchecked Sendable {
    /// `http://127.0.0.1:<port>`.
    public let baseURL: URL
    private let listener: Int32
    private let filler: Int32

    public init() throws {
        listener = try Socket.listenOnLoopback(backlog: 0)
        let port = try Socket.localPort(of: listener)
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
        filler = try Socket.connectToLoopback(port: port)
    }

    deinit {
        close(filler)
        close(listener)
    }
}

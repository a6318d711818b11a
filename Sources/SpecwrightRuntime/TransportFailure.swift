import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why no response arrived, in words a person can act on: what failed, where, and at which step.
///
/// `URLSessionTransport` throws it; `APIClient` keeps it on the `APIError` it throws (`transportFailure`) and
/// says it in the error's `description`.
public struct TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Reason: Sendable, Equatable {
        /// Nothing accepted the connection (the port is closed).
        case connectionRefused
        /// The host name did not resolve.
        case hostNotFound
        /// The connection broke, or was closed, before the response was complete.
        case connectionReset
        /// The TLS handshake failed (certificate, protocol).
        case tls
        /// A timeout of `Timeouts` ran out while waiting for `Step`.
        case timedOut(Step)
        /// More redirects than the limit.
        case tooManyRedirects(Int)
        /// The server closed the connection without a response, or answered with something that is not HTTP.
        case badResponse
        /// The machine is offline.
        case notConnected
        /// Anything else; the text says what the system reported.
        case other(String)
    }

    /// A step of an exchange, for timeouts.
    public enum Step: String, Sendable, Equatable {
        /// Reaching the server (`Timeouts.connect`).
        case connecting = "the connection"
        /// Sending the request body (`Timeouts.read` between chunks).
        case sendingBody = "the request body to be sent"
        /// The status and headers (`Timeouts.read`).
        case headers = "the response headers"
        /// The next chunk of the body (`Timeouts.read`).
        case body = "the response body"
        /// The deadline of the whole call (`Timeouts.total`).
        case deadline = "the end of the call (total deadline)"
    }

    /// What failed.
    public var reason: Reason
    /// The server, as `host:port`.
    public var server: String
    /// The limit that ran out, in seconds, for timeouts.
    public var limit: TimeInterval?
    /// The system's own words, when they add something (`Empty reply from server`, `transfer closed with 481
    /// bytes remaining to read`).
    public var detail: String?

    public init(_ reason: Reason, server: String, limit: TimeInterval? = nil, detail: String? = nil) {
        self.reason = reason
        self.server = server
        self.limit = limit
        self.detail = detail
    }

    /// `url`'s host and port (the scheme's default when the URL names none).
    public static func server(of url: URL) -> String {
        let host = url.host ?? "?"
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// Whether this is a timeout.
    public var isTimeout: Bool {
        if case .timedOut = reason { return true }
        return false
    }

    /// One sentence: `connection refused by 127.0.0.1:8080`, `timed out after 1 s waiting for the response body
    /// from api.openai.com:443`.
    public var description: String {
        sentence + (detail.map { " (\($0))" } ?? "")
    }

    private var sentence: String {
        switch reason {
        case .connectionRefused: "connection refused by \(server)"
        case .hostNotFound: "host not found: \(server)"
        case .connectionReset: "connection to \(server) was closed before the response was complete"
        case .tls: "TLS handshake with \(server) failed"
        case .timedOut(let step):
            "timed out" + (limit.map { " after \(Self.seconds($0))" } ?? "") + " waiting for \(step.rawValue) from \(server)"
        case .tooManyRedirects(let count): "more than \(count) redirects, the last from \(server)"
        case .badResponse: "no valid HTTP response from \(server)"
        case .notConnected: "no network connection (reaching \(server))"
        case .other(let text): "\(text) (\(server))"
        }
    }

    /// What URLSession reported, in these terms.
    static func from(_ error: URLError, server: String, step: Step, limit: TimeInterval?) -> TransportFailure {
        // swift-corelibs-foundation passes libcurl's message on (`Empty reply from server`); the generic
        // Foundation text (`The operation could not be completed`) adds nothing.
        let system = error.userInfo[NSLocalizedDescriptionKey] as? String
        switch error.code {
        case .cannotConnectToHost: return TransportFailure(.connectionRefused, server: server)
        case .cannotFindHost, .dnsLookupFailed: return TransportFailure(.hostNotFound, server: server)
        case .networkConnectionLost: return TransportFailure(.connectionReset, server: server, detail: system)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            return TransportFailure(.tls, server: server, detail: system)
        case .timedOut: return TransportFailure(.timedOut(step), server: server, limit: limit)
        case .badServerResponse, .cannotParseResponse: return TransportFailure(.badResponse, server: server, detail: system)
        case .notConnectedToInternet: return TransportFailure(.notConnected, server: server)
        case .httpTooManyRedirects: return TransportFailure(.tooManyRedirects(20), server: server)
        default:
            // libcurl's "transfer closed with N bytes remaining to read" (a body cut short) arrives as an
            // unknown error.
            if let system, system.hasPrefix("transfer closed") || system.contains("connection reset") || system.contains("Connection reset") {
                return TransportFailure(.connectionReset, server: server, detail: system)
            }
            return TransportFailure(.other(system ?? "URL error \(error.code.rawValue)"), server: server)
        }
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

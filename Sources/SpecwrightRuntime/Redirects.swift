import Foundation

/// How the runtime's transports follow redirects: as httpx (openai-python) and fetch (openai-node) do,
/// with the credentials kept to the origin they were meant for.
///
/// The transports never let URLSession follow a redirect itself (it would re-send every header, the API key
/// included, to whatever host the `Location` names); they ask `next(after:status:location:)` instead.
enum Redirects {
    /// The request that follows a `status` response with `location` to `request`, or `nil` when the response is
    /// not a redirect to follow (not 301/302/303/307/308, no or unusable `Location`, a scheme other than http(s)).
    ///
    /// - 303, and 301/302 after a POST, become a GET without a body (and without the body's headers); 307 and
    ///   308 repeat the method and the body.
    /// - To another origin (scheme, host or port), every header the request marks secret is left out
    ///   (`HTTPRequest.secretHeaderNames`: `Authorization` and the configuration's secret headers). The one
    ///   exception is httpx's: `http` to `https` on the same host with the default ports keeps them.
    static func next(after request: HTTPRequest, status: Int, location: String?) -> HTTPRequest? {
        guard [301, 302, 303, 307, 308].contains(status),
              let location = location?.trimmingCharacters(in: .whitespaces), !location.isEmpty,
              let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https",
              target.host != nil
        else { return nil }

        var next = request
        // swift-corelibs-foundation compares schemes with their case; `HTTPS://` must still be https.
        var components = URLComponents(url: target, resolvingAgainstBaseURL: false)
        components?.scheme = scheme
        next.url = components?.url ?? target
        let becomesGet = status == 303 && request.method != "HEAD" || (status == 301 || status == 302) && request.method == "POST"
        if becomesGet {
            next.method = "GET"
            next.body = nil
            for name in ["content-type", "content-length", "content-encoding", "transfer-encoding"] {
                HeaderFields.remove(name, from: &next.headers)
            }
        }
        if !keepsCredentials(from: request.url, to: target) {
            for name in request.secretHeaderNames { HeaderFields.remove(name, from: &next.headers) }
        }
        return next
    }

    /// Whether credentials may go from `source` to `target`: the same origin, or httpx's upgrade from http to
    /// https on the same host with both default ports.
    static func keepsCredentials(from source: URL, to target: URL) -> Bool {
        let from = Origin(source), to = Origin(target)
        if from == to { return true }
        return from.scheme == "http" && to.scheme == "https" && from.host == to.host && from.port == 80 && to.port == 443
    }

    /// Scheme, host and port, as browsers compare origins (host names without case; default ports filled in).
    struct Origin: Equatable {
        var scheme: String
        var host: String
        var port: Int

        init(_ url: URL) {
            scheme = url.scheme?.lowercased() ?? ""
            host = url.host?.lowercased() ?? ""
            port = url.port ?? (scheme == "https" ? 443 : 80)
        }
    }
}

import Foundation
import LoopbackServer
@testable import SpecwrightRuntime
import Testing

/// Redirects on loopback: two servers on two ports are two origins. The key and the configured secret
/// headers follow a redirect within the origin and never leave it; the method and body follow RFC 9110 as
/// httpx and fetch apply it. Every case runs through `send` and through a streamed body.
@Suite struct RedirectTests {
    enum Path: String, CaseIterable, CustomTestStringConvertible {
        case send, stream
        var testDescription: String { rawValue }
    }

    /// A server that answers `/start` with `status` pointing at `target` (a URL, or a path on itself), and
    /// everything else with a small JSON object.
    private func redirecting(_ status: Int, to target: @escaping @Sendable (URL) -> String) throws -> LoopbackServer {
        let own = Locked<URL?>(nil)
        let server = try LoopbackServer { request in
            if request.path == "/start" {
                return ScriptedResponse(status: status, headers: ["Location": target(own.current!)], body: Data("moved".utf8))
            }
            return .json(200, #"{"id":"landed","count":1}"#)
        }
        own.withLock { $0 = server.baseURL }
        return server
    }

    private func call(_ client: APIClient, _ method: String, body: Data?, path: Path) async throws -> Thing {
        let request = EndpointRequest(method: method, path: "/start", body: body)
        switch path {
        case .send:
            return try await client.send(request, as: Thing.self).value
        case .stream:
            let data = try await client.sendStreamed(request).body.collect()
            return try JSONCoding.makeDecoder().decode(Thing.self, from: data)
        }
    }

    private func client(_ baseURL: URL) -> APIClient {
        APIClient(configuration: ClientConfiguration(
            apiKey: secretKey, baseURL: baseURL,
            headers: ["OpenAI-Organization": "org-SECRET-42", "X-Trace": "trace-1"],
            secretHeaders: ["OpenAI-Organization"], timeouts: Timeouts(seconds: 10), retryPolicy: .none))
    }

    @Test(arguments: [301, 302, 307, 308], Path.allCases)
    func sameOriginRedirectsKeepTheCredentials(status: Int, path: Path) async throws {
        let server = try redirecting(status) { _ in "/landing?x=1" }
        defer { server.stop() }

        let thing = try await call(client(server.baseURL), "POST", body: Data(#"{"a":1}"#.utf8), path: path)

        #expect(thing.id == "landed")
        let requests = server.requests
        try #require(requests.count == 2)
        let landing = requests[1]
        #expect(landing.target == "/landing?x=1")
        #expect(landing.headers["authorization"] == "Bearer \(secretKey)")
        #expect(landing.headers["openai-organization"] == "org-SECRET-42")
        #expect(landing.headers["x-trace"] == "trace-1")
        expectMethodAndBody(landing, after: status)
    }

    @Test(arguments: [301, 302, 307, 308], Path.allCases)
    func crossOriginRedirectsDropTheCredentials(status: Int, path: Path) async throws {
        let other = try LoopbackServer { _ in .json(200, #"{"id":"landed","count":2}"#) }
        defer { other.stop() }
        let otherURL = other.baseURL.absoluteString
        let server = try redirecting(status) { _ in otherURL + "/landing" }
        defer { server.stop() }

        let thing = try await call(client(server.baseURL), "POST", body: Data(#"{"a":1}"#.utf8), path: path)

        #expect(thing.count == 2)
        #expect(server.requests.count == 1)
        let landing = try #require(other.requests.first)
        #expect(other.requests.count == 1)
        #expect(landing.path == "/landing")
        #expect(landing.headers["authorization"] == nil)
        #expect(landing.headers["openai-organization"] == nil)
        #expect(landing.headers["x-trace"] == "trace-1")
        #expect(!landing.headers.values.contains { $0.contains(secretKey) || $0.contains("org-SECRET-42") })
        expectMethodAndBody(landing, after: status)
    }

    /// 307 and 308 repeat the method and the body; 301 and 302 turn a POST into a GET without a body.
    private func expectMethodAndBody(_ landing: RecordedRequest, after status: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        if status == 307 || status == 308 {
            #expect(landing.method == "POST", sourceLocation: sourceLocation)
            #expect(landing.bodyText == #"{"a":1}"#, sourceLocation: sourceLocation)
            #expect(landing.headers["content-type"] == "application/json", sourceLocation: sourceLocation)
        } else {
            #expect(landing.method == "GET", sourceLocation: sourceLocation)
            #expect(landing.body.isEmpty, sourceLocation: sourceLocation)
            #expect(landing.headers["content-type"] == nil, sourceLocation: sourceLocation)
        }
    }

    @Test func aRedirectLoopEndsAfterTwentyAndIsNotRetried() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse(status: 302, headers: ["Location": "/start"]) }
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: fastRetries)

        let error = try #require(await apiError { try await client.send(EndpointRequest(method: "GET", path: "/start"), as: Thing.self) })

        #expect(error.transportFailure?.reason == .tooManyRedirects(20))
        #expect(server.requests.count == 21)
        #expect(error.description.contains("more than 20 redirects"), "\(error)")
    }

    @Test func aRedirectLimitOfZeroReturnsTheRedirect() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse(status: 307, headers: ["Location": "/elsewhere"]) }
        defer { server.stop() }
        var request = HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("start"))
        request.redirectLimit = 0

        let response = try await URLSessionTransport().send(request)

        #expect(response.statusCode == 307)
        #expect(response.header("location") == "/elsewhere")
        #expect(server.requests.count == 1)
    }

    /// A redirect status without a `Location` is not a redirect to follow: it comes back as what it is
    /// (swift-corelibs-foundation does not announce such a response, nor pass its body on; the transport finds
    /// the response on the task).
    @Test(arguments: Path.allCases)
    func aRedirectWithoutALocationIsReturnedAsItIs(path: Path) async throws {
        let server = try LoopbackServer { _ in ScriptedResponse(status: 302, body: Data("nowhere".utf8)) }
        defer { server.stop() }
        let request = HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("start"))

        let (status, body): (Int, Data)
        switch path {
        case .send:
            let response = try await URLSessionTransport().send(request)
            (status, body) = (response.statusCode, response.body)
        case .stream:
            let response = try await URLSessionTransport().stream(request)
            (status, body) = (response.statusCode, try await response.body.collect())
        }

        #expect(status == 302)
        #if canImport(FoundationNetworking)
        #expect(body.isEmpty)
        #else
        #expect(String(decoding: body, as: UTF8.self) == "nowhere")
        #endif
        #expect(server.requests.count == 1)
    }

    // MARK: The rule itself

    private func request(_ url: String, method: String = "POST") -> HTTPRequest {
        HTTPRequest(
            method: method, url: URL(string: url)!,
            headers: ["Authorization": "Bearer k", "Content-Type": "application/json", "OpenAI-Project": "p", "Accept": "application/json"],
            body: Data("{}".utf8), secretHeaderNames: HTTPRequest.standardSecretHeaderNames.union(["openai-project"]))
    }

    @Test func originsCompareSchemeHostAndPort() throws {
        let base = request("https://api.example.com/v1/x")
        let same = try #require(Redirects.next(after: base, status: 307, location: "https://API.example.com:443/v1/y"))
        #expect(same.header("authorization") == "Bearer k")
        #expect(same.header("openai-project") == "p")
        for other in ["https://api.example.com:8443/v1/y", "https://evil.example.com/v1/y", "http://api.example.com/v1/y"] {
            let next = try #require(Redirects.next(after: base, status: 307, location: other))
            #expect(next.header("authorization") == nil, "\(other)")
            #expect(next.header("openai-project") == nil, "\(other)")
            #expect(next.header("accept") == "application/json")
            #expect(next.method == "POST")
            #expect(next.body == Data("{}".utf8))
        }
        // httpx's one exception: http -> https on the same host and default ports keeps them.
        let upgraded = try #require(Redirects.next(after: request("http://api.example.com/v1/x"), status: 308, location: "https://api.example.com/v1/x"))
        #expect(upgraded.header("authorization") == "Bearer k")
    }

    @Test func methodsAndLocations() throws {
        let base = request("https://api.example.com/v1/x/y")
        let seeOther = try #require(Redirects.next(after: base, status: 303, location: "../z?q=1"))
        #expect(seeOther.method == "GET")
        #expect(seeOther.body == nil)
        #expect(seeOther.header("content-type") == nil)
        #expect(seeOther.url.absoluteString == "https://api.example.com/v1/z?q=1")
        let putMoved = try #require(Redirects.next(after: request("https://api.example.com/a", method: "PUT"), status: 301, location: "/b"))
        #expect(putMoved.method == "PUT")
        #expect(putMoved.body == Data("{}".utf8))
        #expect(Redirects.next(after: base, status: 304, location: "/b")?.url == nil)
        #expect(Redirects.next(after: base, status: 302, location: nil)?.url == nil)
        #expect(Redirects.next(after: base, status: 302, location: "  ")?.url == nil)
        #expect(Redirects.next(after: base, status: 302, location: "file:///etc/passwd")?.url == nil)
        #expect(Redirects.next(after: base, status: 302, location: "ftp://api.example.com/x")?.url == nil)
        #expect(Redirects.next(after: base, status: 307, location: "HTTPS://API.example.com/v2")?.url.absoluteString == "https://API.example.com/v2")
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SpecwrightRuntime
import Testing

/// What URLSession reports, said in words: each failure names what failed and the server.
@Suite struct TransportFailureTests {
    @Test(arguments: [
        (URLError.Code.cannotConnectToHost, "connection refused by api.example.com:443"),
        (.cannotFindHost, "host not found: api.example.com:443"),
        (.dnsLookupFailed, "host not found: api.example.com:443"),
        (.networkConnectionLost, "connection to api.example.com:443 was closed before the response was complete"),
        (.secureConnectionFailed, "TLS handshake with api.example.com:443 failed"),
        (.serverCertificateUntrusted, "TLS handshake with api.example.com:443 failed"),
        (.timedOut, "timed out after 2 s waiting for the response body from api.example.com:443"),
        (.notConnectedToInternet, "no network connection (reaching api.example.com:443)"),
        (.badServerResponse, "no valid HTTP response from api.example.com:443"),
    ])
    func urlErrorsReadAsSentences(code: URLError.Code, sentence: String) {
        let server = TransportFailure.server(of: URL(string: "https://api.example.com/v1/x")!)
        #expect(TransportFailure.from(URLError(code), server: server, step: .body, limit: 2).description == sentence)
    }

    @Test func serversNameTheirPort() {
        #expect(TransportFailure.server(of: URL(string: "http://127.0.0.1:8080/x")!) == "127.0.0.1:8080")
        #expect(TransportFailure.server(of: URL(string: "http://example.com/x")!) == "example.com:80")
        #expect(TransportFailure.server(of: URL(string: "https://[::1]:9/x")!) == "[::1]:9")
    }

    @Test func apiErrorsSayTheFailureAndTheAttempts() {
        let refused = TransportFailure(.connectionRefused, server: "127.0.0.1:9")
        let error = APIError(kind: .connection(refused.description), transportFailure: refused, attempts: 3)
        #expect(error.description == "Connection failed: connection refused by 127.0.0.1:9 (3 attempts)")
        let stalled = TransportFailure(.timedOut(.headers), server: "api.example.com:443", limit: 600)
        #expect(APIError(kind: .timeout, transportFailure: stalled).description
            == "The request timed out after 600 s waiting for the response headers from api.example.com:443")
    }

    @Test func redactionHidesEveryFormOfTheSecret() {
        let redactor = Redactor(["Bearer sk-live-123456", "org-abcdef", "ab"])
        #expect(redactor.text("key sk-live-123456, header Bearer sk-live-123456, org org-abcdef") == "key <redacted>, header <redacted>, org <redacted>")
        #expect(redactor.text("ab stays: too short to be a credential") == "ab stays: too short to be a credential")
        #expect(redactor.bytes(Data("xsk-live-123456sk-live-123456y".utf8)) == Data("x<redacted><redacted>y".utf8))
        #expect(redactor.json(["sk-live-123456": ["a", "org-abcdef!"], "n": 1]) == ["<redacted>": ["a", "<redacted>!"], "n": 1])
    }

    @Test func aSecretBehindJSONEscapesLeavesNoTraceInTheRawBody() throws {
        let redactor = Redactor(["Bearer sk-abc/def-123"])
        let raw = Data(#"{"error":{"message":"Incorrect API key provided: sk-abc\/def\u002d123"}}"#.utf8)
        let body = try JSONCoding.makeDecoder().decode(JSONValue.self, from: raw)
        let error = redactor.error(APIError(kind: .status(401), statusCode: 401, body: body, raw: HTTPResponse(statusCode: 401, body: raw)))
        let text = String(decoding: try #require(error.raw).body, as: UTF8.self)
        #expect(!text.contains("def"), "\(text)")
        #expect(error.message == "Incorrect API key provided: <redacted>")
        #expect(try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(text.utf8)) == error.body)
        // Bytes with nothing to hide stay exactly as received.
        let plain = Data(#"{ "error" : {"message":"no key here"} }"#.utf8)
        let untouched = redactor.error(APIError(kind: .status(400), body: ["error": ["message": "no key here"]], raw: HTTPResponse(statusCode: 400, body: plain)))
        #expect(untouched.raw?.body == plain)
    }

    @Test func cookiesAreHiddenOneByOne() {
        let redactor = Redactor(["theme=dark; session=SESSION-abcdef-1"])
        #expect(redactor.text("unknown session SESSION-abcdef-1") == "unknown session <redacted>")
    }

    @Test func aPasswordInTheBaseURLIsNeverPrinted() {
        let configuration = ClientConfiguration(apiKey: "k", baseURL: URL(string: "https://me:hunter2-secret@proxy.example.com/v1")!)
        let request = HTTPRequest(method: "GET", url: URL(string: "https://me:hunter2-secret@proxy.example.com/v1/x?limit=2")!)
        for text in [configuration.description, request.description, String(describing: Mirror(reflecting: configuration).children.map(\.value))] {
            #expect(!text.contains("hunter2-secret"), "\(text)")
            #expect(text.contains("proxy.example.com"), "\(text)")
        }
        #expect(request.description.contains("limit=2"))
    }
}

import ChatKit
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// The API key never shows up in anything printed: the client, its parts, errors.
@Suite struct SecretTests {
    private func dumped<T>(_ value: T) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    @Test func theClientNeverPrintsTheKey() throws {
        let client = Client(apiKey: apiKey, baseURL: URL(string: "http://127.0.0.1:9")!, headers: ["X-Secret-Header": "hidden-value"])
        let texts = [
            String(describing: client),
            String(reflecting: client),
            "\(client)",
            dumped(client),
            String(describing: client.core),
            String(reflecting: client.core),
            String(describing: client.core.configuration),
            String(reflecting: client.core.configuration),
            dumped(client.core.configuration),
            String(reflecting: client.chatkit),
            String(reflecting: client.chatkit.threads),
            dumped(client.chatkit.threads),
            String(reflecting: client.chatkit.threads.listAutoPaging()),
        ]
        for text in texts {
            #expect(!text.contains(apiKey), "\(text)")
            #expect(!text.contains("hidden-value"), "\(text)")
        }
        #expect(String(describing: client).contains("<redacted>"))
        #expect(String(describing: client).contains("127.0.0.1:9"))
    }

    @Test func errorsNeverPrintTheKeyEvenWhenTheServerEchoesIt() async throws {
        let server = try LoopbackServer { request in
            .json(401, #"{"error":{"message":"Incorrect API key provided: \#(request.headers["authorization"]?.dropFirst(7) ?? "")","type":"invalid_request_error","code":"invalid_api_key"}}"#,
                  headers: ["x-request-id": "req_401"])
        }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123") })

        #expect(error.kind == .status(401))
        // The server's message, with the key it echoed hidden: the error may be logged or sent anywhere.
        #expect(error.message == "Incorrect API key provided: <redacted>")
        for text in [error.description, String(reflecting: error), error.localizedDescription, "\(error)"] {
            #expect(!text.contains(apiKey), "\(text)")
            #expect(text.contains("<redacted>"), "\(text)")
        }
    }

    @Test func aDumpedErrorDoesNotRevealTheKey() async throws {
        let server = try LoopbackServer { _ in .json(404, #"{"error":{"message":"No thread found"}}"#) }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server).chatkit.threads.retrieve(threadID: "cthr_123") })

        #expect(!dumped(error).contains(apiKey), "\(dumped(error))")
        #expect(!String(describing: Mirror(reflecting: error).children.map(\.value)).contains(apiKey))
    }

    @Test func invalidArgumentAndDecodingErrorsDoNotPrintTheKey() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"id":"sk-test-secret"}"#) }
        defer { server.stop() }
        let threads = makeClient(server).chatkit.threads

        let invalid = try #require(await apiError { try await threads.retrieve(threadID: "") })
        let decoding = try #require(await apiError { try await threads.retrieve(threadID: "cthr_123", options: strict) })

        #expect(!invalid.description.contains(apiKey))
        #expect(!decoding.description.contains(apiKey))
    }

    /// A server that echoes every credential it was sent, in the message, elsewhere in the body, in a
    /// header and in a plain-text body: the error `APIClient` throws holds none of them anywhere.
    @Test(arguments: ["json", "text"])
    func noPartOfAnErrorHoldsAnEchoedCredential(bodyKind: String) async throws {
        let server = try LoopbackServer { request in
            let key = String(request.headers["authorization"]?.dropFirst("Bearer ".count) ?? "")
            let organization = request.headers["openai-organization"] ?? ""
            let echo = ["x-echo": "key=\(key) org=\(organization)", "x-request-id": "req_\(key)"]
            if bodyKind == "text" { return .text(502, "<html>bad gateway for \(key) / \(organization)</html>", headers: echo) }
            return .json(401, #"{"error":{"message":"Incorrect API key provided: \#(key)","param":"\#(organization)","\#(key)":["\#(key)"]}}"#, headers: echo)
        }
        defer { server.stop() }
        let organization = "org-Secret-Organization-77"
        let client = Client(
            apiKey: apiKey, baseURL: server.baseURL, headers: ["OpenAI-Organization": organization],
            secretHeaders: ["OpenAI-Organization"], timeouts: Timeouts(seconds: 10), retryPolicy: .none)

        let error = try #require(await apiError { try await client.chatkit.threads.retrieve(threadID: "cthr_123") })

        let raw = try #require(error.raw)
        let texts = [
            error.description, String(reflecting: error), error.localizedDescription, "\(error)", dumped(error),
            error.message ?? "", error.requestID ?? "", String(describing: error.body), String(describing: error.kind),
            String(decoding: raw.body, as: UTF8.self), String(describing: raw.headers), dumped(raw),
            String(describing: Mirror(reflecting: error).children.map(\.value)),
        ]
        for text in texts {
            #expect(!text.contains(apiKey), "\(text)")
            #expect(!text.contains(organization), "\(text)")
        }
        #expect(raw.header("x-echo") == "key=<redacted> org=<redacted>")
        if bodyKind == "text" {
            #expect(error.kind == .status(502))
            #expect(error.message == "<html>bad gateway for <redacted> / <redacted></html>")
            #expect(error.description.hasPrefix("HTTP 502: <html>bad gateway for <redacted>"), "\(error)")
        } else {
            #expect(error.message == "Incorrect API key provided: <redacted>")
            #expect(error.body?["error"]?["<redacted>"] == ["<redacted>"])
        }
    }
}

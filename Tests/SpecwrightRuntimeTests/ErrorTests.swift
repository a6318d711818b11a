import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

private struct StatusHolder: Decodable, Sendable {
    struct Inner: Decodable, Sendable { var type: Status }
    var id: String
    var status: Inner
}

private struct Holders: Decodable, Sendable { var data: [StatusHolder] }

@Suite struct ErrorTests {
    private func decodingError(_ body: String) async throws -> APIError {
        let server = try LoopbackServer { _ in .json(200, body, headers: ["x-request-id": "req_dec"]) }
        defer { server.stop() }
        return try #require(await apiError {
            try await makeClient(server.baseURL).send(EndpointRequest(method: "GET", path: "/list"), as: Holders.self)
        })
    }

    @Test func decodingErrorNamesTheJSONPath() async throws {
        let error = try await decodingError(#"{"data":[{"id":"a","status":{"type":"active"}},{"id":5,"status":{"type":"x"}}]}"#)
        guard case .decoding(let path, let message) = error.kind else {
            Issue.record("expected .decoding, got \(error.kind)")
            return
        }
        #expect(path == "$.data[1].id")
        #expect(message.contains("String"))
        #expect(error.requestID == "req_dec")
        #expect(error.statusCode == 200)
        #expect(error.description.contains("$.data[1].id"))
        #expect(error.description.contains("req_dec"))
    }

    @Test func missingKeyPathIncludesTheKey() async throws {
        let error = try await decodingError(#"{"data":[{"id":"a","status":{}}]}"#)
        #expect(error.kind == .decoding(path: "$.data[0].status.type", message: #"Missing required key "type"."#))
    }

    @Test func invalidJSONPointsAtTheRoot() async throws {
        let error = try await decodingError("not json")
        guard case .decoding(let path, _) = error.kind else {
            Issue.record("expected .decoding, got \(error.kind)")
            return
        }
        #expect(path == "$")
    }

    @Test func apiKeyNeverAppearsInPrintedValues() async throws {
        let server = try LoopbackServer { _ in
            .json(401, #"{"error":{"message":"Incorrect API key provided: \#(secretKey)."}}"#, headers: ["x-request-id": "req_401"])
        }
        defer { server.stop() }
        let client = makeClient(server.baseURL, headers: ["OpenAI-Organization": "org-1"], defaultHeaders: ["OpenAI-Beta": "v1"])
        let error = try #require(await apiError { try await client.send(EndpointRequest(method: "GET", path: "/x"), as: Thing.self) })
        let connectionError = try #require(await apiError {
            try await makeClient(try closedPortURL(), retryPolicy: .none).send(EndpointRequest(method: "GET", path: "/x"), as: Thing.self)
        })
        let httpRequest = try client.makeHTTPRequest(EndpointRequest(method: "GET", path: "/x"))
        var dumped = ""
        dump(client.configuration, to: &dumped)
        dump(client, to: &dumped)
        let printed = [
            String(describing: client.configuration), String(reflecting: client.configuration), "\(client.configuration)",
            String(describing: client), String(reflecting: client), dumped,
            String(describing: error), String(reflecting: error), error.localizedDescription,
            String(describing: connectionError), String(describing: httpRequest),
        ]
        for text in printed {
            #expect(!text.contains(secretKey), "leaked in: \(text)")
        }
        #expect(String(describing: client.configuration).contains("apiKey: <redacted>"))
        #expect(String(describing: client.configuration).contains("OpenAI-Organization"))
        #expect(error.description.contains("Incorrect API key provided: <redacted>."))
        #expect(error.description.contains("401"))
        #expect(httpRequest.header("authorization") == "Bearer \(secretKey)")
    }

    @Test func descriptionsOfEachKind() {
        #expect(APIError(kind: .timeout).description == "The request timed out.")
        #expect(APIError(kind: .connection("refused")).description == "Connection failed: refused")
        #expect(APIError(kind: .invalidArgument(name: "limit", reason: "must be at most 100, got 101")).description
            == "Invalid argument `limit`: must be at most 100, got 101")
        #expect(APIError(kind: .status(404), statusCode: 404, body: ["error": ["message": "No such thread"]], requestID: "req_1").description
            == "HTTP 404: No such thread [request ID: req_1]")
    }
}

import EmitterGoldenShapes
import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// The generated client of Tests/EmitterGoldens/Specs/media against a real HTTP server on loopback: every kind of
/// request body (multipart with files, form, plain text) and response (bytes, chunked bytes, text, events).
@Suite struct MediaBodyTests {
    func makeClient(_ server: LoopbackServer, retries: Int = 0) -> Client {
        Client(apiKey: "sk-test", baseURL: server.baseURL, timeout: 20,
               retryPolicy: RetryPolicy(maxRetries: retries, initialDelay: 0.001, maxDelay: 0.001))
    }

    @Test func multipartUploadSendsExactBytes() async throws {
        let server = try LoopbackServer(responses: [.json(200, #"{"id":"up_1","bytes":4}"#)])
        defer { server.stop() }
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let body = MediaUploadCreateRequest(
            file: MultipartFile(data: png, fileName: "otter.png", contentType: "image/png"),
            purpose: .batch, expiresAfter: .init(seconds: 3600), tags: ["a", "b"],
            additionalProperties: ["extra": .string("kept")])

        let response = try await makeClient(server).media.uploads.create(body: body)

        #expect(response.value == MediaUploadCreateResponse(id: "up_1", bytes: 4))
        let request = try #require(server.requests.first)
        let contentType = try #require(request.headers["content-type"])
        let prefix = "multipart/form-data; boundary="
        #expect(contentType.hasPrefix(prefix))
        let boundary = String(contentType.dropFirst(prefix.count))
        func text(_ name: String, _ value: String) -> Data {
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        // Document order; the file as a file part; the object as bracketed fields (members by name); the array
        // as `name[]`; the absent `name` left out; undocumented keys last.
        let expected = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"otter.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            + png + Data("\r\n".utf8)
            + text("purpose", "batch")
            + text("expires_after[anchor]", "created_at")
            + text("expires_after[seconds]", "3600")
            + text("tags[]", "a")
            + text("tags[]", "b")
            + text("extra", "kept")
            + Data("--\(boundary)--\r\n".utf8)
        #expect(request.body == expected)
        #expect(request.method == "POST")
        #expect(request.path == "/uploads")
    }

    @Test func oneImageIsSentUnderItsNameAndSeveralAsAnArray() async throws {
        let server = try LoopbackServer(responses: [.json(200, #"{"created":1}"#)])
        defer { server.stop() }
        let client = makeClient(server)
        let image = MultipartFile(data: Data("i".utf8), fileName: "a.png", contentType: "image/png")

        _ = try await client.media.uploads.edit(body: MediaUploadEditRequest(image: [image], prompt: "p", n: .null))
        _ = try await client.media.uploads.edit(body: MediaUploadEditRequest(image: [image, image], prompt: "p", n: .value(2)))

        let (one, two) = (String(decoding: server.requests[0].body, as: UTF8.self), String(decoding: server.requests[1].body, as: UTF8.self))
        #expect(one.contains("name=\"image\"; filename=\"a.png\""))
        #expect(!one.contains("image[]"))
        #expect(!one.contains("name=\"n\""))  // null is left out of a form
        #expect(two.components(separatedBy: "name=\"image[]\"; filename=\"a.png\"").count == 3)
        #expect(two.contains("name=\"n\"\r\n\r\n2\r\n"))
    }

    @Test func formBodyIsURLEncoded() async throws {
        let server = try LoopbackServer(responses: [.json(200, #"{"accepted":true}"#)])
        defer { server.stop() }

        let response = try await makeClient(server).media.forms(
            body: MediaFormsRequest(model: "gpt 5", input: "a&b=c", options: .init(verbose: true)))

        #expect(response.value.accepted)
        let request = try #require(server.requests.first)
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: request.body, as: UTF8.self) == "model=gpt%205&input=a%26b%3Dc&options%5Bverbose%5D=true")
    }

    @Test func plainTextBodyAndTextResponse() async throws {
        let answer = "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\n"
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 201, headers: ["Content-Type": "application/sdp", "x-request-id": "req_sdp"], body: Data(answer.utf8)),
        ])
        defer { server.stop() }
        let client = makeClient(server)

        // The plain-text alternative of the body has its own overload; the multipart one takes the struct.
        let response = try await client.media.sessions(sdp: "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n")
        _ = try await client.media.sessions(body: MediaSessionsRequest(sdp: "v=0", session: .init(model: "rt")))

        #expect(response.value == answer)
        #expect(response.requestID == "req_sdp")
        let text = try #require(server.requests.first)
        #expect(text.headers["content-type"] == "application/sdp")
        #expect(text.headers["accept"] == "application/sdp")
        #expect(text.body == Data("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n".utf8))
        let multipart = String(decoding: server.requests[1].body, as: UTF8.self)
        #expect(server.requests[1].headers["content-type"]?.hasPrefix("multipart/form-data; boundary=") == true)
        #expect(multipart.contains("name=\"sdp\"\r\n\r\nv=0\r\n"))
        #expect(multipart.contains("name=\"session[model]\"\r\n\r\nrt\r\n"))
    }

    @Test func binaryResponseIsData() async throws {
        let bytes = Data((0..<256).map { UInt8($0) })
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: bytes),
        ])
        defer { server.stop() }

        let response = try await makeClient(server).media.content(contentID: "c 1")

        #expect(response.value == bytes)
        #expect(server.requests.first?.path == "/contents/c%201")
        #expect(server.requests.first?.headers["accept"] == "application/octet-stream")
    }

    @Test func binaryResponseStreamsInChunks() async throws {
        let bytes = Data((0..<100_000).map { UInt8($0 % 251) })
        let server = try LoopbackServer(responses: [
            ScriptedResponse(status: 200, headers: ["Content-Type": "application/octet-stream", "x-request-id": "req_bin"], body: bytes)
                .written(inPiecesEndingAt: [1, 4096, 50_000]),
        ])
        defer { server.stop() }

        let response = try await makeClient(server).media.contentByteStream(contentID: "c1")
        var chunks = 0
        var received = Data()
        for try await chunk in response.body {
            chunks += 1
            received.append(chunk)
        }

        #expect(response.statusCode == 200)
        #expect(response.requestID == "req_bin")
        #expect(received == bytes)
        #expect(chunks >= 2)
    }

    @Test func byteStreamReportsAnErrorStatusWithItsBodyAfterRetrying() async throws {
        let server = try LoopbackServer(responses: [
            .json(500, #"{"error":{"message":"try again"}}"#),
            .json(404, #"{"error":{"message":"No such content"}}"#, headers: ["x-request-id": "req_404"]),
        ])
        defer { server.stop() }

        do {
            _ = try await makeClient(server, retries: 2).media.contentByteStream(contentID: "missing")
            Issue.record("expected an error")
        } catch let error as APIError {
            #expect(error.kind == .status(404))
            #expect(error.message == "No such content")
            #expect(error.requestID == "req_404")
        }
        #expect(server.requests.count == 2)
    }
}

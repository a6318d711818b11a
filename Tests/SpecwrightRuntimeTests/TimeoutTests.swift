import Foundation
import LoopbackServer
import SpecwrightRuntime
import Testing

/// Timeouts as the official SDKs mean them, on loopback: the read timeout restarts with every chunk, so a
/// body that keeps arriving is never cut off; headers that never come and a body that stalls are; a total
/// deadline bounds the whole call. Every wait here is bounded; margins are wide because the suite shares two
/// cores with CPU-heavy tests.
@Suite struct TimeoutTests {
    /// A 200 whose 13-piece body arrives over about 3 s, twice the 1.5 s read timeout the tests set (the
    /// margin between a pause and the timeout is wide: the suite runs compilers beside these tests).
    private func tricklingServer() throws -> LoopbackServer {
        let body = #"{"id":"trickled","count":7,"padding":"\#(String(repeating: "x", count: 120))"}"#
        let pieces = stride(from: 10, to: body.utf8.count, by: 10).prefix(12).map { $0 }
        return try LoopbackServer { _ in ScriptedResponse.json(200, body).written(inPiecesEndingAt: pieces, pause: 0.25) }
    }

    @Test func aBodyThatKeepsArrivingIsNeverCutOff() async throws {
        let server = try tricklingServer()
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: .none, timeout: 1.5)

        var thing: Thing?
        let seconds = try await elapsed {
            thing = try await client.send(EndpointRequest(method: "GET", path: "/trickle"), as: Thing.self).value
        }

        #expect(thing == Thing(id: "trickled", count: 7))
        #expect(seconds > 2.5)  // it did take longer than the read timeout
        #expect(server.requests.count == 1)
    }

    @Test func aStreamedBodyThatKeepsArrivingIsNeverCutOff() async throws {
        let server = try tricklingServer()
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: .none, timeout: 1.5)

        let response = try await client.sendStreamed(EndpointRequest(method: "GET", path: "/trickle"))
        var chunks = 0
        var data = Data()
        for try await chunk in response.body {
            chunks += 1
            data.append(chunk)
        }

        #expect(chunks > 3)
        #expect(try JSONCoding.makeDecoder().decode(Thing.self, from: data).id == "trickled")
    }

    @Test func headersThatNeverComeTimeOutAndSaySo() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, "{}").delayed(by: 30) }
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: .none, timeout: 0.5)

        var error: APIError?
        let seconds = await elapsed { error = await apiError { try await client.send(EndpointRequest(method: "GET", path: "/x"), as: Thing.self) } }

        let failure = try #require(error?.transportFailure)
        #expect(error?.kind == .timeout)
        #expect(failure.reason == .timedOut(.headers))
        #expect(failure.server == "127.0.0.1:\(server.port)")
        #expect(error?.description == "The request timed out after 0.5 s waiting for the response headers from 127.0.0.1:\(server.port)")
        #expect(seconds >= 0.45 && seconds < 15)
    }

    @Test func aBodyThatStallsTimesOutAndSaysSo() async throws {
        let gate = Gate()
        defer { gate.open() }  // lets the server's thread finish
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, #"{"id":"never-finished"}"#).written(inPiecesEndingAt: [5]).held(by: gate) }
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: fastRetries, timeout: 0.5)

        let error = try #require(await apiError { try await client.send(EndpointRequest(method: "GET", path: "/x"), as: Thing.self) })

        #expect(error.kind == .timeout)
        #expect(error.transportFailure?.reason == .timedOut(.body))
        #expect(error.attempts == 3)
        #expect(server.requests.count == 3)
        #expect(error.description.contains("waiting for the response body from 127.0.0.1:\(server.port) (3 attempts)"), "\(error)")
    }

    @Test func aStreamedBodyThatStallsEndsTheIteration() async throws {
        let gate = Gate()
        defer { gate.open() }
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, #"{"id":"never-finished"}"#).written(inPiecesEndingAt: [5]).held(by: gate) }
        defer { server.stop() }
        let response = try await makeClient(server.baseURL, retryPolicy: .none, timeout: 0.5).sendStreamed(EndpointRequest(method: "GET", path: "/x"))

        var received = Data()
        let error = await #expect(throws: APIError.self) {
            for try await chunk in response.body { received.append(chunk) }
        }
        #expect(error?.kind == .timeout)
        #expect(error?.transportFailure == TransportFailure(.timedOut(.body), server: "127.0.0.1:\(server.port)", limit: 0.5))
        #expect(String(decoding: received, as: UTF8.self) == #"{"id""#)
    }

    @Test func aTotalDeadlineBoundsTheWholeCall() async throws {
        let server = try tricklingServer()
        defer { server.stop() }
        let client = makeClient(server.baseURL, retryPolicy: fastRetries)

        var error: APIError?
        let seconds = await elapsed {
            error = await apiError {
                try await client.send(
                    EndpointRequest(method: "GET", path: "/trickle"),
                    options: RequestOptions(timeouts: Timeouts(read: 5, total: 0.8)), as: Thing.self)
            }
        }

        #expect(error?.kind == .timeout)
        #expect(error?.transportFailure?.reason == .timedOut(.deadline))
        #expect(seconds >= 0.75 && seconds < 10)
        // No retry starts once the deadline has passed.
        #expect(server.requests.count == 1)
        #expect(error?.description.contains("waiting for the end of the call (total deadline)") == true, "\(String(describing: error))")
    }

    @Test func aTotalDeadlineCutsAStreamedBody() async throws {
        let server = try tricklingServer()
        defer { server.stop() }
        let response = try await makeClient(server.baseURL, retryPolicy: .none)
            .sendStreamed(EndpointRequest(method: "GET", path: "/trickle"), options: RequestOptions(timeouts: Timeouts(read: 5, total: 0.8)))

        let error = await #expect(throws: APIError.self) {
            for try await _ in response.body {}
        }
        #expect(error?.transportFailure?.reason == .timedOut(.deadline))
    }

    @Test func aServerThatCannotBeReachedTimesOutOnTheConnectTimeout() async throws {
        let blackhole = try Blackhole()
        let client = makeClient(blackhole.baseURL, retryPolicy: fastRetries)
        let options = RequestOptions(timeouts: Timeouts(connect: 0.4, read: 30))

        var error: APIError?
        let seconds = await elapsed {
            error = await apiError { try await client.send(EndpointRequest(method: "POST", path: "/x", body: Data("{}".utf8)), options: options, as: Thing.self) }
        }

        #expect(error?.kind == .timeout)
        #expect(error?.transportFailure?.reason == .timedOut(.connecting))
        #expect(error?.attempts == 3)
        #expect(seconds >= 1.1 && seconds < 15)  // three attempts of 0.4 s, not of the 30 s read timeout
        #expect(error?.description.hasPrefix("The request timed out after 0.4 s waiting for the connection from 127.0.0.1:") == true, "\(String(describing: error))")
    }

    /// URLSession reports nothing between starting a request without a body and its response, so there the
    /// wait for the connection is bounded by the read timeout (as `Timeouts.connect` says).
    @Test func withoutABodyTheWaitForTheConnectionIsBoundedByTheReadTimeout() async throws {
        let blackhole = try Blackhole()
        let client = makeClient(blackhole.baseURL, retryPolicy: .none)

        let error = await apiError {
            try await client.send(EndpointRequest(method: "GET", path: "/x"), options: RequestOptions(timeouts: Timeouts(connect: 0.1, read: 0.6)), as: Thing.self)
        }

        #expect(error?.transportFailure?.reason == .timedOut(.headers))
        #expect(error?.transportFailure?.limit == 0.6)
    }

    @Test func timeoutsComeFromTheCallTheClientOrOneNumber() throws {
        let client = makeClient(URL(string: "http://127.0.0.1:1")!, timeout: 42)
        let request = EndpointRequest(method: "GET", path: "/x")
        #expect(try client.makeHTTPRequest(request).timeouts == Timeouts(connect: 5, read: 42))
        #expect(try client.makeHTTPRequest(request, options: RequestOptions(timeout: 2)).timeouts == Timeouts(connect: 2, read: 2))
        let both = RequestOptions(timeout: 2, timeouts: Timeouts(connect: 1, read: 3, total: 9))
        #expect(try client.makeHTTPRequest(request, options: both).timeouts == Timeouts(connect: 1, read: 3, total: 9))
        #expect(ClientConfiguration(apiKey: "k", baseURL: URL(string: "http://x")!).timeouts == Timeouts(connect: 5, read: 600, total: nil))
    }
}

/// Connections that end early, on loopback: what failed reads as a sentence with the system's own words.
@Suite struct BrokenConnectionTests {
    @Test func aConnectionClosedWithoutAResponseSaysSo() async throws {
        let server = try LoopbackServer(responses: [.dropConnection])
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server.baseURL).send(EndpointRequest(method: "GET", path: "/x"), as: Thing.self) })

        #expect(error.transportFailure?.reason == .badResponse)
        #expect(error.attempts == 3)  // a connection failure is retried
        #expect(error.description == "Connection failed: no valid HTTP response from 127.0.0.1:\(server.port) (Empty reply from server) (3 attempts)")
    }

    @Test func aBodyCutShortSaysSo() async throws {
        let server = try LoopbackServer { _ in ScriptedResponse.json(200, #"{"id":"abcdefghij"}"#).cut(declaring: 500) }
        defer { server.stop() }

        let error = try #require(await apiError { try await makeClient(server.baseURL, retryPolicy: .none).send(EndpointRequest(method: "GET", path: "/x"), as: Thing.self) })

        #expect(error.transportFailure?.reason == .connectionReset)
        #expect(error.description == "Connection failed: connection to 127.0.0.1:\(server.port) was closed before the response was complete (transfer closed with 481 bytes remaining to read)")
    }
}

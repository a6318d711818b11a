import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading an HTTP/1.1 request from a socket and writing a response to it.
enum HTTPWire {
    private static let maxHeaderBytes = 1 << 20
    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)

    /// The request on `fd`, or `nil` when it is malformed or the peer goes quiet.
    static func readRequest(from fd: Int32) -> RecordedRequest? {
        var buffer: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil {
            guard buffer.count < maxHeaderBytes, receive(fd, into: &buffer) else { return nil }
            headEnd = find(headerEnd, in: buffer)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Array(buffer[(headEnd + headerEnd.count)...])
        while body.count < length {
            guard receive(fd, into: &body) else { return nil }
        }
        return RecordedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: Data(body.prefix(length)))
    }

    /// Writes `response` with `Content-Length` and `Connection: close`; false when the client went away first.
    @discardableResult
    static func write(_ response: ScriptedResponse, to fd: Int32) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key })
        where !["content-length", "connection"].contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.declaredLength ?? response.body.count)\r\nConnection: close\r\n\r\n"
        guard !response.pieces.isEmpty else {
            let sent = Socket.sendAll(fd, Array(head.utf8) + Array(response.body))
            shutdown(fd, Int32(SHUT_WR))
            return sent
        }
        guard Socket.sendAll(fd, Array(head.utf8)) else { return false }
        let body = Array(response.body)
        var start = 0
        for end in response.pieces.map({ min($0, body.count) }) + [body.count] where end > start {
            if start > 0 {
                Thread.sleep(forTimeInterval: response.pause)
                response.gate?.wait(seconds: 30)
            }
            guard Socket.sendAll(fd, Array(body[start..<end])) else { return false }
            start = end
        }
        shutdown(fd, Int32(SHUT_WR))
        return true
    }

    /// Appends what `fd` has to offer; `false` on end of stream, error or timeout.
    private static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

import Foundation

/// Hides credentials in what the runtime keeps of a failed exchange.
///
/// A server may echo the key it was sent (`Incorrect API key provided: sk-...`), and an error is printed,
/// logged, dumped and sent to crash reporters. So every error `APIClient` throws has the API key and the
/// values of the secret headers replaced by `<redacted>` in everything it holds: the message, the JSON body
/// (strings and member names), the raw response's body and headers, and transport texts. It is done once,
/// where the error is made, so that no property, description or mirror can show the original.
struct Redactor: Sendable {
    static let mask = "<redacted>"
    /// Shorter values are not searched for: masking every `1` would make errors unreadable, and a value that
    /// short is no credential.
    static let minimumLength = 4

    /// The secrets, longest first (so a key inside `Bearer <key>` goes as a whole).
    private let secrets: [String]

    init(_ values: [String]) {
        var secrets = Set<String>()
        for value in values {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            secrets.insert(trimmed)
            // `Authorization: Bearer <key>` or `Basic <token>`: the token alone is what a server would echo.
            if let space = trimmed.firstIndex(of: " ") {
                secrets.insert(String(trimmed[trimmed.index(after: space)...]).trimmingCharacters(in: .whitespaces))
            }
            // `Cookie: a=1; session=...`: each cookie's value on its own.
            for pair in trimmed.split(separator: ";") {
                if let equals = pair.firstIndex(of: "=") {
                    secrets.insert(String(pair[pair.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
                }
            }
        }
        self.secrets = secrets.filter { $0.utf8.count >= Self.minimumLength }.sorted { $0.utf8.count > $1.utf8.count || $0.utf8.count == $1.utf8.count && $0 < $1 }
    }

    var isEmpty: Bool { secrets.isEmpty }

    func text(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: Self.mask)
        }
        return text
    }

    func json(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let string): .string(text(string))
        case .array(let items): .array(items.map(json))
        case .object(let members): .object(Dictionary(members.map { (text($0.key), json($0.value)) }, uniquingKeysWith: { first, _ in first }))
        case .null, .bool, .integer, .number: value
        }
    }

    /// `data` with every secret's UTF-8 bytes replaced.
    func bytes(_ data: Data) -> Data {
        var data = data
        let mask = Data(Self.mask.utf8)
        for secret in secrets {
            let needle = Data(secret.utf8)
            var searchStart = data.startIndex
            while let found = data.range(of: needle, in: searchStart..<data.endIndex) {
                data.replaceSubrange(found, with: mask)
                searchStart = found.lowerBound + mask.count
            }
        }
        return data
    }

    /// `response` with its headers and body redacted. A JSON body in which a secret hides behind escapes
    /// (`\/`, `\u002d`), which the bytes alone would not show, is replaced by the redacted JSON.
    func response(_ response: HTTPResponse, json: JSONValue?) -> HTTPResponse {
        var body = bytes(response.body)
        if let json, case let redacted = self.json(json), redacted != json,
           let parsed = try? JSONCoding.makeDecoder().decode(JSONValue.self, from: body), parsed != redacted,
           let encoded = try? JSONCoding.encode(redacted) {
            body = encoded
        }
        return HTTPResponse(
            statusCode: response.statusCode,
            headers: Dictionary(response.headers.map { (text($0.key), text($0.value)) }, uniquingKeysWith: { first, _ in first }),
            body: body)
    }

    func failure(_ failure: TransportFailure) -> TransportFailure {
        var failure = failure
        failure.server = text(failure.server)
        failure.detail = failure.detail.map(text)
        if case .other(let message) = failure.reason { failure.reason = .other(text(message)) }
        return failure
    }

    /// `error` with every secret hidden in everything it holds.
    func error(_ error: APIError) -> APIError {
        guard !isEmpty else { return error }
        var error = error
        switch error.kind {
        case .decoding(let path, let message): error.kind = .decoding(path: text(path), message: text(message))
        case .connection(let reason): error.kind = .connection(text(reason))
        case .invalidArgument(let name, let reason): error.kind = .invalidArgument(name: name, reason: text(reason))
        case .status, .timeout: break
        }
        error.raw = error.raw.map { response($0, json: error.body) }
        error.body = error.body.map(json)
        error.requestID = error.requestID.map(text)
        error.transportFailure = error.transportFailure.map(failure)
        return error
    }
}

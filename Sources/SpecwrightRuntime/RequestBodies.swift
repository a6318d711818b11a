import Foundation

/// A file sent as one part of a `multipart/form-data` body: its bytes, the name the server is told, and its
/// media type.
public struct MultipartFile: Sendable, Hashable {
    public var data: Data
    public var fileName: String
    public var contentType: String

    public init(data: Data, fileName: String, contentType: String = "application/octet-stream") {
        self.data = data
        self.fileName = fileName
        self.contentType = contentType
    }
}

/// A `multipart/form-data` body (RFC 7578): files as file parts, every other field as a text part, in the order
/// they are added; `nil` values are left out, as optional fields are.
public struct MultipartFormData: Sendable {
    /// The boundary between parts; it must not occur in any part.
    public let boundary: String
    private var body = Data()

    /// A body with `boundary`, or a random one (`specwright-` and 32 hex digits), which no realistic part holds.
    public init(boundary: String? = nil) {
        self.boundary = boundary ?? "specwright-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The request's `Content-Type`, boundary included.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a text field unless it is `nil`.
    public mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        open("Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n")
        body.append(Data(value.utf8))
        body.append(Data("\r\n".utf8))
    }

    public mutating func add(_ name: String, _ value: Int?) { add(name, value.map { String($0) }) }

    public mutating func add(_ name: String, _ value: Double?) {
        guard let value else { return }
        add(name, Int(exactly: value).map { String($0) } ?? String(value))
    }

    public mutating func add(_ name: String, _ value: Bool?) { add(name, value.map { $0 ? "true" : "false" }) }

    public mutating func add<E: OpenEnum>(_ name: String, _ value: E?) { add(name, value?.rawValue) }

    /// Adds one part per element, under the same name (array fields such as `include[]`).
    public mutating func add(_ name: String, _ values: [String]?) {
        for value in values ?? [] { add(name, value) }
    }

    /// Adds a structured field as JSON text (objects and unions of form bodies).
    public mutating func add<T: Encodable>(_ name: String, json value: T?) throws {
        guard let value else { return }
        add(name, String(decoding: try JSONCoding.encode(value), as: UTF8.self))
    }

    /// Adds a file part unless it is `nil`.
    public mutating func add(_ name: String, file: MultipartFile?) {
        guard let file else { return }
        open("Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(file.fileName))\"\r\n"
            + "Content-Type: \(file.contentType)\r\n\r\n")
        body.append(file.data)
        body.append(Data("\r\n".utf8))
    }

    /// The encoded body: every part, then the closing boundary.
    public func encoded() -> Data {
        var data = body
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    private mutating func open(_ headers: String) {
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(Data(headers.utf8))
    }

    /// A name or file name inside a quoted header parameter: quotes and line breaks percent-encoded, as
    /// browsers do (RFC 7578 section 4.2), so a name cannot end the header early.
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}

/// An `application/x-www-form-urlencoded` body: the same pairs and encoding as a query.
public enum FormURLEncoding {
    public static let contentType = "application/x-www-form-urlencoded"

    /// `name=value&...`, every byte but RFC 3986's unreserved characters percent-encoded.
    public static func body(_ fields: QueryBuilder) -> Data {
        Data(PercentEncoding.query(fields.items).utf8)
    }
}

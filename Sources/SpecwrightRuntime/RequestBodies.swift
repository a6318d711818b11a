import Foundation

/// A file sent as one part of a `multipart/form-data` body: its bytes, the name the server is told, and its
/// media type.
///
/// It is `Codable` (as `{"file_name", "content_type", "data"}` with the bytes in base64) only so that request
/// types holding files keep the conformances of every generated type; multipart bodies send it as a file part.
public struct MultipartFile: Codable, Sendable, Hashable {
    public var data: Data
    public var fileName: String
    public var contentType: String

    public init(data: Data, fileName: String, contentType: String = "application/octet-stream") {
        self.data = data
        self.fileName = fileName
        self.contentType = contentType
    }

    /// The file at `url`, named after its last path component, its media type guessed from the extension.
    public init(contentsOf url: URL, contentType: String? = nil) throws {
        self.init(data: try Data(contentsOf: url), fileName: url.lastPathComponent,
                  contentType: contentType ?? Self.mediaType(forExtension: url.pathExtension))
    }

    private enum CodingKeys: String, CodingKey {
        case data, fileName = "file_name", contentType = "content_type"
    }

    /// Media types of the files the OpenAI API takes; anything else is `application/octet-stream`.
    static func mediaType(forExtension pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "gif": "image/gif"
        case "mp3", "mpga", "mpeg": "audio/mpeg"
        case "wav": "audio/wav"
        case "m4a": "audio/mp4"
        case "mp4": "video/mp4"
        case "ogg": "audio/ogg"
        case "flac": "audio/flac"
        case "webm": "audio/webm"
        case "json": "application/json"
        case "jsonl": "application/jsonl"
        case "pdf": "application/pdf"
        case "txt": "text/plain"
        case "sdp": "application/sdp"
        default: "application/octet-stream"
        }
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

    /// Adds files under one name: one file as `name`, several as `name[]` (as OpenAI's SDKs do).
    public mutating func add(_ name: String, files: [MultipartFile]?) {
        guard let files else { return }
        for file in files { add(files.count == 1 ? name : name + "[]", file: file) }
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

/// Structured values as flat form fields, the convention of OpenAI's SDKs for multipart and form bodies:
/// `{"expires_after": {"anchor": "created_at"}}` is `expires_after[anchor]=created_at`, an array is one
/// `name[]` field per element, `true`/`false` and numbers are text, `null` is left out. Members of an object
/// come in the order of their names, so bodies are byte-for-byte stable.
public enum FormFields {
    public static func pairs<T: Encodable>(_ name: String, encoding value: T) throws -> [(String, String)] {
        let json = try JSONCoding.makeDecoder().decode(JSONValue.self, from: JSONCoding.encode(value))
        return pairs(name, json)
    }

    public static func pairs(_ name: String, _ value: JSONValue) -> [(String, String)] {
        switch value {
        case .null: []
        case .bool(let flag): [(name, flag ? "true" : "false")]
        case .integer(let number): [(name, String(number))]
        case .number(let number): [(name, Int(exactly: number).map { String($0) } ?? String(number))]
        case .string(let text): [(name, text)]
        case .array(let elements): elements.flatMap { pairs(name + "[]", $0) }
        case .object(let members):
            members.sorted { $0.key < $1.key }.flatMap { pairs("\(name)[\($0.key)]", $0.value) }
        }
    }
}

/// A body built from text fields: multipart parts or form pairs. Structured values and undocumented keys are
/// added through `FormFields`, the same way for both.
public protocol FormFieldBody {
    /// Adds a text field unless it is `nil`.
    mutating func add(_ name: String, _ value: String?)
}

extension FormFieldBody {
    /// Adds any field the way OpenAI's SDKs send form fields (see `FormFields`): an object member as
    /// `name[key]`, array elements as `name[]`, scalars as text, `null` and `nil` left out.
    public mutating func add<T: Encodable>(_ name: String, value: T?) throws {
        guard let value else { return }
        for (field, text) in try FormFields.pairs(name, encoding: value) { add(field, text) }
    }

    /// Adds keys the docs do not list, in the order of their names.
    public mutating func add(undocumented fields: [String: JSONValue]) {
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            for (field, text) in FormFields.pairs(name, value) { add(field, text) }
        }
    }
}

extension MultipartFormData: FormFieldBody {}

/// Form bodies (`application/x-www-form-urlencoded`) are built as a query.
extension QueryBuilder: FormFieldBody {}

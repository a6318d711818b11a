/// A code block from the docs: a JSON example or a request in some language.
public struct Example: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        /// `Example:` under a response's schema in `## Responses`.
        case responseSchema = "response-schema"
        /// `#### Response` under `## Examples`.
        case response
        /// The JSON of an object page (`## Example`).
        case object
        /// `#### Request (curl|python|...)` under `## Examples`.
        case request
    }

    public var role: Role
    /// The `### name` of the example under `## Examples` (`Retrieve a thread by ID`).
    public var name: String?
    /// The code block's language (`json`, `bash`, `python`, ...).
    public var language: String
    /// For response-schema examples: the status and media type the example illustrates.
    public var status: String?
    public var mediaType: String?
    /// The code exactly as written.
    public var code: String
    /// The line of the opening fence. Line `n` of `code` is line `location.line + n` of the file.
    public var location: SourceLocation

    public init(role: Role, name: String?, language: String, code: String, location: SourceLocation) {
        self.role = role
        self.name = name
        self.language = language
        self.status = nil
        self.mediaType = nil
        self.code = code
        self.location = location
    }
}

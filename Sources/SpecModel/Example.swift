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
    /// The line of the opening fence (of an indented block: its first line).
    public var location: SourceLocation
    /// The file's line of the first line of `code`: line `n` of `code` is line `codeLine + n - 1`. The line
    /// after the fence, or `location.line` itself for an indented code block.
    public var codeLine: Int

    public init(role: Role, name: String?, language: String, code: String, location: SourceLocation) {
        self.role = role
        self.name = name
        self.language = language
        self.status = nil
        self.mediaType = nil
        self.code = code
        self.location = location
        self.codeLine = location.line + 1
    }
}

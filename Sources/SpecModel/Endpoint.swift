/// One operation of the API: an endpoint page.
public struct Endpoint: Sendable, Hashable {
    /// Identity from the file path: `chatkit/threads/retrieve.md` -> `chatkit.threads.retrieve`.
    public var id: String
    /// The page's `# Title`.
    public var title: String
    /// Upper-case HTTP method (`GET`).
    public var method: String
    /// The path as the docs write it, template parameters included: `/v1/chatkit/threads/{thread_id}`.
    public var path: String
    /// The names of the `{parameters}` in `path`, in order.
    public var pathTemplateParameters: [String]
    /// Markdown text between the method line and the first section.
    public var description: String?
    /// The docs' own URL (`Source:` line).
    public var documentationURL: String?
    public var parameters: [Parameter]
    public var requestBodies: [RequestBody]
    public var responses: [Response]
    /// Headers the curl examples send besides `Authorization` and `Content-Type`, in first-seen order.
    public var headers: [Header]
    /// The server the curl examples call, without the endpoint's path (`https://api.openai.com`).
    public var baseURL: String?
    public var returns: Returns?
    public var examples: [Example]
    /// The `# Title` line.
    public var location: SourceLocation

    public init(id: String, title: String, method: String, path: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.method = method
        self.path = path
        self.pathTemplateParameters = []
        self.description = nil
        self.documentationURL = nil
        self.parameters = []
        self.requestBodies = []
        self.responses = []
        self.headers = []
        self.baseURL = nil
        self.returns = nil
        self.examples = []
        self.location = location
    }
}

/// A path, query or header parameter.
public struct Parameter: Sendable, Hashable {
    public enum Location: String, Sendable, Hashable, CaseIterable {
        case path, query, header, cookie
    }

    public var name: String
    public var location: Location
    public var required: Bool
    public var schema: Schema
    /// The same text as `schema.description`, kept here because the IR lists it per parameter.
    public var description: String?
    public var source: SourceLocation
    /// `required` differs from what the docs write, and why (an overlay's entry; see `Correction`).
    public var corrections: [Correction] = []

    public init(name: String, location: Location, required: Bool, schema: Schema, source: SourceLocation) {
        self.name = name
        self.location = location
        self.required = required
        self.schema = schema
        self.description = schema.description
        self.source = source
    }
}

/// The body of a request in one media type (`application/json`, `multipart/form-data`, ...).
public struct RequestBody: Sendable, Hashable {
    public var mediaType: String
    public var schema: Schema
    public var location: SourceLocation

    public init(mediaType: String, schema: Schema, location: SourceLocation) {
        self.mediaType = mediaType
        self.schema = schema
        self.location = location
    }
}

/// One response: a status (`200`, `404`, `default`) in one media type, or with no body at all.
public struct Response: Sendable, Hashable {
    public var status: String
    /// The line of prose under the status heading (`Success`, `OK`).
    public var summary: String?
    /// Nil when the docs give the status with no media type: the response has no body.
    public var mediaType: String?
    /// Nil exactly when `mediaType` is nil.
    public var schema: Schema?
    public var location: SourceLocation

    public init(status: String, summary: String?, mediaType: String?, schema: Schema?, location: SourceLocation) {
        self.status = status
        self.summary = summary
        self.mediaType = mediaType
        self.schema = schema
        self.location = location
    }
}

/// A header sent with every request of an endpoint (`OpenAI-Beta: chatkit_beta=v1`).
public struct Header: Sendable, Hashable {
    public var name: String
    public var value: String
    public var location: SourceLocation

    public init(name: String, value: String, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// The `## Returns` section: prose, and the pages it links.
public struct Returns: Sendable, Hashable {
    public var description: String
    public var links: [PageLink]
    public var location: SourceLocation

    public init(description: String, links: [PageLink], location: SourceLocation) {
        self.description = description
        self.links = links
        self.location = location
    }
}

/// A link from one page to another spec page, resolved to that page's identity.
public struct PageLink: Sendable, Hashable {
    /// The link text (`Thread`).
    public var title: String
    /// The destination as written (`object.md`).
    public var destination: String
    /// The identity of the page it leads to (`chatkit.threads.object`), or nil when no such page was read.
    public var target: String?
    public var location: SourceLocation

    public init(title: String, destination: String, target: String?, location: SourceLocation) {
        self.title = title
        self.destination = destination
        self.target = target
        self.location = location
    }
}

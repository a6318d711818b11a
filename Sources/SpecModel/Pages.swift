/// An object page (`# The thread object`, or a streaming event): a named schema.
public struct ObjectPage: Sendable, Hashable {
    /// Identity from the file path: `chatkit/threads/object.md` -> `chatkit.threads.object`.
    public var id: String
    public var title: String
    public var description: String?
    public var documentationURL: String?
    /// An object schema whose properties are the `## Properties` list.
    public var schema: Schema
    public var examples: [Example]
    public var location: SourceLocation

    public init(id: String, title: String, schema: Schema, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = nil
        self.documentationURL = nil
        self.schema = schema
        self.examples = []
        self.location = location
    }
}

/// An index page (`chatkit/index.md`): the human name of a group of resources and its pages.
public struct IndexPage: Sendable, Hashable {
    /// Identity from the folder: `chatkit/index.md` -> `chatkit`.
    public var id: String
    public var title: String
    public var description: String?
    /// The `## Contents` links in order, resolved to page identities.
    public var entries: [PageLink]
    public var location: SourceLocation

    public init(id: String, title: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = nil
        self.entries = []
        self.location = location
    }
}

/// A page of prose with no endpoint, properties or contents (`authentication.md`).
public struct GuidePage: Sendable, Hashable {
    public var id: String
    public var title: String
    public var text: String
    public var location: SourceLocation

    public init(id: String, title: String, text: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.text = text
        self.location = location
    }
}

/// What one Markdown file turned out to be.
public enum Page: Sendable, Hashable {
    case endpoint(Endpoint)
    case object(ObjectPage)
    case index(IndexPage)
    case guide(GuidePage)

    /// The identity of the page at `path` (see `PageIdentity`).
    public static func id(forPath path: String) -> String { PageIdentity.id(forPath: path) }

    public var id: String {
        switch self {
        case .endpoint(let page): page.id
        case .object(let page): page.id
        case .index(let page): page.id
        case .guide(let page): page.id
        }
    }

    public var location: SourceLocation {
        switch self {
        case .endpoint(let page): page.location
        case .object(let page): page.location
        case .index(let page): page.location
        case .guide(let page): page.location
        }
    }
}

/// The whole API as read from a set of spec files: the intermediate model every later stage reads.
public struct APISpec: Sendable, Hashable {
    public var endpoints: [Endpoint]
    public var objects: [ObjectPage]
    public var indexes: [IndexPage]
    public var guides: [GuidePage]
    public var diagnostics: [Diagnostic]

    public init(
        endpoints: [Endpoint] = [],
        objects: [ObjectPage] = [],
        indexes: [IndexPage] = [],
        guides: [GuidePage] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.endpoints = endpoints
        self.objects = objects
        self.indexes = indexes
        self.guides = guides
        self.diagnostics = diagnostics
    }
}

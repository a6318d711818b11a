/// Corrections a maintainer owns, to docs they do not own: read from an overlay file (`OverlayParser`),
/// applied to the model between parsing and generation (`OverlayApplication`). The format is described
/// beside its parser.
public struct Overlay: Sendable, Hashable {
    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// One corrected member.
    public struct Entry: Sendable, Hashable {
        /// The page it corrects, relative to the specs folder: `usage/completions.md`.
        public var page: String
        public var section: Section
        /// The member, from the section's schema: `data[].result` is `data`, the items, `result`.
        public var path: MemberPath
        /// The member as the entry states it, read as the docs' own field lines are: its name is the path.
        public var member: Property
        /// `Name: `results`.`: the JSON name the API uses.
        public var name: String?
        /// `Items: `item` in `page.md`.`: the array's elements are the schema given there.
        public var items: SchemaReference?
        /// The entry's field line.
        public var location: SourceLocation

        public init(page: String, section: Section, path: MemberPath, member: Property, location: SourceLocation) {
            self.page = page
            self.section = section
            self.path = path
            self.member = member
            self.location = location
        }
    }

    /// Which of a page's schemas an entry's path starts from.
    public enum Section: Sendable, Hashable, CustomStringConvertible {
        /// An object page's `## Properties`, or an endpoint's first successful JSON response (the default).
        case primary
        case parameters
        /// A request body, the first one when no media type is named.
        case requestBody(mediaType: String?)
        /// A response, the first successful one when no status is named.
        case response(status: String?)

        public var description: String {
            switch self {
            case .primary: "the page's properties or response"
            case .parameters: "the parameters"
            case .requestBody(let mediaType): mediaType.map { "the \($0) request body" } ?? "the request body"
            case .response(let status): status.map { "the \($0) response" } ?? "the response"
            }
        }
    }

    /// A schema given elsewhere: a member of a page.
    public struct SchemaReference: Sendable, Hashable {
        public var page: String
        public var path: MemberPath

        public init(page: String, path: MemberPath) {
            self.page = page
            self.path = path
        }
    }
}

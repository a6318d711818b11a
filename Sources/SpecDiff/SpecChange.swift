import SpecModel

/// One change between two versions of the docs that matters to a user of the generated SDK: what changed,
/// where on both sides, and how much it matters (`Severity`).
public struct SpecChange: Sendable, Hashable {
    /// How a change affects the SDK's users, most severe first.
    public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Code that compiled against the SDK may not compile: a required parameter or request member added,
        /// a member removed or renamed, a type changed, an enum case removed, an endpoint gone.
        case breaking
        /// Code still compiles, but values that decoded before may not: a response member that was optional
        /// becomes required, a nullable one non-null, a constant changes (strict decoding fails, tolerant
        /// decoding reports it).
        case wire
        /// Something new: an endpoint, an optional member, an enum value, a union variant.
        case additive
        /// Prose only: descriptions, titles, summaries, defaults.
        case documentation

        /// `breaking` < `wire` < ...: more severe first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }

        /// The heading of its group in a changelog.
        public var title: String {
            switch self {
            case .breaking: "Breaking for Swift source"
            case .wire: "Breaking on the wire"
            case .additive: "Additive"
            case .documentation: "Documentation only"
            }
        }
    }

    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed, renamed
    }

    public var severity: Severity
    public var kind: Kind
    /// The section of the reference: the page's first folder (`chatkit`).
    public var section: String
    /// What changed, in the docs' terms: ``GET /v1/chatkit/threads: query parameter `limit` ``.
    public var subject: String
    /// How: `optional -> required`, `"asc" removed`.
    public var detail: String
    /// Where it was and where it is; nil on the side where it does not exist.
    public var old: SourceLocation?
    public var new: SourceLocation?
    /// The page it is on (its identity, `chatkit.threads.list`), and what on the page, for naming the Swift
    /// symbol it touches.
    public var page: String?
    public var target: Target = .page
    /// The Swift symbol it touches, when known: `client.chatkit.threads.list(order:)`, `ChatKitThread.user`.
    public var symbol: String?

    /// What on a page a change is about.
    public enum Target: Sendable, Hashable {
        case page
        case parameter(String)
        /// A member of a request body, by its JSON path (`metadata.tags[]`).
        case requestMember(String)
        /// A member of a response or of an object page.
        case responseMember(String)
    }

    public init(_ severity: Severity, _ kind: Kind, section: String, subject: String, detail: String,
                old: SourceLocation?, new: SourceLocation?) {
        self.severity = severity
        self.kind = kind
        self.section = section
        self.subject = subject
        self.detail = detail
        self.old = old
        self.new = new
    }
}

/// The part of a version number a set of changes calls for, by semantic versioning.
public enum VersionBump: String, Sendable, Hashable {
    case major, minor, patch, none

    /// Breaking changes (source or wire) call for a major version, additions for a minor one, prose for a
    /// patch; no change for none.
    public init(_ changes: [SpecChange]) {
        switch changes.map(\.severity).min() {
        case .breaking?, .wire?: self = .major
        case .additive?: self = .minor
        case .documentation?: self = .patch
        case nil: self = .none
        }
    }
}

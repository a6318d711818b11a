/// A place where a response disagreed with the docs and decoding went on anyway (see `DecodingMode`): the
/// JSON path, what arrived and what the docs say, as in `$.data[3].name: null, documented as non-null string`.
public struct DecodingIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where, from the root of the decoded document: `$.data[3].name`.
    public var path: String
    /// What arrived there: `absent`, `null`, `a number (12)`, `"chatkit_thread"`.
    public var arrived: String
    /// What the docs say should be there: `required`, `non-null string`, `the constant "chatkit.thread"`.
    public var documented: String
    /// Whether a member did not fit (and holds a fallback), or a value the docs do not list was kept as it is.
    public var kind: Kind

    /// The two things tolerant decoding reports.
    public enum Kind: Hashable, Sendable {
        /// A member is missing, `null`, of another JSON type or another constant than documented: its
        /// property holds a fallback, and what arrived is kept (`DecodingDeviations`).
        case mismatch
        /// An enum value or a union variant the docs do not list: kept as the `unknown` case, which strict
        /// decoding gives too (the docs may simply be older than the API).
        case undocumentedValue
    }

    public init(path: String, arrived: String, documented: String, kind: Kind = .mismatch) {
        self.path = path
        self.arrived = arrived
        self.documented = documented
        self.kind = kind
    }

    /// `$.data[3].name: null, documented as non-null string`.
    public var description: String { "\(path): \(arrived), documented as \(documented)" }
}

/// How generated types decode a response that disagrees with its docs.
public enum DecodingMode: Sendable, Hashable {
    /// The default: a documented member that is missing, `null` where the docs say non-null, of another JSON
    /// type, or another value than a documented constant does not fail the call. The member gets a fallback
    /// (`""`, `0`, `false`, an empty array or object, `nil` for an optional), the JSON that arrived is kept
    /// with the value (`deviations`) so that encoding it again writes back exactly that JSON, and each case
    /// is reported as a `DecodingIssue` (on the value, on `APIResponse.decodingIssues` and to
    /// `ClientConfiguration.onDecodingIssues`).
    case tolerant
    /// Every disagreement throws a `DecodingError` with its coding path, as Foundation's decoder does.
    case strict
}

/// A problem found in the specs, always with the place in the Markdown it is about.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// What kind of problem this is, so tools and tests can select diagnostics without matching messages.
    public enum Kind: String, Sendable, Hashable {
        /// Markdown the parser did not understand; its content is not in the model.
        case notUnderstood = "not-understood"
        /// A field's type expression does not parse.
        case malformedType = "malformed-type"
        /// The same field or parameter name twice in one list.
        case duplicateField = "duplicate-field"
        /// A link in `## Returns` (or an index page) that leads to no page.
        case unresolvedLink = "unresolved-link"
        /// A JSON example that is not valid JSON.
        case invalidExample = "invalid-example"
        /// A JSON example that does not conform to its schema.
        case nonConformingExample = "nonconforming-example"
        /// A fact sentence (`Default:`, `Minimum:`) whose value does not fit the field's type.
        case invalidFact = "invalid-fact"
        /// The same endpoint or page identity twice.
        case duplicateDefinition = "duplicate-definition"
        /// A file that cannot be read.
        case unreadableFile = "unreadable-file"
        /// Input past one of the tool's documented limits (nesting depth, page size), which keep it from
        /// crashing, hanging or generating code the compiler cannot handle.
        case limitExceeded = "limit-exceeded"
        /// A fact the docs state one way and their own prose another, generated as the prose says (a member
        /// typed non-null whose description says it can be null).
        case correctedFact = "corrected-fact"
        /// An overlay entry with nothing left to correct: its target is gone, or the docs now say what it
        /// says. The entry can go.
        case staleOverlay = "stale-overlay"
        /// An overlay entry that cannot be read or applied.
        case invalidOverlay = "invalid-overlay"
    }

    public var severity: Severity
    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ kind: Kind, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `file:line:column: severity: message`, the form compilers print and editors jump to.
    /// `file:line:column: severity: message` on one line: line breaks and control characters of the page
    /// (which could rewrite a terminal: ESC, BEL) are written as escapes, here rather than in every message.
    public var description: String {
        "\(Self.escaped(location.description)): \(severity.rawValue): \(Self.escaped(message))"
    }

    /// `text` with line breaks and control characters as escapes (`\n`, `\u{1B}`); other text unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Source text to quote in a message: shortened to `limit` characters (a 20 KB type expression is
    /// reported by its start), on one line.
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        let short = text.count > limit ? String(text.prefix(limit)) + "..." : text
        return "'" + escaped(short) + "'"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        // C0 and C1 controls, the line separators, and the bidirectional overrides that reorder what a terminal shows.
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}

/// Collects diagnostics while a stage runs. A value type: each parser owns one and hands it back.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    public mutating func append(contentsOf diagnostics: [Diagnostic]) { all.append(contentsOf: diagnostics) }

    public mutating func error(_ kind: Diagnostic.Kind, at location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.error, kind, at: location, message))
    }

    public mutating func warning(_ kind: Diagnostic.Kind, at location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.warning, kind, at: location, message))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}

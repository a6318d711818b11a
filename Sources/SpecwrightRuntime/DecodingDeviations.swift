/// What a generated object type kept of a response that disagreed with its docs: the JSON of each member
/// that did not fit (so that encoding writes it back) and the issues found in the value at every depth.
///
/// Every generated object has one, `deviations`; it is empty unless the value was decoded tolerantly
/// (`DecodingMode.tolerant`) from JSON that differs from the docs. A member in `fallbacks` holds a fallback
/// in its Swift property, not a value that arrived: `thread.deviations.isFallback("name")`.
///
/// How it stays lossless: for each such member it records the JSON that arrived (or that it was absent) and
/// the JSON of the fallback. Encoding writes the member as it arrived as long as the property still encodes
/// to the fallback; once the property is set to something else, that value is written instead.
public struct DecodingDeviations: Sendable, CustomStringConvertible {
    /// The issues found in the value and its members at every depth, paths from the decoded document's root.
    public internal(set) var issues: [DecodingIssue]
    /// Per JSON member name: what arrived and what the property was given instead.
    @usableFromInline var kept: [String: KeptMember]

    /// No deviations: what values built in code, and decoded from JSON as documented, have.
    public static var none: DecodingDeviations { DecodingDeviations(issues: [], kept: [:]) }

    @usableFromInline
    init(issues: [DecodingIssue], kept: [String: KeptMember]) {
        self.issues = issues
        self.kept = kept
    }

    /// `none`, or the issues: short, as it shows in every printed value.
    public var description: String {
        if isEmpty { return "none" }
        return issues.isEmpty ? "fallbacks for \(fallbacks)" : "\(issues.map(\.description))"
    }

    /// Whether nothing deviated from the docs. (Members a union case does not list, kept so that encoding
    /// writes them back, are no deviation: objects keep theirs in `additionalProperties` as well.)
    public var isEmpty: Bool { issues.isEmpty && fallbacks.isEmpty }

    /// The JSON names of the members whose properties hold fallbacks rather than what arrived.
    public var fallbacks: [String] { kept.filter(\.value.isFallback).keys.sorted() }

    /// Whether the member named `jsonName` holds a fallback rather than what arrived.
    public func isFallback(_ jsonName: String) -> Bool { kept[jsonName]?.isFallback == true }

    /// The JSON that arrived for the member named `jsonName` when it did not fit: `.some(nil)` when it was
    /// absent, nil when the member fitted (or the name is not a member).
    public func arrived(_ jsonName: String) -> JSONValue?? {
        guard let member = kept[jsonName], member.isFallback else { return nil }
        return .some(member.arrived)
    }
}

/// One member kept by `DecodingDeviations`.
@usableFromInline
struct KeptMember: Sendable {
    /// The JSON that arrived, nil when the member was absent.
    var arrived: JSONValue?
    /// The JSON the fallback encodes to, nil when the fallback writes nothing (an optional's `nil`).
    var fallback: JSONValue?
    /// False when the property holds what arrived and only some of its JSON has no place in it: a union
    /// case given members it does not list (see `keepOtherMembers` in TolerantDecoding.swift).
    var isFallback = true
}

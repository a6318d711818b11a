// The coding keys of code generated before `MemberDecodingContainer` (November 2026). Nothing generated now
// uses them; they stay, deprecated, so that a checked-in Generated/ folder from then still compiles against this
// runtime until it is regenerated.

/// The JSON names a generated type documents (its nested `Members` enum): the members it stores in
/// properties rather than in `additionalProperties`.
@available(*, deprecated, message: "generated code uses MemberDecodingContainer and MemberEncodingContainer; regenerate")
public protocol MemberNames {
    static var documented: [String] { get }
}

/// The coding key of generated types: a member's JSON name (`"created_at"`), written as a string literal where
/// it is used, for the type whose documented names are `Names`.
///
/// A documented name does not convert back into a key (`init?(stringValue:)` returns nil for it): `allKeys`,
/// which Foundation's `JSONDecoder` builds, converts and casts at some cost per member, then lists only the
/// members the docs do not list, usually none (the runtime's own decoder needs no `allKeys` for this: see
/// `decodeUndocumented(from:)`). Decoding a documented member goes by its `stringValue` and never needs the
/// conversion. One generic key, rather than a `CodingKeys` enum per type with two string switches, keeps a
/// module of hundreds of types quicker to compile.
@available(*, deprecated, message: "generated code uses MemberDecodingContainer and MemberEncodingContainer; regenerate")
public struct MemberKey<Names: MemberNames>: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    public let stringValue: String

    @inlinable
    public init?(stringValue: String) {
        if isDocumented(stringValue, in: Names.documented) { return nil }
        self.stringValue = stringValue
    }

    @inlinable
    public init(stringLiteral value: String) { self.stringValue = value }

    @inlinable
    public init?(intValue: Int) { nil }

    @inlinable
    public var intValue: Int? { nil }

    /// A key for any name, documented or not (`init?(stringValue:)` refuses documented ones).
    @inlinable
    public init(name: String) { self.stringValue = name }
}

@available(*, deprecated, message: "generated code uses MemberDecodingContainer and MemberEncodingContainer; regenerate")
extension KeyedDecodingContainer {
    /// The members the docs do not list, by name.
    @inlinable
    public func decodeUndocumented<Names>() throws -> [String: JSONValue] where Key == MemberKey<Names> {
        let keys = allKeys
        if keys.isEmpty { return [:] }
        var values: [String: JSONValue] = [:]
        for key in keys {
            values[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return values
    }
}

@available(*, deprecated, message: "generated code uses MemberDecodingContainer and MemberEncodingContainer; regenerate")
extension KeyedDecodingContainer {
    /// The members the docs do not list, by name: read straight from the document when `decoder` is the
    /// runtime's own (`TreeJSONDecoder`), else listed through `allKeys`.
    @inlinable
    public func decodeUndocumented<Names>(from decoder: any Decoder) throws -> [String: JSONValue] where Key == MemberKey<Names> {
        if let members = try undocumentedMembers(of: decoder, documented: DocumentedNames(Names.documented)) { return members }
        return try decodeUndocumented()
    }

    /// The keys of the members the docs do not list, found as `decodeUndocumented(from:)` finds them.
    @inlinable
    public func undocumentedKeys<Names>(from decoder: any Decoder) -> [Key] where Key == MemberKey<Names> {
        if let names = undocumentedNames(of: decoder, documented: DocumentedNames(Names.documented)) {
            return names.map { MemberKey(name: $0) }
        }
        return allKeys
    }
}

/// Whether `documented` holds `name`. Lengths first: a string stores its UTF-8 count, and most names differ
/// in it, which spares most string comparisons; this runs once per member of every object decoded.
@available(*, deprecated, message: "generated code uses MemberDecodingContainer and MemberEncodingContainer; regenerate")
@inlinable
func isDocumented(_ name: String, in documented: [String]) -> Bool {
    let length = name.utf8.count
    // `contains(where:)` borrows each element, where a `for` loop would copy (retain and release) it.
    return documented.contains { $0.utf8.count == length && $0 == name }
}

@available(*, deprecated, message: "generated code uses MemberDecodingContainer and MemberEncodingContainer; regenerate")
extension KeyedEncodingContainer {
    /// Writes the members the docs do not list; call it before the documented ones, so that those win.
    @inlinable
    public mutating func encodeUndocumented<Names>(_ values: [String: JSONValue]) throws where Key == MemberKey<Names> {
        for (name, value) in values {
            try encode(value, forKey: MemberKey(name: name))
        }
    }
}

/// The JSON names a generated type documents (its nested `Members` enum): the members it stores in
/// properties rather than in `additionalProperties`.
public protocol MemberNames {
    static var documented: [String] { get }
}

/// The coding key of generated types: a member's JSON name (`"created_at"`), written as a string literal where
/// it is used, for the type whose documented names are `Names`.
///
/// A documented name does not convert back into a key (`init?(stringValue:)` returns nil for it): `allKeys`,
/// which JSONDecoder builds, converts and casts at some cost per member, then lists only the members the docs do
/// not list, usually none. Decoding a documented member goes by its `stringValue` and never needs the
/// conversion. One generic key, rather than a `CodingKeys` enum per type with two string switches, keeps a
/// module of hundreds of types quicker to compile.
public struct MemberKey<Names: MemberNames>: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    public let stringValue: String

    @inlinable
    public init?(stringValue: String) {
        if Names.documented.contains(stringValue) { return nil }
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

extension KeyedEncodingContainer {
    /// Writes the members the docs do not list; call it before the documented ones, so that those win.
    @inlinable
    public mutating func encodeUndocumented<Names>(_ values: [String: JSONValue]) throws where Key == MemberKey<Names> {
        for (name, value) in values {
            try encode(value, forKey: MemberKey(name: name))
        }
    }
}

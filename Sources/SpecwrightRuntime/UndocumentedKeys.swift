/// The JSON names a generated type documents (its nested `Members` enum): the members it stores in
/// properties rather than in `additionalProperties`.
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

/// The members of the object `decoder` stands for whose names `documented` does not hold, or nil when
/// `decoder` is not the runtime's own or does not stand for an object.
@usableFromInline
func undocumentedMembers(of decoder: any Decoder, documented: DocumentedNames) throws -> [String: JSONValue]? {
    guard let tree = decoder as? TreeDecoder, case .object(let members) = tree.node else { return nil }
    var undocumented: [String: JSONValue] = [:]
    var cursor = 0
    for member in members {
        if documented.contains(member.name, cursor: &cursor) || undocumented[member.name] != nil { continue }
        undocumented[member.name] = try member.value.jsonValue(tree.codingPath + [AnyCodingKey(member.name)])
    }
    return undocumented
}

/// The names of the members `undocumentedMembers(of:documented:)` returns, without reading their values.
@usableFromInline
func undocumentedNames(of decoder: any Decoder, documented: DocumentedNames) -> [String]? {
    guard let tree = decoder as? TreeDecoder, case .object(let members) = tree.node else { return nil }
    var names: [String] = []
    var cursor = 0
    for member in members {
        if documented.contains(member.name, cursor: &cursor) || names.contains(member.name) { continue }
        names.append(member.name)
    }
    return names
}

/// Whether `documented` holds `name`. Lengths first: a string stores its UTF-8 count, and most names differ
/// in it, which spares most string comparisons; this runs once per member of every object decoded.
@inlinable
func isDocumented(_ name: String, in documented: [String]) -> Bool {
    let length = name.utf8.count
    // `contains(where:)` borrows each element, where a `for` loop would copy (retain and release) it.
    return documented.contains { $0.utf8.count == length && $0 == name }
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

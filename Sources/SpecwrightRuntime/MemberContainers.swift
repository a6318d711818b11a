/// The members of one JSON object, as a generated `init(from:)` reads them: keys are the members' JSON names
/// (`forKey: "created_at"`), and the names the type documents come with the container, so that the members the
/// docs do not list can be told apart.
///
/// Why not a `KeyedDecodingContainer` keyed by a per-type key: that container is generic over its key, and in
/// a debug build every call on it passes type metadata and converts a string literal into a key. A module of
/// hundreds of types makes thousands of such calls; through this non-generic container, with one method per
/// name (no overloads for the type checker to choose from), they compile in about 40% less time (measured
/// on 300 members: 0.85 ms instead of 1.4 ms a statement).
public struct MemberDecodingContainer {
    @usableFromInline let container: KeyedDecodingContainer<MemberName>
    @usableFromInline let decoder: any Decoder
    @usableFromInline let names: DocumentedNames
    /// Whether a member that does not fit may be tolerated: then the decoder is asked (TolerantDecoding.swift),
    /// which does so when it is the runtime's, decoding tolerantly. False for the members of union variants.
    /// (The decoder is asked only when something did not fit: finding out up front costs a dynamic cast per
    /// object, which was 5% of decoding a page.)
    @usableFromInline let mayTolerate: Bool

    @inlinable
    init(_ decoder: any Decoder, names: DocumentedNames, mayTolerate: Bool) throws {
        self.container = try decoder.container(keyedBy: MemberName.self)
        self.decoder = decoder
        self.names = names
        self.mayTolerate = mayTolerate
    }

    /// The object `decoder` stands for, read by a type that stores the members named in `documented` (their
    /// JSON names, separated by spaces: `"id object created_at"`) in its own properties.
    @inlinable
    public init(_ decoder: any Decoder, documented: StaticString) throws {
        try self.init(decoder, names: DocumentedNames(separatedBySpaces: documented), mayTolerate: true)
    }

    /// The object `decoder` stands for, read by a type that stores the members named in `documented` in its
    /// own properties: the form for names that hold a space.
    @inlinable
    public init(_ decoder: any Decoder, documented: [String]) throws {
        try self.init(decoder, names: DocumentedNames(documented), mayTolerate: true)
    }

    /// The object `decoder` stands for, read by a union type for the members of its variants: always strict,
    /// as an enum case has no place to keep a member that did not fit (the union's own member in the type
    /// that holds it is kept instead).
    @inlinable
    public init(union decoder: any Decoder, documented: StaticString) throws {
        try self.init(decoder, names: DocumentedNames(separatedBySpaces: documented), mayTolerate: false)
    }

    /// The union form for names that hold a space.
    @inlinable
    public init(union decoder: any Decoder, documented: [String]) throws {
        try self.init(decoder, names: DocumentedNames(documented), mayTolerate: false)
    }

    /// What did not fit the docs in this object (empty for a strict decoding): a generated type stores it as
    /// its `deviations` after reading its members, so that encoding can write back what arrived.
    @inlinable
    public func deviations() -> DecodingDeviations {
        mayTolerate ? keptDeviations(of: decoder) : .none
    }

    /// The JSON names the type stores in its own properties.
    public var documented: [String] { names.list }

    /// The path of coding keys taken to reach this object.
    public var codingPath: [any CodingKey] { container.codingPath }

    /// Whether the object has a member named `key`.
    @inlinable
    public func contains(_ key: String) -> Bool {
        container.contains(MemberName(key))
    }

    /// A required, non-null member. The scalar types go straight to the decoder's methods for them.
    @inlinable
    public func decode<T: Decodable>(_ type: T.Type, forKey key: String) throws -> T {
        guard mayTolerate else { return try decodeStrictly(T.self, forKey: MemberName(key)) }
        do {
            return try decodeStrictly(T.self, forKey: MemberName(key))
        } catch let error as DecodingError {
            return try tolerate(error, member: key, of: decoder, as: T.self)
        }
    }

    @inlinable
    func decodeStrictly<T: Decodable>(_ type: T.Type, forKey key: MemberName) throws -> T {
        if T.self == String.self { return unsafeBitCast(try container.decode(String.self, forKey: key), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try container.decode(Int.self, forKey: key), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try container.decode(Bool.self, forKey: key), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try container.decode(Double.self, forKey: key), to: T.self) }
        return try container.decode(T.self, forKey: key)
    }

    /// An optional member: `nil` when the key is absent or holds `null`.
    @inlinable
    public func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: String) throws -> T? {
        guard mayTolerate else { return try decodeIfPresent(type, forKey: MemberName(key)) }
        do {
            if let value = try decodeIfPresent(type, forKey: MemberName(key)) { return value }
            if container.contains(MemberName(key)) { tolerateNull(member: key, of: decoder, as: T.self) }
            return nil
        } catch let error as DecodingError {
            try tolerate(error, member: key, of: decoder, fallback: nil)
            return nil
        }
    }

    @inlinable
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: MemberName) throws -> T? {
        if T.self == String.self { return unsafeBitCast(try container.decodeIfPresent(String.self, forKey: key), to: T?.self) }
        if T.self == Int.self { return unsafeBitCast(try container.decodeIfPresent(Int.self, forKey: key), to: T?.self) }
        if T.self == Bool.self { return unsafeBitCast(try container.decodeIfPresent(Bool.self, forKey: key), to: T?.self) }
        if T.self == Double.self { return unsafeBitCast(try container.decodeIfPresent(Double.self, forKey: key), to: T?.self) }
        return try container.decodeIfPresent(T.self, forKey: key)
    }

    /// An optional, nullable member: `nil` when the key is absent, `.null` when it holds `null`.
    @inlinable
    public func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: String) throws -> Nullable<T>? {
        let name = MemberName(key)
        guard container.contains(name) else { return nil }
        if try container.decodeNil(forKey: name) { return .null }
        guard mayTolerate else { return .value(try container.decode(T.self, forKey: name)) }
        do {
            return .value(try container.decode(T.self, forKey: name))
        } catch let error as DecodingError {
            try tolerate(error, member: key, of: decoder, fallback: nil)
            return nil
        }
    }

    /// A required, nullable member: the key must be there; `nil` when it holds `null`.
    @inlinable
    public func decodeOrNull<T: Decodable>(_ type: T.Type, forKey key: String) throws -> T? {
        // One lookup in the common case, the key holding a value; only nil needs the second, to tell `null`
        // from absent.
        guard mayTolerate else {
            if let value = try decodeIfPresent(T.self, forKey: MemberName(key)) { return value }
            return try container.nullOrMissing(MemberName(key))
        }
        do {
            if let value = try decodeIfPresent(T.self, forKey: MemberName(key)) { return value }
            return try container.nullOrMissing(MemberName(key))
        } catch let error as DecodingError {
            // nil is written as `null`: the fallback's JSON.
            try tolerate(error, member: key, of: decoder, fallback: .null)
            return nil
        }
    }

    /// A member that always holds the string `value` (a discriminator such as `type`).
    @inlinable
    public func decodeConstant(_ value: String, forKey key: String) throws {
        guard mayTolerate else { return try container.decodeConstant(value, forKey: MemberName(key)) }
        do {
            try container.decodeConstant(value, forKey: MemberName(key))
        } catch let error as DecodingError {
            try tolerateConstant(error, value, member: key, of: decoder)
        }
    }

    /// The members the docs do not list, by name: read straight from the document when the decoder is the
    /// runtime's own (`TreeJSONDecoder`), else listed through `allKeys`.
    public func decodeUndocumented() throws -> [String: JSONValue] {
        if let members = try undocumentedMembers(of: decoder, documented: names) { return members }
        var values: [String: JSONValue] = [:]
        for key in undocumentedKeys() where values[key.stringValue] == nil {
            values[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return values
    }

    /// The names of the members the docs do not list, found as `decodeUndocumented()` finds them.
    public func undocumentedMemberNames() -> [String] {
        if let names = undocumentedNames(of: decoder, documented: names) { return names }
        var names: [String] = []
        for key in undocumentedKeys() where !names.contains(key.stringValue) { names.append(key.stringValue) }
        return names
    }

    /// `allKeys` without the documented names, which `MemberName(stringValue:)` refuses while they are bound:
    /// a decoder such as Foundation's builds `allKeys` at a cost per key it accepts.
    private func undocumentedKeys() -> [MemberName] {
        MemberName.$refused.withValue(names) { container.allKeys }
    }
}

/// The coding key of the member containers: a member's JSON name.
public struct MemberName: CodingKey, Hashable, Sendable {
    public let stringValue: String

    /// The key for `name`.
    @inlinable
    public init(_ name: String) { self.stringValue = name }

    /// A key for a name a decoder lists (`allKeys`): nil for the names `refused` holds.
    public init?(stringValue: String) {
        if Self.refused.contains(stringValue) { return nil }
        self.stringValue = stringValue
    }

    public init?(intValue: Int) { nil }

    public var intValue: Int? { nil }

    /// The names `init?(stringValue:)` refuses: the documented ones, bound while the container lists the
    /// undocumented members (a task-local, so that concurrent decodes do not see each other's names).
    @TaskLocal static var refused = DocumentedNames([])
}

/// The members of one JSON object, as a generated `encode(to:)` writes them; the counterpart of
/// `MemberDecodingContainer`, non-generic for the same reason.
public struct MemberEncodingContainer {
    @usableFromInline var container: KeyedEncodingContainer<MemberName>
    /// The members that arrived other than documented, written back as they arrived while their properties
    /// still hold the fallbacks (see `DecodingDeviations`).
    @usableFromInline let kept: [String: KeptMember]

    @inlinable
    public init(_ encoder: any Encoder) {
        self.container = encoder.container(keyedBy: MemberName.self)
        self.kept = [:]
    }

    /// The members of a value decoded with `deviations`: those are written back as they arrived.
    @inlinable
    public init(_ encoder: any Encoder, keeping deviations: DecodingDeviations) {
        self.container = encoder.container(keyedBy: MemberName.self)
        self.kept = deviations.kept
    }

    /// Writes the member `key` as it arrived, when it did not fit its docs and its property `value` still
    /// writes what the fallback wrote (`nilWrites`: what nil writes, nil for nothing); false when the property
    /// is to be written.
    @usableFromInline
    mutating func wroteAsArrived<T: Encodable>(_ key: String, _ value: T?, nilWrites: JSONValue?) throws -> Bool {
        guard let member = kept[key] else { return false }
        var current = nilWrites
        if let value { current = try JSONValue(encoding: value) }
        guard current == member.fallback else { return false }
        if let arrived = member.arrived { try container.encode(arrived, forKey: MemberName(key)) }
        return true
    }

    /// The path of coding keys taken to reach this object.
    public var codingPath: [any CodingKey] { container.codingPath }

    /// A member's value. The scalar types go straight to the encoder's methods for them rather than its
    /// generic path, which checks the value's type at run time.
    @inlinable
    public mutating func encode<T: Encodable>(_ value: T, forKey key: String) throws {
        if !kept.isEmpty, try wroteAsArrived(key, value, nilWrites: nil) { return }
        try encode(value, forKey: MemberName(key))
    }

    @inlinable
    mutating func encode<T: Encodable>(_ value: T, forKey key: MemberName) throws {
        if T.self == String.self { return try container.encode(unsafeBitCast(value, to: String.self), forKey: key) }
        if T.self == Int.self { return try container.encode(unsafeBitCast(value, to: Int.self), forKey: key) }
        if T.self == Bool.self { return try container.encode(unsafeBitCast(value, to: Bool.self), forKey: key) }
        if T.self == Double.self { return try container.encode(unsafeBitCast(value, to: Double.self), forKey: key) }
        try container.encode(value, forKey: key)
    }

    /// An optional member: the key is left out for `nil`.
    @inlinable
    public mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: String) throws {
        if !kept.isEmpty, try wroteAsArrived(key, value, nilWrites: nil) { return }
        if let value { try encode(value, forKey: MemberName(key)) }
    }

    /// An optional, nullable member: the key is left out for `nil`, `null` is written for `.null`.
    @inlinable
    public mutating func encodeNullable<T: Encodable>(_ value: Nullable<T>?, forKey key: String) throws {
        if !kept.isEmpty, try wroteAsArrived(key, value, nilWrites: nil) { return }
        switch value {
        case nil: break
        case .null?: try container.encodeNil(forKey: MemberName(key))
        case .value(let wrapped)?: try encode(wrapped, forKey: MemberName(key))
        }
    }

    /// A required, nullable member: `null` is written for `nil`.
    @inlinable
    public mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: String) throws {
        if !kept.isEmpty, try wroteAsArrived(key, value, nilWrites: .null) { return }
        if let value { try encode(value, forKey: MemberName(key)) } else { try container.encodeNil(forKey: MemberName(key)) }
    }

    /// The members the docs do not list; call it before the documented ones, so that those win.
    public mutating func encodeUndocumented(_ values: [String: JSONValue]) throws {
        for (name, value) in values {
            try container.encode(value, forKey: MemberName(name))
        }
    }
}

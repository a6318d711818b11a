/// The coding keys of a generated type: one case per documented member, and `undocumented(name)` for any
/// other member, which the type keeps in its `additionalProperties`.
///
/// A documented name deliberately does not convert back into a key (`init?(stringValue:)` returns nil for it):
/// `allKeys`, which JSONDecoder builds at some cost per member, then lists only the undocumented members,
/// usually none. Decoding a documented member goes by its `stringValue` and never needs the conversion.
public protocol UndocumentedCodingKey: CodingKey {
    /// A member the docs do not list.
    static func undocumented(_ name: String) -> Self
}

extension UndocumentedCodingKey {
    public init?(intValue: Int) { nil }
    public var intValue: Int? { nil }
}

extension KeyedDecodingContainer where Key: UndocumentedCodingKey {
    /// The members the docs do not list, by name.
    @inlinable
    public func decodeUndocumented() throws -> [String: JSONValue] {
        let keys = allKeys
        if keys.isEmpty { return [:] }
        var values: [String: JSONValue] = [:]
        for key in keys {
            values[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return values
    }
}

extension KeyedEncodingContainer where Key: UndocumentedCodingKey {
    /// Writes the members the docs do not list; call it before the documented ones, so that those win.
    @inlinable
    public mutating func encodeUndocumented(_ values: [String: JSONValue]) throws {
        for (name, value) in values {
            try encode(value, forKey: .undocumented(name))
        }
    }
}

/// Required fields that may be `null`: the key must be there, its value may be `null`.
///
/// `decode(T?.self, forKey:)` and `encode(T?, forKey:)` say the same but go through Foundation's generic
/// `Optional` path, which costs generated types a noticeable share of their decoding time; these are
/// inlinable and specialize for the field's type.
extension KeyedDecodingContainer {
    /// The value, or nil for `null`. An absent key throws `DecodingError.keyNotFound`, as for any required field.
    @inlinable
    public func decodeOrNull<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeNil(forKey: key) ? nil : decode(T.self, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Writes the value, or `null` for nil: the key is always present.
    @inlinable
    public mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

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

    // The common scalar types go through the decoder's own `decodeIfPresent` for them, one lookup instead of
    // two (`decodeNil` then `decode`); only a nil result needs the second look, to tell `null` from absent.

    /// The string, or nil for `null`. An absent key throws `DecodingError.keyNotFound`.
    @inlinable
    public func decodeOrNull(_ type: String.Type, forKey key: Key) throws -> String? {
        if let value = try decodeIfPresent(String.self, forKey: key) { return value }
        return try nullOrMissing(key)
    }

    /// The number, or nil for `null`. An absent key throws `DecodingError.keyNotFound`.
    @inlinable
    public func decodeOrNull(_ type: Int.Type, forKey key: Key) throws -> Int? {
        if let value = try decodeIfPresent(Int.self, forKey: key) { return value }
        return try nullOrMissing(key)
    }

    /// The number, or nil for `null`. An absent key throws `DecodingError.keyNotFound`.
    @inlinable
    public func decodeOrNull(_ type: Double.Type, forKey key: Key) throws -> Double? {
        if let value = try decodeIfPresent(Double.self, forKey: key) { return value }
        return try nullOrMissing(key)
    }

    /// The Boolean, or nil for `null`. An absent key throws `DecodingError.keyNotFound`.
    @inlinable
    public func decodeOrNull(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        if let value = try decodeIfPresent(Bool.self, forKey: key) { return value }
        return try nullOrMissing(key)
    }

    /// After `decodeIfPresent` returned nil: nil when the key holds `null`, `keyNotFound` when it is absent.
    @usableFromInline
    func nullOrMissing<T>(_ key: Key) throws -> T? {
        if contains(key) { return nil }
        throw DecodingError.keyNotFound(
            key, DecodingError.Context(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue).")
        )
    }
}

extension KeyedEncodingContainer {
    /// Writes the value, or `null` for nil: the key is always present.
    @inlinable
    public mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    // The scalar types go through the encoder's own `encode` for them rather than its generic path, which
    // checks the value's type at run time.

    /// Writes the string, or `null` for nil.
    @inlinable
    public mutating func encodeOrNull(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Writes the number, or `null` for nil.
    @inlinable
    public mutating func encodeOrNull(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Writes the number, or `null` for nil.
    @inlinable
    public mutating func encodeOrNull(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Writes the Boolean, or `null` for nil.
    @inlinable
    public mutating func encodeOrNull(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

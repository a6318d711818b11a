extension KeyedDecodingContainer {
    /// Checks a field whose value the docs fix, such as `"object": "chatkit.thread"`.
    ///
    /// Generated code calls this for discriminators and constant fields, so a payload of another kind fails
    /// to decode instead of being taken for this one.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the expected value when the key is absent, not a
    ///   string, or a different string.
    public func decodeConstant(_ value: String, forKey key: Key) throws {
        // No `contains` first: the common case, the key holding the expected string, needs one lookup.
        let found: String
        do {
            found = try decode(String.self, forKey: key)
        } catch DecodingError.keyNotFound {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "Expected \"\(value)\", but the key is missing.")
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "Expected \"\(value)\", found a value that is not a string.")
        }
        guard found == value else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "Expected \"\(value)\", found \"\(found)\".")
        }
    }
}

extension KeyedEncodingContainer {
    /// Writes a field whose value the docs fix; the counterpart of `decodeConstant(_:forKey:)`.
    public mutating func encodeConstant(_ value: String, forKey key: Key) throws {
        try encode(value, forKey: key)
    }
}

/// Unknown keys of an object, so they survive decode and re-encode.
///
/// Generated types keep the members the docs do not list in a `[String: JSONValue]` property; this reads
/// them out of a decoder and writes them back into an encoder.
public enum AdditionalProperties {
    /// Every member of the decoder's object whose name is not in `knownKeys`.
    ///
    /// - Throws: `DecodingError` when the decoder does not hold an object.
    public static func decode(from decoder: any Decoder, knownKeys: Set<String>) throws -> [String: JSONValue] {
        // `allKeys` is the costly part (JSONDecoder builds the array through unspecialized generic code,
        // then `KeyedDecodingContainer` converts it to `[any CodingKey]` and casts it back), and it would
        // list every member, typically all of them known. With `UnknownKey`, which refuses the known names,
        // it lists only the unknown ones: usually none.
        try UnknownKey.$knownKeys.withValue(knownKeys) {
            let container = try decoder.container(keyedBy: UnknownKey.self)
            let keys = container.allKeys
            if keys.isEmpty { return [:] }
            var values: [String: JSONValue] = [:]
            for key in keys {
                values[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            return values
        }
    }

    /// Adds `values` as members of the encoder's keyed container (the same object the generated code's
    /// keyed container writes to).
    ///
    /// Call it before encoding the known properties: when a key appears in both, the known property is
    /// written last and wins.
    public static func encode(_ values: [String: JSONValue], to encoder: any Encoder) throws {
        if values.isEmpty { return }
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in values {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }

    /// The names of the members of the decoder's object; empty when it does not hold an object.
    /// Unions use it to decode a value with members they do not know as `unknown`, keeping them.
    public static func keys(of decoder: any Decoder) -> Set<String> {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return [] }
        return Set(container.allKeys.map(\.stringValue))
    }
}

/// A key for any member name except the known ones of the `decode(from:knownKeys:)` call in progress,
/// which are bound to `knownKeys` for its duration (a task-local value, so concurrent decodes on other
/// threads or tasks each see their own).
private struct UnknownKey: CodingKey {
    @TaskLocal static var knownKeys: Set<String> = []

    let stringValue: String
    var intValue: Int? { nil }

    init?(stringValue: String) {
        if Self.knownKeys.contains(stringValue) { return nil }
        self.stringValue = stringValue
    }

    init?(intValue: Int) { nil }
}

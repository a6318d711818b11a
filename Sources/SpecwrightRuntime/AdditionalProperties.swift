/// Unknown keys of an object, so they survive decode and re-encode.
///
/// Generated types keep the members the docs do not list in a `[String: JSONValue]` property; this reads
/// them out of a decoder and writes them back into an encoder.
public enum AdditionalProperties {
    /// Every member of the decoder's object whose name is not in `knownKeys`.
    ///
    /// - Throws: `DecodingError` when the decoder does not hold an object.
    public static func decode(from decoder: any Decoder, knownKeys: Set<String>) throws -> [String: JSONValue] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var values: [String: JSONValue] = [:]
        for key in container.allKeys where !knownKeys.contains(key.stringValue) {
            values[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return values
    }

    /// Adds `values` as members of the encoder's keyed container (the same object the generated code's
    /// `CodingKeys` container writes to).
    ///
    /// Call it before encoding the known properties: when a key appears in both, the known property is
    /// written last and wins.
    public static func encode(_ values: [String: JSONValue], to encoder: any Encoder) throws {
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

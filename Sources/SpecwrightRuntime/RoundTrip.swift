import Foundation

/// What the generated round-trip tests check: a documentation example decoded into its type and encoded
/// again says the same thing, compared as JSON values (key order and number spelling do not matter).
/// Examples decode strictly, so that an example that disagrees with its own docs still fails its test.
public enum RoundTrip {
    /// The example as a JSON value, and the JSON value of `type` decoded from it and encoded again.
    ///
    /// - Throws: the decoding error when the example does not fit the type.
    public static func values<T: Codable>(_ type: T.Type, json: String) throws -> (original: JSONValue, encoded: JSONValue) {
        let data = Data(json.utf8)
        let decoder = JSONCoding.makeDecoder(mode: .strict)
        let original = try decoder.decode(JSONValue.self, from: data)
        let value = try decoder.decode(T.self, from: data)
        let encoded = try decoder.decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
        return (original, encoded)
    }
}

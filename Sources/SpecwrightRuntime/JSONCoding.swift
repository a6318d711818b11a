import Foundation

/// The JSON encoder and decoder of every generated client: no key strategy (generated types spell their
/// keys as literals) and sorted keys, so request bodies are byte-for-byte stable.
public enum JSONCoding {
    /// The encoder request bodies go through.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// The decoder responses go through: the runtime's own (see `TreeJSONDecoder` for how it differs from
    /// Foundation's `JSONDecoder`, which generated types also work with).
    public static func makeDecoder() -> TreeJSONDecoder { TreeJSONDecoder() }

    /// The decoder responses go through, decoding in `mode`.
    public static func makeDecoder(mode: DecodingMode) -> TreeJSONDecoder { TreeJSONDecoder(mode: mode) }

    /// A request body for `value`.
    ///
    /// - Throws: `APIError` of kind `.invalidArgument(name: "body", ...)` when the value cannot be encoded
    ///   (a non-finite number, for instance), so callers see one error type.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        do {
            return try makeEncoder().encode(value)
        } catch {
            throw APIError(kind: .invalidArgument(name: "body", reason: String(describing: error)))
        }
    }
}

import Foundation

/// Reading a node as a Swift scalar, with the conversions and errors of Foundation's `JSONDecoder`: numbers
/// read into integers only when exact (`1.0` is an `Int`, `1.5` and `300` as `Int8` are not), `null` for a
/// non-optional value is `valueNotFound`, any other wrong kind `typeMismatch`.
///
/// `path` is evaluated only to build an error, so a successful read never assembles a coding path.
extension JSONNode {
    func bool(_ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        if case .bool(let value) = self { return value }
        throw mismatch(Bool.self, path())
    }

    func string(_ path: @autoclosure () -> [any CodingKey]) throws -> String {
        if case .string(let value) = self { return value }
        throw mismatch(String.self, path())
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        guard case .number(let text) = self else { throw mismatch(T.self, path()) }
        if let value = T(text) { return value }
        // A fraction or an exponent (`1.0`, `2e3`), or out of range: exact values only.
        if let double = Double(text), let value = T(exactly: double) { return value }
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: path(), debugDescription: "Parsed JSON number <\(text)> does not fit in \(T.self)."))
    }

    func double(_ path: @autoclosure () -> [any CodingKey]) throws -> Double {
        guard case .number(let text) = self else { throw mismatch(Double.self, path()) }
        guard let value = Double(text), value.isFinite else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(), debugDescription: "Parsed JSON number <\(text)> does not fit in Double."))
        }
        return value
    }

    func float(_ path: @autoclosure () -> [any CodingKey]) throws -> Float {
        let value = try double(path())
        guard value.magnitude <= Double(Float.greatestFiniteMagnitude) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path(), debugDescription: "Parsed JSON number <\(value)> does not fit in Float."))
        }
        return Float(value)
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The error for reading this node as `type` when it holds another kind of value.
    func mismatch(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        if isNull {
            return .valueNotFound(type, DecodingError.Context(
                codingPath: path, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return .typeMismatch(type, DecodingError.Context(
            codingPath: path, debugDescription: "Expected to decode \(type) but found \(kindDescription) instead."))
    }
}

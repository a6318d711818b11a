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
        if let value = T(text) ?? Self.exactInteger(text, as: T.self) { return value }
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: path(), debugDescription: "Parsed JSON number <\(text)> does not fit in \(T.self)."))
    }

    /// The integer a number literal with a fraction or an exponent stands for, computed exactly
    /// (`900719925474099E3` is 900719925474099000, which a `Double` cannot hold); nil when it is not an
    /// integer or does not fit `T`.
    static func exactInteger<T: FixedWidthInteger>(_ text: String, as type: T.Type) -> T? {
        var utf8 = Substring(text).utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        var digits: [UInt8] = []
        var exponent = 0
        var inFraction = false
        while let byte = utf8.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: ".") { inFraction = true; continue }
            digits.append(byte - UInt8(ascii: "0"))
            if inFraction { exponent -= 1 }
        }
        if !utf8.isEmpty {  // the exponent, after `e`
            guard let value = Int(String(Substring(utf8.dropFirst()))), value.magnitude < 1_000 else { return nil }
            exponent += value
        }
        while digits.last == 0, digits.count > 1 { digits.removeLast(); exponent += 1 }
        if digits.allSatisfy({ $0 == 0 }) { return 0 }
        guard exponent >= 0 else { return nil }  // a fraction remains
        var magnitude: UInt64 = 0
        for digit in digits + Array(repeating: 0, count: exponent) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if !negative { return T(exactly: magnitude) }
        guard T.isSigned else { return nil }
        if let positive = T(exactly: magnitude) { return 0 - positive }
        return magnitude == UInt64(T.max) + 1 ? T.min : nil  // T.min has no positive counterpart
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

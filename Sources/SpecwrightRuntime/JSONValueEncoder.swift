import Foundation

extension JSONValue {
    /// The JSON `value` encodes to, built as a tree without writing text.
    ///
    /// Values are encoded as `JSONCoding.makeEncoder()` would write them (`Data` as Base64, `URL` as its
    /// absolute string, `Decimal` as a number, `Date` and everything else as their own `Encodable` says),
    /// except that a non-finite number is kept as a `.number` rather than refused: no text is written, so
    /// nothing needs refusing. A value that encodes nothing at all becomes an empty object, as with
    /// `JSONEncoder`.
    public init<T: Encodable>(encoding value: T) throws {
        self = try JSONValueEncoder.encode(value, codingPath: []).resolved
    }
}

/// What an encoder has written so far. Objects and arrays are boxes so that a container handed out earlier
/// keeps writing into the same place; `deferred` is a `superEncoder` whose value is read at the end.
enum EncodedContent {
    case value(JSONValue)
    case object(ObjectBox)
    case array(ArrayBox)
    case deferred(JSONValueEncoder)

    var resolved: JSONValue {
        switch self {
        case .value(let value): value
        case .object(let box): .object(box.members.mapValues(\.resolved))
        case .array(let box): .array(box.elements.map(\.resolved))
        case .deferred(let encoder): encoder.content?.resolved ?? .object([:])
        }
    }
}

final class ObjectBox {
    var members: [String: EncodedContent] = [:]
}

final class ArrayBox {
    var elements: [EncodedContent] = []
}

/// The `Encoder` behind `JSONValue(encoding:)`.
final class JSONValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var content: EncodedContent?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    /// The content of one value, with fast paths for the values that need no encoder of their own.
    static func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> EncodedContent {
        switch value {
        case let json as JSONValue: return .value(json)
        case let string as String: return .value(.string(string))
        case let integer as Int: return .value(.integer(integer))
        case let bool as Bool: return .value(.bool(bool))
        case let number as Double: return .value(.number(number))
        case let data as Data: return .value(.string(data.base64EncodedString()))
        case let url as URL: return .value(.string(url.absoluteString))
        case let decimal as Decimal: return .value(.number(NSDecimalNumber(decimal: decimal).doubleValue))
        default:
            let encoder = JSONValueEncoder(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.content ?? .object(ObjectBox())
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = content {
            box = existing
        } else {
            box = ObjectBox()
            content = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = content {
            box = existing
        } else {
            box = ArrayBox()
            content = .array(box)
        }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }
}

extension JSONValueEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { content = .value(.null) }
    func encode(_ value: Bool) throws { content = .value(.bool(value)) }
    func encode(_ value: String) throws { content = .value(.string(value)) }
    func encode(_ value: Double) throws { content = .value(.number(value)) }
    func encode(_ value: Float) throws { content = .value(.number(Double(value))) }
    func encode(_ value: Int) throws { content = .value(.integer(value)) }
    func encode(_ value: Int8) throws { content = .value(.integer(Int(value))) }
    func encode(_ value: Int16) throws { content = .value(.integer(Int(value))) }
    func encode(_ value: Int32) throws { content = .value(.integer(Int(value))) }
    func encode(_ value: Int64) throws { content = .value(.integer(Int(value))) }
    func encode(_ value: UInt) throws { content = .value(Self.unsigned(UInt64(value))) }
    func encode(_ value: UInt8) throws { content = .value(.integer(Int(value))) }
    func encode(_ value: UInt16) throws { content = .value(.integer(Int(value))) }
    func encode(_ value: UInt32) throws { content = .value(.integer(Int(value))) }
    func encode(_ value: UInt64) throws { content = .value(Self.unsigned(value)) }
    func encode<T: Encodable>(_ value: T) throws { content = try Self.encode(value, codingPath: codingPath) }

    /// An unsigned integer beyond `Int.max` has no `.integer`; it is kept as the number it is.
    static func unsigned(_ value: UInt64) -> JSONValue {
        Int(exactly: value).map(JSONValue.integer) ?? .number(Double(value))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [any CodingKey]

    private func put(_ value: JSONValue, _ key: Key) { box.members[key.stringValue] = .value(value) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(.number(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(JSONValueEncoder.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(JSONValueEncoder.unsigned(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.members[key.stringValue] = try JSONValueEncoder.encode(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.members[key.stringValue] = .object(nested)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        box.members[key.stringValue] = .array(nested)
        return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: AnyCodingKey("super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let encoder = JSONValueEncoder(codingPath: codingPath + [key])
        box.members[key.stringValue] = .deferred(encoder)
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    private var nextKey: any CodingKey { AnyCodingKey(count) }

    mutating func encodeNil() throws { box.elements.append(.value(.null)) }
    mutating func encode(_ value: Bool) throws { box.elements.append(.value(.bool(value))) }
    mutating func encode(_ value: String) throws { box.elements.append(.value(.string(value))) }
    mutating func encode(_ value: Double) throws { box.elements.append(.value(.number(value))) }
    mutating func encode(_ value: Int) throws { box.elements.append(.value(.integer(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.elements.append(try JSONValueEncoder.encode(value, codingPath: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        let path = codingPath + [nextKey]
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        let path = codingPath + [nextKey]
        box.elements.append(.array(nested))
        return UnkeyedContainer(box: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = JSONValueEncoder(codingPath: codingPath + [nextKey])
        box.elements.append(.deferred(encoder))
        return encoder
    }
}

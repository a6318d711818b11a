import Foundation

/// The members of one JSON object, looked up by name. Of duplicate names the first wins, as in Foundation's
/// decoder.
///
/// A generated type looks up each of its few members once, for which scanning the members beats hashing
/// them; an object with many members (a map decoded as `[String: T]`, which reads every member) gets an
/// index, so that reading all of them stays linear.
struct TreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TreeDecoder
    let members: [JSONMember]
    private let positions: [String: Int]?

    static var indexThreshold: Int { 16 }

    init(decoder: TreeDecoder, members: [JSONMember]) {
        self.decoder = decoder
        self.members = members
        if members.count > Self.indexThreshold {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(members.count)
            for (position, member) in members.enumerated() where positions[member.name] == nil {
                positions[member.name] = position
            }
            self.positions = positions
        } else {
            self.positions = nil
        }
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        var seen: Set<String> = []
        return members.filter { seen.insert($0.name).inserted }.compactMap { Key(stringValue: $0.name) }
    }

    func contains(_ key: Key) -> Bool { member(key.stringValue) != nil }

    private func member(_ name: String) -> JSONNode? {
        if let positions { return positions[name].map { members[$0].value } }
        for member in members where member.name == name { return member.value }
        return nil
    }

    private func node(_ key: Key) throws -> JSONNode {
        if let node = member(key.stringValue) { return node }
        throw DecodingError.keyNotFound(key, DecodingError.Context(
            codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try node(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try node(key).bool(path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try node(key).string(path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try node(key).double(path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try node(key).float(path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try node(key).integer(Int.self, path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try node(key).integer(Int8.self, path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try node(key).integer(Int16.self, path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try node(key).integer(Int32.self, path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try node(key).integer(Int64.self, path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try node(key).integer(UInt.self, path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try node(key).integer(UInt8.self, path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try node(key).integer(UInt16.self, path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try node(key).integer(UInt32.self, path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try node(key).integer(UInt64.self, path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(try node(key), key: key).decodeValue(T.self)
    }

    // One lookup for absent and null alike, where the protocol's defaults take up to three.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let node = member(key.stringValue), !node.isNull else { return nil }
        return try node.bool(path(key))
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let node = member(key.stringValue), !node.isNull else { return nil }
        return try node.string(path(key))
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let node = member(key.stringValue), !node.isNull else { return nil }
        return try node.double(path(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let node = member(key.stringValue), !node.isNull else { return nil }
        return try node.integer(Int.self, path(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = member(key.stringValue), !node.isNull else { return nil }
        return try decoder.child(node, key: key).decodeValue(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try node(key), key: key).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try node(key), key: key).unkeyedContainer()
    }

    /// A decoder for the member `super`, or for `null` when there is none, as in Foundation's decoder.
    func superDecoder() throws -> any Decoder {
        decoder.child(member("super") ?? .null, key: SuperKey())
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(member(key.stringValue) ?? .null, key: key)
    }
}

/// The key `superDecoder()` reads, `"super"`.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// The elements of one JSON array, read in order.
struct TreeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TreeDecoder
    let elements: [JSONNode]
    private(set) var currentIndex = 0

    init(decoder: TreeDecoder, elements: [JSONNode]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private var path: [any CodingKey] { codingPath + [IndexKey(currentIndex)] }

    /// The current element, which a successful read then steps over.
    private func current(_ type: Any.Type) throws -> JSONNode {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        return elements[currentIndex]
    }

    /// The current element converted by `convert`, which gets the element and its coding path (to build
    /// errors only); a successful read steps over the element.
    private mutating func read<T>(_ type: T.Type, _ convert: (JSONNode, () -> [any CodingKey]) throws -> T) throws -> T {
        let node = try current(T.self)
        let (decoder, index) = (self.decoder, currentIndex)
        let value = try convert(node) { decoder.codingPath + [IndexKey(index)] }
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Never.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try $0.bool($1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try $0.string($1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try $0.double($1()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try $0.float($1()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) { try $0.integer(type, $1()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) { try $0.integer(type, $1()) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try elementDecoder(T.self).decodeValue(T.self)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try elementDecoder(KeyedDecodingContainer<NestedKey>.self).container(keyedBy: NestedKey.self)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try elementDecoder((any UnkeyedDecodingContainer).self).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try elementDecoder((any Decoder).self)
        currentIndex += 1
        return decoder
    }

    /// A decoder for the current element, to be read as `type`.
    private func elementDecoder(_ type: Any.Type) throws -> TreeDecoder {
        TreeDecoder(node: try current(type), parent: decoder, step: .index(currentIndex))
    }
}

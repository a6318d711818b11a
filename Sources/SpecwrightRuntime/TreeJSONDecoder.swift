import Foundation

/// The JSON decoder of generated clients: parses the whole document into a tree first (`JSONParser`), then
/// decodes `Decodable` types from it.
///
/// It reads JSON as Foundation's `JSONDecoder` does with its default strategies (`Data` from Base64, `URL`
/// from a string, `Date` as its own `Codable` says, integers only from exact numbers) and throws the same
/// `DecodingError`s with the same coding paths. What it adds is speed for generated types: their
/// `additionalProperties` come straight from the tree (`decodeUndocumented(in:)`) instead of listing the
/// members through `allKeys`, and `JSONValue` is copied from the tree without trial decoding.
public struct TreeJSONDecoder: Sendable {
    /// Handed to every `Decoder` as its `userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]
    /// Whether generated types tolerate members that disagree with the docs (the default) or throw.
    public var mode: DecodingMode

    public init(mode: DecodingMode = .tolerant) {
        self.mode = mode
    }

    /// The `T` that `data` holds.
    ///
    /// - Throws: `DecodingError.dataCorrupted` with an underlying `JSONSyntaxError` when `data` is not JSON,
    ///   other `DecodingError`s when it does not fit `T`.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decodeReportingIssues(T.self, from: data).value
    }

    /// The `T` that `data` holds and the places where it disagreed with the docs (always empty in `.strict`
    /// mode, which throws instead).
    public func decodeReportingIssues<T: Decodable>(_ type: T.Type, from data: Data) throws -> (value: T, issues: [DecodingIssue]) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: [], debugDescription: "The given data was not valid JSON: \(error)", underlyingError: error))
        }
        let context = DecodingContext(mode: mode, userInfo: userInfo)
        let value = try TreeDecoder(node: root, context: context).decodeValue(T.self)
        return (value, context.issues)
    }
}

/// The decoder over one node of the tree; its single value container is itself.
///
/// Its coding path is kept as a link to its parent and the key or index it was reached by, and assembled
/// only when asked for (in errors, mostly): decoding builds no arrays of keys.
final class TreeDecoder: Decoder, SingleValueDecodingContainer {
    let node: JSONNode
    let parent: TreeDecoder?
    let step: PathStep?
    /// What the whole decoding shares: its mode, user info and the issues found so far.
    let context: DecodingContext
    /// The members of this object that did not fit its type, kept by a tolerant `MemberDecodingContainer`.
    /// (Unchecked exclusivity, here and in `DecodingContext`: one decoding is one thread's, and the checks
    /// cost a runtime call per access.)
    @exclusivity(unchecked) var kept: [String: KeptMember] = [:]
    /// How many issues the decoding had found when this decoder was made: those after it are its node's.
    let firstIssue: Int

    enum PathStep {
        case key(any CodingKey)
        case index(Int)
    }

    init(node: JSONNode, context: DecodingContext) {
        self.node = node
        self.parent = nil
        self.step = nil
        self.context = context
        self.firstIssue = 0
    }

    init(node: JSONNode, parent: TreeDecoder, step: PathStep) {
        self.node = node
        self.parent = parent
        self.step = step
        self.context = parent.context
        self.firstIssue = parent.context.issues.count
    }

    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

    var codingPath: [any CodingKey] {
        var steps: [any CodingKey] = []
        var decoder: TreeDecoder? = self
        while let current = decoder, let step = current.step {
            switch step {
            case .key(let key): steps.append(key)
            case .index(let index): steps.append(IndexKey(index))
            }
            decoder = current.parent
        }
        return steps.reversed()
    }

    /// A decoder for `node`, reached from this one by `key`.
    func child(_ node: JSONNode, key: any CodingKey) -> TreeDecoder { TreeDecoder(node: node, parent: self, step: .key(key)) }

    /// The value of this node as `T`, with the types Foundation's `JSONDecoder` treats specially.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == URL.self {
            guard let url = URL(string: try node.string(self.codingPath)) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "Invalid URL string."))
            }
            return url as! T
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try node.string(self.codingPath)) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "Encountered Data is not valid Base64."))
            }
            return data as! T
        }
        if T.self == Decimal.self {
            guard case .number(let text) = node, let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw node.mismatch(Decimal.self, codingPath)
            }
            return decimal as! T
        }
        return try T(from: self)
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node else {
            throw node.mismatch([String: Any].self, codingPath)
        }
        return KeyedDecodingContainer(TreeKeyedContainer<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = node else {
            throw node.mismatch([Any].self, codingPath)
        }
        return TreeUnkeyedContainer(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { node.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try node.bool(self.codingPath) }
    func decode(_ type: String.Type) throws -> String { try node.string(self.codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try node.double(self.codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try node.float(self.codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try node.integer(Int.self, self.codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try node.integer(Int8.self, self.codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try node.integer(Int16.self, self.codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try node.integer(Int32.self, self.codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try node.integer(Int64.self, self.codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try node.integer(UInt.self, self.codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try node.integer(UInt8.self, self.codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try node.integer(UInt16.self, self.codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try node.integer(UInt32.self, self.codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try node.integer(UInt64.self, self.codingPath) }
    /// The generic single value read, which is how union types try their variants: strictly, so that a
    /// variant that does not fit fails and the next is tried (see TolerantDecoding.swift).
    /// What a trial that fails found is forgotten with it.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        context.strictTrials += 1
        defer { context.strictTrials -= 1 }
        let issues = context.issues.count, otherMembers = context.otherMembers.count
        do {
            return try decodeValue(T.self)
        } catch {
            if context.issues.count > issues { context.issues.removeSubrange(issues...) }
            if context.otherMembers.count > otherMembers { context.otherMembers.removeSubrange(otherMembers...) }
            throw error
        }
    }
}

/// The coding key of an array element in a coding path, as Foundation's decoder spells it.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// What one decoding shares across its decoders (a class: decoding a document is one thread's work).
final class DecodingContext {
    let mode: DecodingMode
    let userInfo: [CodingUserInfoKey: any Sendable]
    /// The issues found so far, in document order.
    @exclusivity(unchecked) var issues: [DecodingIssue] = []
    /// How many union variant trials are under way: inside one, decoding is strict (see TolerantDecoding.swift).
    @exclusivity(unchecked) var strictTrials = 0
    /// Union values holding members their case does not list, waiting for the object whose member they are
    /// to keep them (see UndocumentedValues.swift).
    @exclusivity(unchecked) var otherMembers: [OtherMembers] = []

    init(mode: DecodingMode, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.mode = mode
        self.userInfo = userInfo
    }
}

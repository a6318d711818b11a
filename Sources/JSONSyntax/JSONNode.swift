/// A JSON value together with where it starts in its text, as the lint needs to point at the offending
/// line inside a documentation example. `value` drops the positions.
public struct JSONNode: Sendable {
    public indirect enum Content: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    public struct Member: Sendable {
        public var key: String
        /// Position of the key's opening quote.
        public var line: Int
        public var column: Int
        public var value: JSONNode
    }

    public var content: Content
    /// 1-based line and column (in UTF-8 bytes) of the value's first character.
    public var line: Int
    public var column: Int

    /// The plain value, without positions.
    public var value: JSONValue {
        switch content {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.value))
        case .object(let members): .object(members.map { JSONValue.Member($0.key, $0.value.value) })
        }
    }
}

/// Why a text is not JSON, and where (1-based line and column within the text).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(line):\(column): \(message)" }
}

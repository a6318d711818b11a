/// A coding key made from any string or index, for containers whose keys are not known in advance:
/// unknown object members, and JSON paths in error messages.
public struct AnyCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The key's name; for an index key, the index written in decimal.
    public var stringValue: String
    /// The index, for a key that addresses an array element.
    public var intValue: Int?

    /// A key named `string`.
    @inlinable
    public init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    /// A key for the array element at `index`.
    @inlinable
    public init(_ index: Int) {
        self.stringValue = String(index)
        self.intValue = index
    }

    /// A key named `stringValue`; never fails.
    @inlinable
    public init?(stringValue: String) { self.init(stringValue) }
    /// A key for the array element at `intValue`; never fails.
    @inlinable
    public init?(intValue: Int) { self.init(intValue) }
    /// A key named by a string literal.
    @inlinable
    public init(stringLiteral value: String) { self.init(value) }
}

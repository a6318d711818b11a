/// A value that may be JSON `null`.
///
/// Generated code uses `Nullable<T>?` for a field that is both optional and nullable, so the three states
/// the docs distinguish stay distinct: `nil` (key absent), `.null` (key present with `null`) and
/// `.value(x)`. Decode and encode such fields with `decodeNullable(_:forKey:)` and
/// `encodeNullable(_:forKey:)`: the synthesized `decodeIfPresent` would turn `null` into `nil`.
///
/// Note: in a `Nullable<T>?` context the literal `nil` means "absent"; write `.null` (or
/// `.some(nil)`) for an explicit `null`.
public enum Nullable<Wrapped> {
    /// JSON `null`.
    case null
    /// A present value. Stored out of line (`indirect`), so that `Nullable<T>?` is one pointer whatever `T`
    /// is: a struct with such fields stays small to copy, and its copy and equality code small to compile.
    indirect case value(Wrapped)

    /// Wraps an optional: `nil` becomes `.null`.
    public init(_ optional: Wrapped?) {
        if let optional { self = .value(optional) } else { self = .null }
    }

    /// The value, or `nil` for `.null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Transforms the value, keeping `.null`.
    public func map<T>(_ transform: (Wrapped) throws -> T) rethrows -> Nullable<T> {
        switch self {
        case .null: return .null
        case .value(let wrapped): return .value(try transform(wrapped))
        }
    }
}

extension Nullable: ExpressibleByNilLiteral {
    /// The `nil` literal is `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Decodable where Wrapped: Decodable {
    /// `null` decodes as `.null`, anything else as `.value`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else {
            self = .value(try container.decode(Wrapped.self))
        }
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    /// `.null` encodes as `null`, `.value` as the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}

extension Nullable: CustomStringConvertible {
    /// `null`, or the value's description.
    public var description: String {
        switch self {
        case .null: return "null"
        case .value(let wrapped): return String(describing: wrapped)
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes an optional, nullable field: `nil` when the key is absent, `.null` when it holds `null`.
    /// Inlinable, so that generated code gets it specialized for its field types.
    @inlinable
    public func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// Encodes an optional, nullable field: omits the key for `nil`, writes `null` for `.null`.
    @inlinable
    public mutating func encodeNullable<T: Encodable>(_ value: Nullable<T>?, forKey key: Key) throws {
        switch value {
        case nil: break
        case .null?: try encodeNil(forKey: key)
        case .value(let wrapped)?: try encode(wrapped, forKey: key)
        }
    }
}

/// A string-backed enum that keeps values the docs do not list.
///
/// APIs add enum values over time; a closed Swift enum would then fail to decode a whole response. Generated
/// enums conform to this protocol and have a `case unknown(String)` that `init(rawValue:)` falls back to,
/// so a new value decodes, prints and re-encodes unchanged.
///
/// Conforming types get `Codable` (a single string), `description` (the raw value), and `==` and hashing by
/// raw value from the extension.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// The case for `rawValue`; a value the docs do not list becomes `unknown(rawValue)`. Never fails.
    init(rawValue: String)

    /// Whether the docs list this value: false for `unknown`.
    var isDocumented: Bool { get }
}

extension OpenEnum {
    /// Decodes a JSON string; any string is accepted, and one the docs do not list is reported when decoding
    /// tolerantly (UndocumentedValues.swift).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
        if !isDocumented { reportUndocumentedValue(self, of: decoder) }
    }

    /// Encodes the raw value as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the docs list this value, found by reflection: for an enum whose template does not say so
    /// (generated ones do, with a `switch`; this default is only correct for a `case unknown(String)`).
    public var isDocumented: Bool { Mirror(reflecting: self).children.first?.label != "unknown" }

    /// The raw value, as the API spells it.
    public var description: String { rawValue }

    /// Equal when the raw values are: `.unknown("x")` built by hand equals the case that `"x"` decodes to,
    /// as the JSON of both is the same. (Written here, it also spares every enum a derived `==`.)
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// What the compiler would otherwise synthesize for every conforming enum, written once.
    public var hashValue: Int { rawValue.hashValue }
}

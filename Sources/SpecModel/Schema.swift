import JSONSyntax

/// The shape of a value as the docs describe it.
///
/// A field `(string | null, required)` is a `.string` schema with `nullable` set; whether the key may be
/// absent is a property of the field (`Property.required`), not of the schema.
public struct Schema: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case string, integer, number, boolean
        /// An object. `properties == nil` means an open object: the docs list no fields (`metadata`).
        case object
        case array
        /// One of `variants`.
        case union
        /// Unknown: the docs cut the schema (`- ...`) or gave an array of objects without `Items:`.
        case any
    }

    public var kind: Kind
    /// The value may be JSON `null` (`| null` in the type expression).
    public var nullable: Bool
    /// The values `Enum:` lists, in the docs' order. Strings for string enums, numbers for `Enum: 24000.`.
    public var enumValues: [JSONValue]?
    /// The value `Default:` gives, typed after the schema (`20` for an integer, `true` for `True`).
    public var defaultValue: JSONValue?
    /// The description ends with `Deprecated.`.
    public var deprecated: Bool
    /// Markdown text of the description, without the fact sentences the model holds separately.
    public var description: String?
    /// Object fields in document order; nil for an open object or a non-object.
    public var properties: [Property]?
    /// The element schema of an array.
    public var items: Box<Schema>?
    /// The alternatives of a union, in document order.
    public var variants: [Schema]?
    /// Bounds the docs state with the `Minimum:`/`Maximum:` extension sentences.
    public var constraints: Constraints
    /// The docs cut the schema here (`- ...`): more fields exist than are listed.
    public var truncated: Bool
    /// The string is a file's bytes, not text: a file part of a `multipart/form-data` body (the format writes
    /// files as `(string)` and says so in the description; see `FileFields`).
    public var isFile: Bool = false
    /// The facts of this schema that differ from what the docs write, and why (see `Correction`).
    public var corrections: [Correction] = []
    /// `nullable` is set because the member's description says it can be `null` (`Will be `null` if ...`),
    /// where its type line says it cannot: the docs as written say non-null (see `NullableInProse`).
    public var nullableFromDescription: Bool {
        get { corrections.contains { $0.fact == .nullable && $0.origin == .description } }
        // Settable as it was when it was a stored flag: marks (or unmarks) the correction, at the schema's place.
        set {
            corrections.removeAll { $0.fact == .nullable && $0.origin == .description }
            if newValue { corrections.append(Correction(.nullable, from: .description, at: location, documentedFlag: false)) }
        }
    }

    /// The correction of `fact`, if any.
    public func correction(of fact: Correction.Fact) -> Correction? {
        corrections.last { $0.fact == fact }
    }
    /// Where the schema is written (the field line, marker or media-type heading).
    public var location: SourceLocation

    public init(
        _ kind: Kind,
        nullable: Bool = false,
        location: SourceLocation,
        properties: [Property]? = nil,
        items: Schema? = nil,
        variants: [Schema]? = nil
    ) {
        self.kind = kind
        self.nullable = nullable
        self.enumValues = nil
        self.defaultValue = nil
        self.deprecated = false
        self.description = nil
        self.properties = properties
        self.items = items.map(Box.init)
        self.variants = variants
        self.constraints = Constraints()
        self.truncated = false
        self.location = location
    }

    /// The element schema, unboxed.
    public var itemSchema: Schema? { items?.value }

    /// The single value of a one-value enum: the constant that a discriminator such as `type` always has.
    public var constantValue: JSONValue? {
        guard let enumValues, enumValues.count == 1 else { return nil }
        return enumValues[0]
    }

    /// The property called `name`, if this is an object that lists it.
    public func property(named name: String) -> Property? {
        properties?.first { $0.name == name }
    }
}

/// A named field of an object schema.
public struct Property: Sendable, Hashable {
    /// The JSON key, as written in the docs.
    public var name: String
    /// The key must be present (`required`); otherwise it may be absent (`optional`).
    public var required: Bool
    public var schema: Schema
    public var location: SourceLocation
    /// `required` or `name` differ from what the docs write, and why (see `Correction`).
    public var corrections: [Correction] = []

    public init(name: String, required: Bool, schema: Schema, location: SourceLocation) {
        self.name = name
        self.required = required
        self.schema = schema
        self.location = location
    }

    /// The correction of `fact`, if any.
    public func correction(of fact: Correction.Fact) -> Correction? {
        corrections.last { $0.fact == fact }
    }
}

/// Numeric and length bounds a description states.
public struct Constraints: Sendable, Hashable {
    public var minimum: Double?
    public var maximum: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var minItems: Int?
    public var maxItems: Int?

    public init() {}

    public var isEmpty: Bool { self == Constraints() }
}

/// Indirection for recursive value types (`Schema.items`).
public final class Box<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value

    public init(_ value: Value) { self.value = value }

    public static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

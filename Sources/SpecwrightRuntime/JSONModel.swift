/// What every generated object and union type conforms to: `Codable`, `Hashable` and `Sendable`, with
/// equality and hashing defined on the JSON the value stands for.
///
/// Two values are equal when they encode to equal JSON (`JSONValue(encoding:)`: key order does not matter,
/// numbers compare by value, undocumented members count like documented ones), and hashing agrees. For a
/// type that exists to carry an API's JSON that is the equality that matters, and it is why the generated
/// types need no `==` and `hash(into:)` of their own: the compiler's derived ones, one per type and a
/// comparison per member, were a fifth of the build time of a large generated module. Comparing or hashing
/// costs an encoding to a tree (no text is written), which is fine for tests, caches and change detection;
/// a hot loop keyed by large models is better keyed by their `id`.
public protocol JSONModel: Codable, Hashable, Sendable {}

extension JSONModel {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.encodedJSON == rhs.encodedJSON
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(encodedJSON)
    }

    /// What the compiler would otherwise synthesize for every conforming type, written once.
    public var hashValue: Int {
        var hasher = Hasher()
        hash(into: &hasher)
        return hasher.finalize()
    }

    /// The JSON this value stands for, or nil when its encoding throws (a custom member type that refuses
    /// to encode): such values equal one another, which keeps `==` reflexive.
    private var encodedJSON: JSONValue? {
        try? JSONValue(encoding: self)
    }
}

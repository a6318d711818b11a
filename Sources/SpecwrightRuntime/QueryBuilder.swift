/// Builds an endpoint's query from optional parameters: `nil` values are left out, the rest rendered as
/// the API expects (`true`/`false`, decimal numbers, enum raw values). Percent-encoding happens when the
/// client builds the URL, so items hold plain text.
public struct QueryBuilder: Sendable {
    /// The parameters added so far, in order.
    public var items: [QueryItem] = []

    /// An empty query.
    public init() {}

    /// Adds a string parameter unless it is `nil`.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { items.append(QueryItem(name: name, value: value)) }
    }

    /// Adds an integer parameter unless it is `nil`.
    public mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map { String($0) })
    }

    /// Adds a number parameter unless it is `nil`; integral values print without a fraction (`2`, not `2.0`).
    public mutating func add(_ name: String, _ value: Double?) {
        guard let value else { return }
        if let integral = Int(exactly: value) { add(name, String(integral)) } else { add(name, String(value)) }
    }

    /// Adds a boolean parameter (`true` / `false`) unless it is `nil`.
    public mutating func add(_ name: String, _ value: Bool?) {
        add(name, value.map { $0 ? "true" : "false" })
    }

    /// Adds an enum parameter (its raw value) unless it is `nil`.
    public mutating func add<E: OpenEnum>(_ name: String, _ value: E?) {
        add(name, value?.rawValue)
    }

    /// Adds one `name=value` pair per element (for array parameters such as `include[]`) unless it is `nil`.
    public mutating func add(_ name: String, _ values: [String]?) {
        for value in values ?? [] { add(name, value) }
    }
}

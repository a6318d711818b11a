/// A fact generation uses in place of what the docs write, and what says so: the member's own description
/// (`Will be null if ...`), a JSON example of the page, or an entry of an overlay a maintainer wrote (`Overlay`).
///
/// The model holds the corrected fact (`Schema.nullable`, `Property.required`, ...), so that every later
/// stage uses it without knowing where it came from; the correction keeps what the docs wrote, so that the
/// IR can print the docs as written and say what was corrected (`IRJSON`).
public struct Correction: Sendable, Hashable {
    public enum Fact: String, Sendable, Hashable {
        /// `Schema.nullable`.
        case nullable
        /// `Property.required`.
        case required
        /// The schema's type: its kind and what it holds (fields, items, variants).
        case type
        /// `Schema.items`, given by a schema elsewhere.
        case items
        /// `Property.name`: the JSON name the API uses.
        case name
    }

    public enum Origin: String, Sendable, Hashable {
        /// The member's own description (`NullableInProse`).
        case description
        /// A JSON example of the same page that shows the member otherwise (`NullableInExamples`).
        case example
        /// The same schema given with more of it elsewhere, where the docs cut it (`- ...`;
        /// `TruncatedSchemaCompletion`).
        case completion
        /// An overlay's entry (`OverlayApplication`).
        case overlay
    }

    public var fact: Fact
    public var origin: Origin
    /// Where the statement that corrects is: the member's line, or the overlay's entry.
    public var source: SourceLocation
    /// What the docs wrote, for the facts held as a whole schema (`type`: the schema; `items`: the element
    /// schema, nil when the docs gave none).
    public var documentedSchema: Box<Schema>?
    /// What the docs wrote, for `name`.
    public var documentedName: String?
    /// What the docs wrote, for `nullable` and `required`: a later correction may set the fact back to it.
    public var documentedFlag: Bool?

    public init(_ fact: Fact, from origin: Origin, at source: SourceLocation,
                documentedSchema: Schema? = nil, documentedName: String? = nil, documentedFlag: Bool? = nil) {
        self.fact = fact
        self.origin = origin
        self.source = source
        self.documentedSchema = documentedSchema.map(Box.init)
        self.documentedName = documentedName
        self.documentedFlag = documentedFlag
    }
}

extension APISpec {
    /// Every correction of the model, in page order: of schemas at every depth and of their members.
    public var corrections: [Correction] {
        var found: [Correction] = []
        func visit(_ schema: Schema) {
            found += schema.corrections
            for property in schema.properties ?? [] {
                found += property.corrections
                visit(property.schema)
            }
            if let items = schema.itemSchema { visit(items) }
            for variant in schema.variants ?? [] { visit(variant) }
        }
        for endpoint in endpoints {
            for parameter in endpoint.parameters {
                found += parameter.corrections
                visit(parameter.schema)
            }
            endpoint.requestBodies.forEach { visit($0.schema) }
            endpoint.responses.compactMap(\.schema).forEach(visit)
        }
        objects.forEach { visit($0.schema) }
        return found
    }
}

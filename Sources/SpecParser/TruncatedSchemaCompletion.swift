import SpecModel

/// Fills in schemas the docs cut (`- ...`) from the same schema given in full elsewhere.
///
/// The renderer of the reference cuts deep schemas: the list endpoint of audit logs lists every field of a log
/// but cuts `certificates` three levels down, while the audit log object page gives it whole. Left alone, the
/// list would get a type of its own with `JSONValue` where the cut was; completed, it returns the object page's
/// type, as a hand-written SDK would, and the module declares (and compiles) the log once.
///
/// A cut schema is completed from an object schema, on any page, that agrees with it everywhere it is known
/// and knows more: the same field names (or, where the object itself is cut, a superset), the same required
/// flags, nullability, kinds, enums and element and variant shapes, with any shape standing in for a cut
/// part. The other may itself be cut deeper down (the chat completions list cuts `choices[].message` whole;
/// `chat/create.md` gives it, with its `annotations` items cut): what it knows is taken, and its own cuts are
/// completed in turn where something else knows them. It is completed only when the schemas that agree are
/// one structure, or each knows all another does (the one that knows most is taken), and only from objects
/// of two or more known fields, so that a small shape (`{id}`) never borrows an unrelated page's fields. The
/// outermost cut object is tried first; one that finds no match has its fields tried instead. The field's
/// own description and location stay; the completed parts keep those of the page that gives them. Each
/// completion is recorded as a `Correction` of the type from `.completion`, at the place it came from.
public enum TruncatedSchemaCompletion {
    /// `spec` with every cut schema that can be completed, completed.
    public static func complete(_ spec: APISpec) -> APISpec {
        var index = CompleteObjects()
        for object in spec.objects { index.collect(object.schema) }
        for endpoint in spec.endpoints {
            for parameter in endpoint.parameters { index.collect(parameter.schema) }
            for body in endpoint.requestBodies { index.collect(body.schema) }
            for response in endpoint.responses { if let schema = response.schema { index.collect(schema) } }
        }
        guard index.hasCandidates else { return spec }
        index.finish()
        var spec = spec
        for i in spec.objects.indices { index.complete(&spec.objects[i].schema) }
        for e in spec.endpoints.indices {
            for p in spec.endpoints[e].parameters.indices { index.complete(&spec.endpoints[e].parameters[p].schema) }
            for b in spec.endpoints[e].requestBodies.indices { index.complete(&spec.endpoints[e].requestBodies[b].schema) }
            for r in spec.endpoints[e].responses.indices where spec.endpoints[e].responses[r].schema != nil {
                index.complete(&spec.endpoints[e].responses[r].schema!)
            }
        }
        return spec
    }
}

/// The complete object schemas of the model, by their field names.
private struct CompleteObjects {
    private var byNames: [String: [Schema]] = [:]
    /// Every indexed object with its field names, in index order, for the superset search; made on first use.
    private var all: [(names: Set<String>, schema: Schema)] = []

    var hasCandidates: Bool { !byNames.isEmpty }

    /// Makes the list the superset search goes through (sorted by key, so that the result is deterministic).
    mutating func finish() {
        all = byNames.sorted { $0.key < $1.key }.flatMap { entry in
            entry.value.map { (Set(($0.properties ?? []).map(\.name)), $0) }
        }
    }

    /// Indexes every object in `schema` (cut or not) with two or more fields.
    mutating func collect(_ schema: Schema) {
        for property in schema.properties ?? [] { collect(property.schema) }
        if let items = schema.itemSchema { collect(items) }
        for variant in schema.variants ?? [] { collect(variant) }
        if schema.kind == .object, let properties = schema.properties, properties.count >= 2 {
            byNames[Self.key(properties.map(\.name)), default: []].append(schema)
        }
    }

    /// Completes the outermost cut objects in `schema` that an object knowing more agrees with. `taken`: the
    /// schemas completed from on the way down, which are not taken again inside themselves (a schema that
    /// holds itself, cut a level down, would otherwise grow a level with each completion, forever).
    func complete(_ schema: inout Schema, taken: [Schema] = []) {
        guard schema.containsCut else { return }
        var taken = taken
        if schema.kind == .object, let properties = schema.properties, properties.count >= 2,
           let whole = match(for: schema, excluding: taken) {
            taken.append(whole)
            // What the field says of itself stays: its prose, place, nullability, default and bounds.
            let field = schema
            schema = whole
            schema.description = field.description
            schema.location = field.location
            schema.nullable = field.nullable
            schema.defaultValue = field.defaultValue
            schema.deprecated = field.deprecated
            schema.constraints = field.constraints
            schema.corrections = field.corrections + [Correction(.type, from: .completion, at: whole.location, documentedSchema: field)]
            // What the other cut in turn may be known elsewhere.
            guard schema.containsCut else { return }
        }
        if var properties = schema.properties {
            for index in properties.indices { complete(&properties[index].schema, taken: taken) }
            schema.properties = properties
        }
        if var items = schema.itemSchema {
            complete(&items, taken: taken)
            schema.items = Box(items)
        }
        if var variants = schema.variants {
            for index in variants.indices { complete(&variants[index], taken: taken) }
            schema.variants = variants
        }
    }

    /// The one structure among the complete objects that agrees with `cut`, if there is exactly one.
    private func match(for cut: Schema, excluding taken: [Schema]) -> Schema? {
        let names = (cut.properties ?? []).map(\.name)
        var candidates: [Schema] = []
        if cut.truncated {
            // Fields listed beside `- ...`: the whole object has these and more.
            let listed = Set(names)
            candidates = all.filter { listed.isSubset(of: $0.names) }.map(\.schema)
        } else {
            candidates = byNames[Self.key(names)] ?? []
        }
        var found: Schema?
        // Only one that knows more than `cut` does: it may be `cut` itself, or as cut as it.
        for candidate in candidates where agrees(whole: candidate, cut: cut, nullable: false) && !agrees(whole: cut, cut: candidate, nullable: false)
            && !taken.contains(candidate) {
            guard let known = found else {
                found = candidate
                continue
            }
            if agrees(whole: known, cut: candidate, nullable: false) { continue }
            // The candidate knows all that the one found knows, and more.
            guard agrees(whole: candidate, cut: known, nullable: false) else { return nil }
            found = candidate
        }
        return found
    }

    private static func key(_ names: [String]) -> String {
        names.sorted().joined(separator: "\u{0}")
    }
}

extension Schema {
    /// Whether the docs cut this schema or anything in it.
    fileprivate var containsCut: Bool {
        if truncated { return true }
        if let properties, properties.contains(where: { $0.schema.containsCut }) { return true }
        if let items = itemSchema, items.containsCut { return true }
        if let variants, variants.contains(where: \.containsCut) { return true }
        return false
    }
}

/// Whether `whole` (which nothing is cut from) agrees with `cut` wherever `cut` is known. Compare two complete
/// schemas this way and it is structural equality. `nullable` compares the top level's nullability too.
private func agrees(whole: Schema, cut: Schema, nullable: Bool = true) -> Bool {
    if cut.kind == .any, cut.truncated { return true }
    guard whole.kind == cut.kind, whole.isFile == cut.isFile, whole.enumValues == cut.enumValues,
          !nullable || whole.nullable == cut.nullable else { return false }
    switch cut.kind {
    case .object:
        guard let cutProperties = cut.properties else { return whole.properties == nil || cut.truncated }
        guard let wholeProperties = whole.properties,
              cut.truncated || wholeProperties.count == cutProperties.count else { return false }
        for property in cutProperties {
            guard let counterpart = wholeProperties.first(where: { $0.name == property.name }),
                  counterpart.required == property.required,
                  agrees(whole: counterpart.schema, cut: property.schema) else { return false }
        }
        return true
    case .array:
        switch (whole.itemSchema, cut.itemSchema) {
        case (nil, nil): return true
        case (let wholeItems?, let cutItems?): return agrees(whole: wholeItems, cut: cutItems)
        default: return false
        }
    case .union:
        let wholeVariants = whole.variants ?? [], cutVariants = cut.variants ?? []
        guard wholeVariants.count == cutVariants.count else { return false }
        return zip(wholeVariants, cutVariants).allSatisfy { agrees(whole: $0, cut: $1) }
    case .string, .integer, .number, .boolean, .any:
        return true
    }
}

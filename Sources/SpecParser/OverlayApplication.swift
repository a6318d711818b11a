import SpecModel

/// Applies overlays (`OverlayParser`) to the model, between parsing and generation.
///
/// An entry corrects the member its path leads to with what its field line says: required or optional,
/// nullable or not, and the type when the line gives another one (or lists other fields, items or variants;
/// what it leaves out, the docs' description, enum, default and fields, stays). `Name:` gives the JSON name,
/// `Items:` the element schema from another page. Every fact it changes is recorded on the model as a
/// `Correction` from the overlay, at the entry's line, so the IR prints the docs as written beside it.
///
/// Stale entries are warnings at their line, so that they surface after a docs update: the page or the
/// member is gone, or the docs now say what the entry says (nothing left to change). An entry that cannot
/// apply is an error: its path runs through something that is no object or array, a member is in several
/// variants of a union, the `Items:` schema is not found, a new name is taken.
public enum OverlayApplication {
    public static func apply(_ overlays: [Overlay], to spec: APISpec) -> APISpec {
        var spec = spec
        var diagnostics = Diagnostics()
        for entry in overlays.flatMap(\.entries) {
            apply(entry, to: &spec, diagnostics: &diagnostics)
        }
        spec.diagnostics += diagnostics.all
        return spec
    }

    typealias Walk = MemberWalk

    static func apply(_ entry: Overlay.Entry, to spec: inout APISpec, diagnostics: inout Diagnostics) {
        let walk = self.walk(entry, in: &spec)
        if case .gone = walk, let name = entry.name, case .member? = entry.path.steps.last {
            // Renamed in the docs too, since the entry was written? Then what else it says applies there.
            var renamed = entry
            renamed.path.steps[renamed.path.steps.count - 1] = .member(name)
            renamed.name = nil
            var copy = spec
            switch self.walk(renamed, in: &copy) {
            case .applied(let changed):
                if changed { spec = copy }
                diagnostics.warning(.staleOverlay, at: entry.location, changed
                    ? "the docs now name `\(entry.path)` `\(name)` themselves: the entry applies to `\(renamed.path)`; its path and `Name:` can be updated"
                    : "the docs now name `\(entry.path)` `\(name)` themselves, and say what this entry says: the entry can go")
                return
            case .gone, .failed:
                break
            }
        }
        switch walk {
        case .applied(changed: true):
            break
        case .applied(changed: false):
            diagnostics.warning(.staleOverlay, at: entry.location,
                                "the docs now say what this entry says of `\(entry.path)` in \(entry.page): the entry can go")
        case .gone(let what):
            diagnostics.warning(.staleOverlay, at: entry.location, "\(what): the entry for `\(entry.path)` can go")
        case .failed(let why):
            diagnostics.error(.invalidOverlay, at: entry.location, "`\(entry.path)` in \(entry.page): \(why): the entry cannot apply")
        }
    }

    /// Applies `entry` to `spec`: what its walk found.
    static func walk(_ entry: Overlay.Entry, in spec: inout APISpec) -> Walk {
        let id = Page.id(forPath: entry.page)
        var items: Schema?
        if let reference = entry.items {
            guard let found = schema(at: reference, in: spec) else {
                return .failed("`Items:` names `\(reference.path)` in \(reference.page), which is not there")
            }
            items = found
        }
        let found = items
        let correction = { (property: inout Property) -> Walk in correct(&property, with: entry, items: found) }
        if let index = spec.objects.firstIndex(where: { $0.id == id }) {
            guard entry.section == .primary else {
                return .failed("\(entry.page) is an object page: its entries correct its properties, not \(entry.section)")
            }
            return spec.objects[index].schema.modifyMember(at: entry.path.steps[...], correction)
        }
        if let index = spec.endpoints.firstIndex(where: { $0.id == id }) {
            return modify(&spec.endpoints[index], entry, correction)
        }
        return .gone("the page \(entry.page) is gone")
    }

    /// A fact the entry's line states otherwise than the docs that entries do not correct (`Enum:`,
    /// `Default:`, bounds), if any: stated and ignored would be worse than an error. (Stated as the docs state
    /// it, as when the docs' line is copied, it is no correction.)
    static func unappliedFact(_ stated: Schema, documented: Schema) -> String? {
        if let values = stated.enumValues, values != documented.enumValues { return "`Enum:`" }
        if let value = stated.defaultValue, value != documented.defaultValue { return "`Default:`" }
        if stated.constraints != Constraints(), stated.constraints != documented.constraints { return "bounds" }
        return nil
    }

    /// The part of an endpoint's page the entry's section names.
    static func modify(_ endpoint: inout Endpoint, _ entry: Overlay.Entry, _ body: (inout Property) -> Walk) -> Walk {
        let steps = entry.path.steps[...]
        switch entry.section {
        case .parameters:
            guard case .member(let name)? = steps.first,
                  let index = endpoint.parameters.firstIndex(where: { $0.name == name }) else { return .gone("the parameter is gone") }
            var parameter = endpoint.parameters[index]
            var property = Property(name: parameter.name, required: parameter.required, schema: parameter.schema, location: parameter.source)
            property.corrections = parameter.corrections
            let walk = steps.count == 1 ? body(&property) : property.schema.modifyMember(at: steps.dropFirst(), body)
            guard property.name == parameter.name else { return .failed("a parameter keeps its name") }
            parameter.required = property.required
            parameter.schema = property.schema
            parameter.corrections = property.corrections
            endpoint.parameters[index] = parameter
            return walk
        case .requestBody(let mediaType):
            guard let index = endpoint.requestBodies.firstIndex(where: { mediaType == nil || $0.mediaType == mediaType }) else {
                return .gone("the request body is gone")
            }
            return endpoint.requestBodies[index].schema.modifyMember(at: steps, body)
        case .primary, .response:
            var status: String?
            if case .response(let named) = entry.section { status = named }
            guard let index = endpoint.responses.firstIndex(where: { response in
                response.schema != nil && (status.map { $0 == response.status } ?? response.status.hasPrefix("2"))
            }) else { return .gone("the response is gone") }
            return endpoint.responses[index].schema!.modifyMember(at: steps, body)
        }
    }

    /// The schema a reference names, as the model now has it.
    static func schema(at reference: Overlay.SchemaReference, in spec: APISpec) -> Schema? {
        let id = Page.id(forPath: reference.page)
        var found: Schema?
        let take = { (property: inout Property) -> Walk in
            found = property.schema
            return .applied(changed: false)
        }
        if var object = spec.objects.first(where: { $0.id == id }) {
            _ = object.schema.modifyMember(at: reference.path.steps[...], take)
        } else if var endpoint = spec.endpoints.first(where: { $0.id == id }) {
            let entry = Overlay.Entry(page: reference.page, section: .primary, path: reference.path,
                                      member: Property(name: "", required: false, schema: Schema(.any, location: endpoint.location), location: endpoint.location),
                                      location: endpoint.location)
            _ = modify(&endpoint, entry, take)
        }
        return found
    }

    // MARK: - One member

    /// Corrects the docs' `property` with what `entry` says; whether anything changed.
    static func correct(_ property: inout Property, with entry: Overlay.Entry, items: Schema?) -> Walk {
        let stated = entry.member
        let at = entry.location
        if let fact = unappliedFact(stated.schema, documented: property.schema) {
            return .failed("an overlay entry corrects required, nullability, the type, `Name:` and `Items:`, not \(fact)")
        }
        var changed = false
        if stated.required != property.required {
            let documented = property.correction(of: .required)?.documentedFlag ?? property.required
            property.corrections.removeAll { $0.fact == .required }
            property.corrections.append(Correction(.required, from: .overlay, at: at, documentedFlag: documented))
            property.required = stated.required
            changed = true
        }
        if let name = entry.name, name != property.name {
            property.corrections.append(Correction(.name, from: .overlay, at: at, documentedName: property.name))
            property.name = name
            changed = true
        }
        let documented = property.schema
        if replacesType(documented, with: stated.schema) {
            var schema = stated.schema
            // What the line leaves out stays as the docs write it.
            schema.description = documented.description
            schema.enumValues = schema.enumValues ?? documented.enumValues
            schema.defaultValue = schema.defaultValue ?? documented.defaultValue
            schema.deprecated = schema.deprecated || documented.deprecated
            if schema.kind == documented.kind {
                if schema.properties?.isEmpty ?? true { schema.properties = documented.properties }
                if schema.items == nil { schema.items = documented.items }
                if schema.constraints == Constraints() { schema.constraints = documented.constraints }
            }
            schema.corrections = [Correction(.type, from: .overlay, at: at, documentedSchema: documented)]
            property.schema = schema
            changed = true
        } else if stated.schema.nullable != documented.nullable {
            // A member the docs' prose or examples made nullable, set back: the docs' own word is kept.
            let written = documented.correction(of: .nullable)?.documentedFlag ?? documented.nullable
            property.schema.corrections.removeAll { $0.fact == .nullable }
            property.schema.nullable = stated.schema.nullable
            property.schema.corrections.append(Correction(.nullable, from: .overlay, at: at, documentedFlag: written))
            changed = true
        }
        if let items {
            guard property.schema.kind == .array else { return .failed("`Items:` gives an array's elements, and this is \(property.schema.kind.rawValue)") }
            if property.schema.itemSchema?.structure() != items.structure() {
                property.schema.corrections.append(Correction(.items, from: .overlay, at: at, documentedSchema: property.schema.itemSchema))
                property.schema.items = Box(items)
                changed = true
            }
        }
        return .applied(changed: changed)
    }

    /// Whether the field line `stated` gives another type than the docs' `documented`: another kind or
    /// element type, or fields, items or variants listed otherwise. Nullability is not the type.
    static func replacesType(_ documented: Schema, with stated: Schema) -> Bool {
        let listsContent = !(stated.properties?.isEmpty ?? true) || !(stated.variants?.isEmpty ?? true)
            || stated.itemSchema.map { $0.kind != .any } == true
        if listsContent { return stated.structure(ignoringNullable: true) != documented.structure(ignoringNullable: true) }
        return stated.typeText != documented.typeText
    }
}

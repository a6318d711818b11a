import Dispatch
import JSONSyntax
import SpecModel
import Synchronization

/// The JSON form of the model that `specwright ir` prints: a public interface for other tools.
/// Keys come in the order documented in the README; lists keep document order where it carries meaning
/// (properties, parameters, variants, enum values) and are sorted by identity where it does not.
public enum IRJSON {
    public static func encode(_ spec: APISpec) -> JSONValue {
        .object([
            .init("endpoints", .array(spec.endpoints.map(encode))),
            .init("objects", .array(spec.objects.map(encode))),
            .init("indexes", .array(spec.indexes.map(encode))),
            .init("guides", .array(spec.guides.map(encode))),
            .init("diagnostics", .array(spec.diagnostics.map(encode))),
        ])
    }

    /// The pretty JSON text of `encode(spec)`, byte for byte, with the pages encoded and written on all
    /// cores: the model of a large API is megabytes of JSON.
    public static func prettyBytes(_ spec: APISpec) -> [UInt8] {
        func pieces<Element: Sendable>(_ elements: [Element], _ encode: @Sendable (Element) -> JSONValue) -> [[UInt8]] {
            let written = Mutex<[Int: [UInt8]]>([:])
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                let bytes = JSONWriter.prettyFragment(encode(elements[index]), indent: 2)
                written.withLock { $0[index] = bytes }
            }
            return written.withLock { pieces in (0..<elements.count).map { pieces[$0] ?? [] } }
        }
        return JSONWriter.prettyObject(ofArrays: [
            ("endpoints", pieces(spec.endpoints) { encode($0) }),
            ("objects", pieces(spec.objects) { encode($0) }),
            ("indexes", pieces(spec.indexes) { encode($0) }),
            ("guides", pieces(spec.guides) { encode($0) }),
            ("diagnostics", spec.diagnostics.map { JSONWriter.prettyFragment(encode($0), indent: 2) }),
        ])
    }

    public static func encode(_ endpoint: Endpoint) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(endpoint.id)),
            .init("title", .string(endpoint.title)),
            .init("method", .string(endpoint.method)),
            .init("path", .string(endpoint.path)),
            .init("source", .string(endpoint.location.fileAndLine)),
        ]
        if let description = endpoint.description { members.append(.init("description", .string(description))) }
        members += [
            .init("parameters", .array(endpoint.parameters.map(encode))),
            .init("requestBodies", .array(endpoint.requestBodies.map { body in
                .object([
                    .init("mediaType", .string(body.mediaType)),
                    .init("source", .string(body.location.fileAndLine)),
                    .init("schema", encode(body.schema)),
                ])
            })),
            .init("responses", .array(endpoint.responses.map { response in
                var members: [JSONValue.Member] = [
                    .init("status", .string(response.status)),
                    .init("mediaType", response.mediaType.map(JSONValue.string) ?? .null),
                ]
                if let summary = response.summary { members.append(.init("summary", .string(summary))) }
                members.append(.init("source", .string(response.location.fileAndLine)))
                members.append(.init("schema", response.schema.map(encode) ?? .null))
                return .object(members)
            })),
            .init("headers", .object(endpoint.headers.sorted { $0.name < $1.name }.map { .init($0.name, .string($0.value)) })),
            .init("baseURL", endpoint.baseURL.map(JSONValue.string) ?? .null),
            .init("returns", endpoint.returns.map(encode) ?? .null),
            .init("examples", .array(endpoint.examples.map(encode))),
        ]
        if let url = endpoint.documentationURL { members.append(.init("documentationURL", .string(url))) }
        return .object(members)
    }

    static func encode(_ parameter: Parameter) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("name", .string(parameter.name)),
            .init("in", .string(parameter.location.rawValue)),
            .init("required", .bool(parameter.corrections.last { $0.fact == .required }?.documentedFlag ?? parameter.required)),
            .init("schema", encode(parameter.schema)),
        ]
        members.append(.init("description", parameter.description.map(JSONValue.string) ?? .null))
        if let required = parameter.corrections.last(where: { $0.fact == .required }) {
            members.append(.init("corrected", .object([.init("required", correctedFact(.bool(parameter.required), required))])))
        }
        members.append(.init("source", .string(parameter.source.fileAndLine)))
        return .object(members)
    }

    static func encode(_ returns: Returns) -> JSONValue {
        .object([
            .init("description", .string(returns.description)),
            .init("links", .array(returns.links.map(encode))),
        ])
    }

    static func encode(_ link: PageLink) -> JSONValue {
        .object([
            .init("title", .string(link.title)),
            .init("destination", .string(link.destination)),
            .init("target", link.target.map(JSONValue.string) ?? .null),
        ])
    }

    static func encode(_ example: Example) -> JSONValue {
        var members: [JSONValue.Member] = [.init("role", .string(example.role.rawValue))]
        if let name = example.name { members.append(.init("name", .string(name))) }
        members.append(.init("language", .string(example.language)))
        if let status = example.status { members.append(.init("status", .string(status))) }
        if let mediaType = example.mediaType { members.append(.init("mediaType", .string(mediaType))) }
        members.append(.init("source", .string(example.location.fileAndLine)))
        members.append(.init("code", .string(example.code)))
        return .object(members)
    }

    public static func encode(_ object: ObjectPage) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(object.id)),
            .init("title", .string(object.title)),
            .init("source", .string(object.location.fileAndLine)),
            .init("schema", encode(object.schema)),
            .init("examples", .array(object.examples.map(encode))),
        ]
        if let url = object.documentationURL { members.append(.init("documentationURL", .string(url))) }
        return .object(members)
    }

    static func encode(_ index: IndexPage) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(index.id)),
            .init("title", .string(index.title)),
            .init("source", .string(index.location.fileAndLine)),
        ]
        if let description = index.description { members.append(.init("description", .string(description))) }
        members.append(.init("entries", .array(index.entries.map(encode))))
        return .object(members)
    }

    static func encode(_ guide: GuidePage) -> JSONValue {
        .object([
            .init("id", .string(guide.id)),
            .init("title", .string(guide.title)),
            .init("source", .string(guide.location.fileAndLine)),
        ])
    }

    public static func encode(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            .init("severity", .string(diagnostic.severity.rawValue)),
            .init("file", .string(diagnostic.location.file)),
            .init("line", .number(String(diagnostic.location.line))),
            .init("column", .number(String(diagnostic.location.column))),
            .init("message", .string(diagnostic.message)),
            .init("kind", .string(diagnostic.kind.rawValue)),
        ])
    }

    /// `{"type", "nullable", "enum"?, "default"?, "deprecated"?, "description"?, "properties"?, "items"?,
    /// "variants"?}`, then this project's extensions: bounds, `truncated`, `corrected`, `source`.
    /// The schema is printed as the docs write it; `corrected` holds what generation uses instead and what
    /// says so (`Correction`): `{"nullable": {"value": true, "from": "description", "source": "runs/object.md:40"}}`,
    /// and for a type or items an overlay replaced, the schema generation uses as `value`.
    public static func encode(_ schema: Schema) -> JSONValue {
        var corrected: [JSONValue.Member] = []
        if let type = schema.correction(of: .type), let documented = type.documentedSchema?.value {
            var used = schema
            used.corrections.removeAll { $0.fact == .type }
            guard case .object(var members) = encode(documented) else { return encode(documented) }
            let value = correctedFact(encode(used), type)
            if let index = members.firstIndex(where: { $0.key == "corrected" }), case .object(var facts) = members[index].value {
                facts.append(.init("type", value))
                members[index] = .init("corrected", .object(facts))
            } else {
                members.insert(.init("corrected", .object([.init("type", value)])), at: members.count - 1)
            }
            return .object(members)
        }
        let nullable = schema.correction(of: .nullable)
        var members: [JSONValue.Member] = [
            .init("type", .string(schema.kind.rawValue)),
            .init("nullable", .bool(nullable?.documentedFlag ?? schema.nullable)),
        ]
        if let nullable { corrected.append(.init("nullable", correctedFact(.bool(schema.nullable), nullable))) }
        if let value = schema.enumValues { members.append(.init("enum", .array(value))) }
        if let value = schema.defaultValue { members.append(.init("default", value)) }
        if schema.deprecated { members.append(.init("deprecated", .bool(true))) }
        if let description = schema.description { members.append(.init("description", .string(description))) }
        if let properties = schema.properties {
            members.append(.init("properties", .array(properties.map(encode))))
        }
        if let items = schema.correction(of: .items) {
            if let documented = items.documentedSchema?.value { members.append(.init("items", encode(documented))) }
            if let used = schema.itemSchema { corrected.append(.init("items", correctedFact(encode(used), items))) }
        } else if let items = schema.itemSchema {
            members.append(.init("items", encode(items)))
        }
        if let variants = schema.variants { members.append(.init("variants", .array(variants.map(encode)))) }
        let bounds = schema.constraints
        if let value = bounds.minimum { members.append(.init("minimum", number(value))) }
        if let value = bounds.maximum { members.append(.init("maximum", number(value))) }
        if let value = bounds.minLength { members.append(.init("minLength", .number(String(value)))) }
        if let value = bounds.maxLength { members.append(.init("maxLength", .number(String(value)))) }
        if let value = bounds.minItems { members.append(.init("minItems", .number(String(value)))) }
        if let value = bounds.maxItems { members.append(.init("maxItems", .number(String(value)))) }
        if schema.truncated { members.append(.init("truncated", .bool(true))) }
        if schema.isFile { members.append(.init("format", .string("binary"))) }
        if !corrected.isEmpty { members.append(.init("corrected", .object(corrected))) }
        members.append(.init("source", .string(schema.location.fileAndLine)))
        return .object(members)
    }

    /// `{"name", "required", "schema"}` as the docs write them, and `corrected` for a name or `required`
    /// that generation uses instead.
    static func encode(_ property: Property) -> JSONValue {
        let required = property.correction(of: .required)
        let name = property.correction(of: .name)
        var members: [JSONValue.Member] = [
            .init("name", .string(name?.documentedName ?? property.name)),
            .init("required", .bool(required?.documentedFlag ?? property.required)),
            .init("schema", encode(property.schema)),
        ]
        var corrected: [JSONValue.Member] = []
        if let name { corrected.append(.init("name", correctedFact(.string(property.name), name))) }
        if let required { corrected.append(.init("required", correctedFact(.bool(property.required), required))) }
        if !corrected.isEmpty { members.append(.init("corrected", .object(corrected))) }
        return .object(members)
    }

    /// `{"value", "from", "source"}`: what generation uses, and what says so.
    static func correctedFact(_ value: JSONValue, _ correction: Correction) -> JSONValue {
        .object([
            .init("value", value),
            .init("from", .string(correction.origin.rawValue)),
            .init("source", .string(correction.source.fileAndLine)),
        ])
    }

    /// Whole numbers print without a fraction (`100`, not `100.0`). The parser admits no infinity or NaN;
    /// should one reach here, it is `null`, never `inf`, which is not JSON.
    private static func number(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int(value))) }
        return .number(String(value))
    }
}

import JSONSyntax
import SpecModel

extension TypeBuilder {
    /// Variants with at most this many fields besides the discriminator become cases with labeled values
    /// (`.locked(reason:)`); larger ones get a payload struct (`.message(Message)`), which also keeps keys
    /// the docs do not list.
    static let maximumLabeledFields = 3

    /// A union: discriminated by a key whose value is constant in every variant, or decoded by JSON shape.
    func union(_ schema: Schema, name: String, qualifiedName: String) -> UnionModel {
        let variants = schema.variants ?? []
        if let key = Self.discriminator(of: variants) {
            return discriminatedUnion(schema, variants: variants, key: key, name: name, qualifiedName: qualifiedName)
        }
        return shapeUnion(schema, variants: variants, name: name, qualifiedName: qualifiedName)
    }

    /// The key (`type` preferred) that every variant has as a required constant with distinct values.
    static func discriminator(of variants: [Schema]) -> String? {
        guard variants.count > 1, variants.allSatisfy({ $0.kind == .object && $0.properties != nil }) else { return nil }
        // `type` first, then the other keys in order.
        let names = (variants[0].properties ?? []).map(\.name)
        let candidates = names.filter { $0 == "type" } + names.filter { $0 != "type" }.sorted()
        for key in candidates {
            let values = variants.compactMap { $0.property(named: key).flatMap(constantValue(of:)) }
            if values.count == variants.count, Set(values).count == values.count { return key }
        }
        return nil
    }

    private func discriminatedUnion(_ schema: Schema, variants: [Schema], key: String, name: String, qualifiedName: String) -> UnionModel {
        var scope = Scope(qualifiedName: qualifiedName)
        var cases: [UnionCaseModel] = []
        // The JSON names of each case with labeled values, to check that a value holds no others.
        var caseKeys: [(index: Int, names: Set<String>)] = []
        var documented: Set<String> = [key]
        var usedCases: Set<String> = ["unknown"]
        for variant in variants {
            guard let property = variant.property(named: key), let value = Self.constantValue(of: property) else { continue }
            var caseName = SwiftNames.bare(SwiftNames.enumCase(value))
            while usedCases.contains(caseName) { caseName += "_" }
            usedCases.insert(caseName)
            let escapedCase = SwiftNames.escaped(caseName)
            let fields = (variant.properties ?? []).filter { $0.name != key }
            let docs = DocComment.lines(variant.description)
            let labeled = fields.count <= Self.maximumLabeledFields
                && fields.allSatisfy { Self.constantValue(of: $0) == nil }
                && !payloadUnions.contains(typeKey(schema))
            if fields.isEmpty && labeled {
                caseKeys.append((cases.count, []))
                cases.append(UnionCaseModel(declaration: escapedCase, docLines: docs, discriminatorLiteral: SwiftNames.stringLiteral(value),
                                            decodeExpression: ".\(escapedCase)", pattern: ".\(escapedCase)",
                                            encodeStatements: [], shapeType: nil, encodesWhole: false,
                                            keysCondition: nil))
            } else if labeled {
                var values: [String] = []
                var decodes: [String] = []
                var bindings: [String] = []
                var encodes: [String] = []
                for field in fields {
                    let member = SwiftNames.bare(SwiftNames.member(field.name))
                    let valueType = typeReference(for: field.schema, suggestedName: SwiftNames.type(field.name), in: &scope)
                    let coding = FieldCoding(name: SwiftNames.escaped(member), key: SwiftNames.stringLiteral(field.name), valueType: valueType,
                                             required: field.required, nullable: field.schema.nullable)
                    values.append("\(member): \(coding.type)")
                    // One `try` in front of the whole case expression covers every field's decode.
                    decodes.append("\(member): \(coding.decode.dropFirst("try ".count))")
                    bindings.append("let \(SwiftNames.escaped(member))")
                    encodes.append(coding.encode)
                }
                caseKeys.append((cases.count, Set(fields.map(\.name))))
                documented.formUnion(fields.map(\.name))
                cases.append(UnionCaseModel(
                    declaration: "\(escapedCase)(\(values.joined(separator: ", ")))", docLines: docs,
                    discriminatorLiteral: SwiftNames.stringLiteral(value),
                    decodeExpression: "try .\(escapedCase)(\(decodes.joined(separator: ", ")))",
                    pattern: ".\(escapedCase)(\(bindings.joined(separator: ", ")))",
                    encodeStatements: encodes, shapeType: nil, encodesWhole: false, keysCondition: nil))
            } else {
                let payload = declare(variant, named: SwiftNames.type(value), in: &scope)
                cases.append(UnionCaseModel(
                    declaration: "\(escapedCase)(\(payload))", docLines: docs,
                    discriminatorLiteral: SwiftNames.stringLiteral(value),
                    decodeExpression: "try .\(escapedCase)(\(payload)(from: decoder))",
                    pattern: ".\(escapedCase)(let value)",
                    encodeStatements: [], shapeType: payload, encodesWhole: true, keysCondition: nil))
            }
        }
        // A case with labeled values has a place for its own keys only: a value with undocumented keys, or
        // with keys of another case, decodes as the case when decoding tolerantly, which keeps the others in
        // the object that holds the union, and is left to `unknown` when decoding strictly.
        // (`undocumented` lists the keys no case documents: see `undocumentedMemberNames()` in the runtime.)
        let allNames = caseKeys.reduce(into: Set<String>()) { $0.formUnion($1.names) }
        // A case without values cannot fail to decode: one label does; one with values has a second label for a
        // value with other keys, which is `unknown` when the case's own values do not fit either.
        let unknown = ".unknown(JSONValue(undocumentedVariantOf: Self.self, from: decoder, discriminator: \(SwiftNames.stringLiteral(key))))"
        for (index, names) in caseKeys {
            let foreign = allNames.subtracting(names).sorted().map { "!container.contains(\(SwiftNames.stringLiteral($0)))" }
            let exact = (["undocumented.isEmpty"] + foreign).joined(separator: " && ")
            let keeps = "container.keepsOtherMembers(writing: \(SwiftNames.nameListLiteral([key] + names.sorted())))"
            if names.isEmpty {
                cases[index].keysCondition = (foreign.isEmpty ? exact : "(\(exact))") + " || " + keeps
            } else {
                cases[index].keysCondition = exact
                cases[index].otherMembersCondition = keeps
                let value = cases[index].decodeExpression.dropFirst("try ".count)
                cases[index].otherMembersDecodeExpression = "try container.decodeCase(\(value), otherwise: \(unknown))"
            }
        }
        return UnionModel(
            name: name, docLines: DocComment.lines(schema.description),
            discriminatorKey: SwiftNames.stringLiteral(key),
            cases: cases,
            documentedNames: SwiftNames.nameListLiteral(documented.sorted()),
            documentedKeys: documented.sorted().map(SwiftNames.stringLiteral).joined(separator: ", "),
            nested: scope.declarations,
            checksKeys: cases.contains { $0.keysCondition != nil }
        )
    }


    /// `string | object`, `string | array<string>`: each alternative is tried in turn, most specific first.
    private func shapeUnion(_ schema: Schema, variants: [Schema], name: String, qualifiedName: String) -> UnionModel {
        var scope = Scope(qualifiedName: qualifiedName)
        var cases: [(order: Int, generality: Int, model: UnionCaseModel)] = []
        var usedCases: Set<String> = ["unknown"]
        for (index, variant) in variants.enumerated() {
            let suggested = variant.kind == .object ? SwiftNames.type(name + "Object") : SwiftNames.type(name + "Value")
            let type = typeReference(for: variant, suggestedName: suggested, in: &scope)
            var caseName = Self.shapeCaseName(variant, type: type)
            while usedCases.contains(caseName) { caseName += String(index + 1) }
            usedCases.insert(caseName)
            let model = UnionCaseModel(
                declaration: "\(caseName)(\(type))", docLines: DocComment.lines(variant.description),
                discriminatorLiteral: nil,
                decodeExpression: ".\(caseName)(value)", pattern: ".\(caseName)(let value)",
                encodeStatements: [], shapeType: type, encodesWhole: true, keysCondition: nil)
            cases.append((Self.decodeOrder(variant), Self.objectGenerality(variant), model))
        }
        // Booleans and integers first: a JSON `1` also decodes as a Double. Objects most specific first: one
        // with a constant (`"type": "function"`) accepts only values that carry it, while one whose `type` is
        // an open enum, or that requires less, accepts those too and would hide it; an object with only
        // optional fields accepts any object. Ties keep the docs' order.
        let ordered = cases.enumerated()
            .sorted { ($0.element.order, $0.element.generality, $0.offset) < ($1.element.order, $1.element.generality, $1.offset) }
            .map(\.element.model)
        return UnionModel(name: name, docLines: DocComment.lines(schema.description), discriminatorKey: nil,
                          cases: ordered, documentedNames: "", documentedKeys: "",
                          nested: scope.declarations, checksKeys: false)
    }

    /// How much an object variant accepts, for ordering trials: fewer required constants, then fewer required
    /// members, is more general (a larger number). 0 for other kinds.
    static func objectGenerality(_ schema: Schema) -> Int {
        guard schema.kind == .object, let properties = schema.properties else { return 0 }
        let required = properties.filter(\.required)
        let constants = required.filter { constantValue(of: $0) != nil }.count
        return -(constants * 1_000 + required.count)
    }

    private static func decodeOrder(_ schema: Schema) -> Int {
        switch schema.kind {
        case .boolean: 0
        case .integer: 1
        case .number: 2
        case .string: 3
        case .array: 4
        case .object: 5
        case .union: 6
        case .any: 7
        }
    }

    /// `string`, `integer`, `strings`, `integerArrays`, `object`.
    private static func shapeCaseName(_ schema: Schema, type: String) -> String {
        switch schema.kind {
        case .string: return schema.enumValues != nil && type != "String" ? SwiftNames.bare(SwiftNames.member(type)) : "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "bool"
        case .object: return schema.properties == nil ? "dictionary" : "object"
        case .any: return "json"
        case .union: return "value"
        case .array:
            guard let items = schema.itemSchema else { return "array" }
            if items.kind == .array, let inner = items.itemSchema {
                return shapeCaseName(inner, type: "") + "Arrays"
            }
            return shapeCaseName(items, type: String(type.dropFirst().dropLast())) + "s"
        }
    }
}

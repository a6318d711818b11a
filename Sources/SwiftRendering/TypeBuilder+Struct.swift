import JSONSyntax
import SpecModel

extension TypeBuilder {
    /// How a field is stored, read and written, following its required/nullable combination:
    /// required -> `T`; required and nullable -> `T?`, always written (null when nil);
    /// optional -> `T?`, omitted when nil; optional and nullable -> `Nullable<T>?` (absent, null or a value).
    struct FieldCoding {
        var type: String
        var decode: String
        var encode: String
        /// What an initializer parameter defaults to, if anything.
        var defaultArgument: String?

        /// `key` is the member's JSON name as a string literal (a `JSONKey`).
        init(name: String, key: String, valueType: String, required: Bool, nullable: Bool, container: String = "container") {
            switch (required, nullable) {
            case (true, false):
                type = valueType
                decode = "try \(container).decode(\(valueType).self, forKey: \(key))"
                encode = "try \(container).encode(\(name), forKey: \(key))"
                defaultArgument = nil
            case (true, true):
                type = valueType + "?"
                decode = "try \(container).decodeOrNull(\(valueType).self, forKey: \(key))"
                encode = "try \(container).encodeOrNull(\(name), forKey: \(key))"
                defaultArgument = nil
            case (false, false):
                type = valueType + "?"
                decode = "try \(container).decodeIfPresent(\(valueType).self, forKey: \(key))"
                encode = "try \(container).encodeIfPresent(\(name), forKey: \(key))"
                defaultArgument = "nil"
            case (false, true):
                type = "Nullable<\(valueType)>?"
                decode = "try \(container).decodeNullable(\(valueType).self, forKey: \(key))"
                encode = "try \(container).encodeNullable(\(name), forKey: \(key))"
                defaultArgument = "nil"
            }
        }
    }

    /// The Swift property names of an object's fields, unescaped: lowerCamelCase, with `_` appended on a clash
    /// (with another field or the members every struct has).
    static func memberNames(_ properties: [Property]) -> [String] {
        // `undocumented` is the coding key case for members the docs do not list.
        var usedMembers: Set<String> = ["additionalProperties", "deviations", "undocumented"]
        return properties.map { property in
            var member = SwiftNames.bare(SwiftNames.member(property.name))
            while usedMembers.contains(member) { member += "_" }
            usedMembers.insert(member)
            return member
        }
    }

    /// A field whose value is always one string: `object` is always `chatkit.thread`.
    static func constantValue(of property: Property) -> String? {
        guard property.required, !property.schema.nullable, property.schema.kind == .string,
              case .string(let value)? = property.schema.constantValue else { return nil }
        return value
    }

    func structure(_ schema: Schema, name: String, qualifiedName: String) -> StructModel {
        var scope = Scope(qualifiedName: qualifiedName)
        var properties: [PropertyModel] = []
        var constants: [ConstantModel] = []
        var names: [String] = []
        var keys: [String] = []
        var parameters: [String] = []
        let members = Self.memberNames(schema.properties ?? [])
        for (property, member) in zip(schema.properties ?? [], members) {
            let escaped = SwiftNames.escaped(member)
            let key = SwiftNames.stringLiteral(property.name)
            names.append(property.name)
            keys.append(key)
            let docs = DocComment.lines(property.schema.description,
                                        remarks: property.schema.deprecated ? ["- Note: Deprecated."] : [])
            if let constant = Self.constantValue(of: property) {
                constants.append(ConstantModel(name: escaped, literal: SwiftNames.stringLiteral(constant), key: key, docLines: docs))
                continue
            }
            let valueType = typeReference(for: property.schema, suggestedName: SwiftNames.type(property.name), in: &scope)
            let coding = FieldCoding(name: "self." + member, key: key, valueType: valueType,
                                     required: property.required, nullable: property.schema.nullable)
            properties.append(PropertyModel(
                name: escaped, type: coding.type, docLines: docs,
                decodeStatement: "self.\(member) = \(coding.decode)",
                encodeStatement: coding.encode
            ))
            var parameter = "\(escaped): \(coding.type)"
            if let argument = coding.defaultArgument ?? DefaultLiteral.swift(property.schema.defaultValue, type: valueType, schema: property.schema) {
                parameter += " = \(argument)"
            }
            parameters.append(parameter)
        }
        parameters.append("additionalProperties: [String: JSONValue] = [:]")
        // A list response with `data`, `has_more` and `last_id` pages by cursor, wherever it is declared.
        var cursorPage: CursorPageModel?
        if Self.isCursorPage(schema), let data = properties.first(where: { $0.name == "data" }),
           data.type.hasPrefix("["), data.type.hasSuffix("]") {
            cursorPage = Self.cursorPageModel(schema, itemType: String(data.type.dropFirst().dropLast()))
            cursorPageTypes.insert(qualifiedName)
        }
        return StructModel(
            name: name,
            docLines: DocComment.lines(schema.description),
            conformances: "Codable, Hashable, Sendable, JSONModel",
            properties: properties,
            constants: constants,
            initParameters: parameters.joined(separator: ", "),
            documentedNames: SwiftNames.nameListLiteral(names),
            documentedKeys: keys.joined(separator: ", "),
            nested: scope.declarations,
            cursorPage: cursorPage
        )
    }

    /// `data` (an array), `has_more` (a required, non-null boolean) and `last_id` (a string).
    static func isCursorPage(_ schema: Schema) -> Bool {
        guard schema.kind == .object,
              let data = schema.property(named: "data"), data.required, data.schema.kind == .array, !data.schema.nullable,
              let hasMore = schema.property(named: "has_more"), hasMore.schema.kind == .boolean, hasMore.required,
              !hasMore.schema.nullable,
              let lastID = schema.property(named: "last_id"), lastID.schema.kind == .string
        else { return false }
        return true
    }

    static func cursorPageModel(_ schema: Schema, itemType: String) -> CursorPageModel {
        let lastID = schema.property(named: "last_id")
        let required = lastID?.required ?? false, nullable = lastID?.schema.nullable ?? false
        let cursor = !required && nullable ? "lastID?.value" : "lastID"
        return CursorPageModel(itemType: itemType, itemsProperty: "data", cursorExpression: cursor)
    }

    static func scalarType(_ schema: Schema) -> String? {
        switch schema.kind {
        case .string: "String"
        case .integer: "Int"
        case .number: "Double"
        case .boolean: "Bool"
        default: nil
        }
    }
}

/// Swift literals for documented defaults, where Swift can state them.
enum DefaultLiteral {
    static func swift(_ value: JSONValue?, type: String, schema: Schema) -> String? {
        guard let value else { return nil }
        switch (value, schema.kind) {
        case (.string(let text), .string):
            if schema.enumValues != nil, type != "String" {
                return "." + SwiftNames.enumCase(text)
            }
            return SwiftNames.stringLiteral(text)
        case (.number(let text), .integer) where Int(text) != nil:
            return text
        case (.number(let text), .number):
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case (.bool(let flag), .boolean):
            return flag ? "true" : "false"
        default:
            return nil
        }
    }
}

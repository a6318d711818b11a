import JSONSyntax
import SpecModel

extension SchemaParser {
    /// Sets the schema's description and the facts its sentences state (`Enum:`, `Default:`, bounds).
    mutating func applyDescription(_ text: String, to schema: inout Schema) {
        let (description, facts) = DescriptionFacts.extract(from: text)
        schema.description = description.isEmpty ? nil : description
        if facts.deprecated { schema.deprecated = true }
        if let values = facts.enumValues {
            let typed = values.map { value -> JSONValue in
                switch value {
                case .quoted(let text): .string(text)
                case .bare(let text): .number(text)
                }
            }
            Self.setEnum(typed, on: &schema)
        }
        if let literal = facts.defaultLiteral {
            if let value = Self.typedDefault(literal, for: schema) {
                schema.defaultValue = value
            } else {
                diagnostics.warning(.invalidFact, at: schema.location,
                                    "default `\(literal)` is not a valid \(schema.kind.rawValue); it is ignored")
            }
        }
        for (bound, text) in facts.bounds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            apply(bound, text, to: &schema)
        }
    }

    /// An enum describes the values themselves: for an array, its elements; for a union, its scalar parts.
    private static func setEnum(_ values: [JSONValue], on schema: inout Schema) {
        switch schema.kind {
        case .array:
            if var item = schema.itemSchema, item.kind != .object {
                setEnum(values, on: &item)
                schema.items = Box(item)
                return
            }
        case .union:
            if var variants = schema.variants {
                for index in variants.indices where [.string, .integer, .number, .array].contains(variants[index].kind) {
                    setEnum(values, on: &variants[index])
                }
                schema.variants = variants
            }
            schema.enumValues = values
            return
        default:
            break
        }
        schema.enumValues = values
    }

    /// The default as a JSON value of the schema's type. The docs write booleans Python-style (`True`) and
    /// lists with single quotes (`['audio']`).
    static func typedDefault(_ literal: String, for schema: Schema) -> JSONValue? {
        if literal == "null", schema.nullable { return .null }
        switch schema.kind {
        case .string:
            return .string(literal)
        case .integer, .number:
            guard case .number(let text)? = try? JSONParser.parseValue(literal) else { return nil }
            if schema.kind == .integer, text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return nil }
            return .number(text)
        case .boolean:
            switch literal {
            case "true", "True": return .bool(true)
            case "false", "False": return .bool(false)
            default: return nil
            }
        case .array, .object:
            guard let value = pythonStyleJSON(literal) else { return nil }
            if schema.kind == .array, case .array = value { return value }
            if schema.kind == .object, case .object = value { return value }
            return nil
        case .union, .any:
            return pythonStyleJSON(literal) ?? .string(literal)
        }
    }

    private static func pythonStyleJSON(_ literal: String) -> JSONValue? {
        if let value = try? JSONParser.parseValue(literal) { return value }
        let converted = literal.replacingOccurrences(of: "'", with: "\"")
            .replacingOccurrences(of: "True", with: "true")
            .replacingOccurrences(of: "False", with: "false")
            .replacingOccurrences(of: "None", with: "null")
        return try? JSONParser.parseValue(converted)
    }

    private mutating func apply(_ bound: DescriptionFacts.Bound, _ text: String, to schema: inout Schema) {
        let fits: Bool
        switch bound {
        case .minimum, .maximum:
            fits = [.integer, .number].contains(schema.kind)
            if fits, let value = Double(text) {
                guard value.isFinite else {
                    // `1e999`, `inf`: no JSON number, and no bound a client could check.
                    let shown = text.count > 20 ? text.prefix(20) + "... (\(text.count) characters)" : text
                    diagnostics.error(.invalidFact, at: schema.location,
                                      "'\(bound.rawValue): \(shown)' does not fit a 64-bit floating-point number")
                    return
                }
                if bound == .minimum { schema.constraints.minimum = value } else { schema.constraints.maximum = value }
                return
            }
        case .minimumLength, .maximumLength:
            fits = schema.kind == .string
            if fits, let value = Int(text), value >= 0 {
                if bound == .minimumLength { schema.constraints.minLength = value } else { schema.constraints.maxLength = value }
                return
            }
        case .minimumItems, .maximumItems:
            fits = schema.kind == .array
            if fits, let value = Int(text), value >= 0 {
                if bound == .minimumItems { schema.constraints.minItems = value } else { schema.constraints.maxItems = value }
                return
            }
        }
        let reason = fits ? "'\(text)' is not a valid bound" : "it does not apply to a \(schema.kind.rawValue)"
        diagnostics.warning(.invalidFact, at: schema.location, "'\(bound.rawValue): \(text).' is ignored: \(reason)")
    }
}

extension String {
    /// Replaces every occurrence of `target`; a small stand-in so that this module needs no Foundation.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

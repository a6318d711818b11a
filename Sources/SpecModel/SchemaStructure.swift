import JSONSyntax

extension Schema {
    /// The type as a type expression spells it: `array<object>`, `string | integer`.
    public var typeText: String {
        switch kind {
        case .array: "array<\(itemSchema.map(\.typeText) ?? "any")>"
        case .union: (variants ?? []).map(\.typeText).joined(separator: " | ")
        default: kind.rawValue
        }
    }

    /// The schema's structure without its places and prose: what two schemas must share to be one type (an
    /// overlay's line and the docs', a member removed and one added in a docs update). `ignoringNullable`
    /// leaves out the top level's nullability.
    public func structure(ignoringNullable: Bool = false) -> String {
        var text = kind.rawValue
        if nullable && !ignoringNullable { text += "?" }
        if let enumValues { text += "enum(" + enumValues.map(JSONWriter.compact).joined(separator: ",") + ")" }
        if let properties {
            text += "{" + properties.map { "\($0.name)\($0.required ? "!" : ""): \($0.schema.structure())" }.joined(separator: ", ") + "}"
        }
        if let itemSchema { text += "<" + itemSchema.structure() + ">" }
        if let variants { text += "(" + variants.map { $0.structure() }.joined(separator: " | ") + ")" }
        return text
    }
}

import JSONSyntax
import SpecModel

/// A schema's structure without its prose: two schemas with the same key decode the same JSON into the
/// same Swift type, so they become one type. Descriptions, defaults and locations do not count.
enum ShapeKey {
    static func of(_ schema: Schema) -> String {
        var key = ""
        append(schema, to: &key)
        return key
    }

    private static func append(_ schema: Schema, to key: inout String) {
        key += schema.kind.rawValue
        if schema.nullable { key += "?" }
        if schema.isFile { key += "~file" }
        if let values = schema.enumValues {
            key += "<"
            for value in values {
                key += JSONWriter.compact(value)  // not "\(value)": that describes through reflection, slowly
                key += ","
            }
            key += ">"
        }
        if let properties = schema.properties {
            key += "{"
            for property in properties {
                key += property.name + (property.required ? "!" : "") + ":"
                append(property.schema, to: &key)
                key += ";"
            }
            key += "}"
        }
        if let items = schema.itemSchema {
            key += "["
            append(items, to: &key)
            key += "]"
        }
        if let variants = schema.variants {
            key += "("
            for variant in variants {
                append(variant, to: &key)
                key += "|"
            }
            key += ")"
        }
    }
}

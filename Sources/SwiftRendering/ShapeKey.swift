import JSONSyntax
import SpecModel

/// A schema's structure without its prose: two schemas with the same key decode the same JSON into the
/// same Swift type, so they become one type. Descriptions, defaults and locations do not count.
///
/// Keys nest (an object's key holds its fields' keys), and the type builder asks for the key of an object
/// and then of each nested schema as it declares them; so the keys of field lists, element schemas and
/// variant lists are kept, by the identity of the array or box that holds them (kept alive by the cache:
/// an array the cache holds is copied before any change, so an identity never stands for other contents).
/// Without this, nested keys were rebuilt at every level: a fifth of the generator's work.
final class ShapeKeys {
    private var byProperties: [UnsafeRawPointer: (anchor: [Property], key: String)] = [:]
    private var byVariants: [UnsafeRawPointer: (anchor: [Schema], key: String)] = [:]
    private var byItems: [ObjectIdentifier: (anchor: Box<Schema>, key: String)] = [:]

    /// The key of `schema`, with its own nullability replaced by `nullable` when given.
    func key(of schema: Schema, nullable: Bool? = nil) -> String {
        var key = ""
        append(schema, nullable: nullable ?? schema.nullable, to: &key)
        return key
    }

    private func append(_ schema: Schema, nullable: Bool, to key: inout String) {
        key += schema.kind.rawValue
        if nullable { key += "?" }
        if schema.isFile { key += "~file" }
        if let values = schema.enumValues {
            key += "<"
            for value in values {
                key += JSONWriter.compact(value)  // not "\(value)": that describes through reflection, slowly
                key += ","
            }
            key += ">"
        }
        if let properties = schema.properties { key += self.key(of: properties) }
        if let items = schema.items { key += self.key(of: items) }
        if let variants = schema.variants { key += self.key(of: variants) }
    }

    private func key(of properties: [Property]) -> String {
        let identity = properties.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        if let identity, let cached = byProperties[identity] { return cached.key }
        var key = "{"
        for property in properties {
            key += property.name + (property.required ? "!" : "") + ":"
            append(property.schema, nullable: property.schema.nullable, to: &key)
            key += ";"
        }
        key += "}"
        if let identity { byProperties[identity] = (properties, key) }
        return key
    }

    private func key(of items: Box<Schema>) -> String {
        if let cached = byItems[ObjectIdentifier(items)] { return cached.key }
        var key = "["
        append(items.value, nullable: items.value.nullable, to: &key)
        key += "]"
        byItems[ObjectIdentifier(items)] = (items, key)
        return key
    }

    private func key(of variants: [Schema]) -> String {
        let identity = variants.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        if let identity, let cached = byVariants[identity] { return cached.key }
        var key = "("
        for variant in variants {
            append(variant, nullable: variant.nullable, to: &key)
            key += "|"
        }
        key += ")"
        if let identity { byVariants[identity] = (variants, key) }
        return key
    }
}

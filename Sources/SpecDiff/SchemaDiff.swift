import JSONSyntax
import SpecModel

extension Differ {
    /// Compares one schema in two versions. `subject` names where it is; `path` is the member path inside it
    /// (`data[].name`; nil for a parameter's own schema, "" for a body's root).
    mutating func schema(_ old: Schema, _ new: Schema, _ subject: String, path: String?, _ direction: Direction) {
        let place = path.map { $0.isEmpty ? subject : "\(subject): `\($0)`" } ?? subject
        let member = path
        if old.kind != new.kind {
            record(.breaking, .changed, place, "type: \(old.typeText) -> \(new.typeText)", old: old.location, new: new.location, memberPath: member)
            return
        }
        if old.nullable != new.nullable {
            let severity: SpecChange.Severity = direction == .response && !new.nullable ? .wire : .breaking
            record(severity, .changed, place, old.nullable ? "nullable -> non-null" : "non-null -> nullable", old: old.location, new: new.location, memberPath: member)
        }
        enumValues(old, new, place, member, direction)
        if old.description != new.description {
            record(.documentation, .changed, place, "description", old: old.location, new: new.location, memberPath: member)
        }
        if old.defaultValue != new.defaultValue {
            record(.documentation, .changed, place, "default: \(Self.text(old.defaultValue)) -> \(Self.text(new.defaultValue))", old: old.location, new: new.location, memberPath: member)
        }
        if old.constraints != new.constraints {
            record(.documentation, .changed, place, "bounds", old: old.location, new: new.location, memberPath: member)
        }
        if old.isFile != new.isFile {
            record(.breaking, .changed, place, new.isFile ? "now a file's bytes" : "no longer a file's bytes", old: old.location, new: new.location, memberPath: member)
        }
        let prefix = path ?? ""
        if let oldProperties = old.properties, let newProperties = new.properties {
            properties(oldProperties, newProperties, subject, prefix: prefix, direction)
        } else if (old.properties == nil) != (new.properties == nil) {
            record(.breaking, .changed, place, old.properties == nil ? "an open object now lists its fields" : "no longer lists its fields",
                   old: old.location, new: new.location, memberPath: member)
        }
        if let oldItems = old.itemSchema, let newItems = new.itemSchema {
            schema(oldItems, newItems, subject, path: prefix + "[]", direction)
        } else if (old.itemSchema == nil) != (new.itemSchema == nil) {
            record(.breaking, .changed, place, "items: \(old.itemSchema?.typeText ?? "any") -> \(new.itemSchema?.typeText ?? "any")",
                   old: old.location, new: new.location, memberPath: member)
        }
        if let oldVariants = old.variants, let newVariants = new.variants {
            variants(oldVariants, newVariants, subject, prefix: prefix, place: place, direction)
        }
    }

    mutating func enumValues(_ old: Schema, _ new: Schema, _ place: String, _ member: String?, _ direction: Direction) {
        guard old.enumValues != new.enumValues else { return }
        let before = old.enumValues ?? [], after = new.enumValues ?? []
        if before.count == 1, after.count == 1 {
            record(direction == .response ? .wire : .breaking, .changed, place,
                   "the constant \(JSONWriter.compact(before[0])) -> \(JSONWriter.compact(after[0]))", old: old.location, new: new.location, memberPath: member)
            return
        }
        let removed = before.filter { !after.contains($0) }, added = after.filter { !before.contains($0) }
        if !removed.isEmpty {
            record(.breaking, .removed, place, "enum value\(removed.count == 1 ? "" : "s") \(removed.map(JSONWriter.compact).joined(separator: ", ")) removed",
                   old: old.location, new: new.location, memberPath: member)
        }
        if !added.isEmpty {
            record(.additive, .added, place, "enum value\(added.count == 1 ? "" : "s") \(added.map(JSONWriter.compact).joined(separator: ", ")) added",
                   old: old.location, new: new.location, memberPath: member)
        }
    }

    mutating func properties(_ old: [Property], _ new: [Property], _ subject: String, prefix: String, _ direction: Direction) {
        func path(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }
        var removed = old.filter { property in !new.contains { $0.name == property.name } }
        var added = new.filter { property in !old.contains { $0.name == property.name } }
        // A member gone and one new beside it, of the same structure: one rename.
        for member in removed {
            guard let index = added.firstIndex(where: { $0.required == member.required && $0.schema.structure() == member.schema.structure() }) else { continue }
            let renamed = added.remove(at: index)
            removed.removeAll { $0.name == member.name }
            record(.breaking, .renamed, "\(subject): `\(path(member.name))`", "renamed `\(member.name)` -> `\(renamed.name)`",
                   old: member.location, new: renamed.location, memberPath: path(member.name))
        }
        for member in removed {
            record(.breaking, .removed, "\(subject): `\(path(member.name))`", "removed", old: member.location, new: nil, memberPath: path(member.name))
        }
        for member in added {
            let severity: SpecChange.Severity = member.required ? .breaking : .additive
            let detail = !member.required ? "added, optional"
                : direction == .request ? "added, required" : "added, required (the memberwise initializer gains it; payloads without it no longer decode strictly)"
            record(severity, .added, "\(subject): `\(path(member.name))`", detail, old: nil, new: member.location, memberPath: path(member.name))
        }
        for member in old {
            guard let counterpart = new.first(where: { $0.name == member.name }) else { continue }
            let place = "\(subject): `\(path(member.name))`"
            if member.required != counterpart.required {
                let severity: SpecChange.Severity = switch (direction, counterpart.required) {
                case (.request, true): .breaking
                case (.request, false): .additive
                case (.response, true): .wire
                case (.response, false): .breaking
                }
                record(severity, .changed, place, counterpart.required ? "optional -> required" : "required -> optional",
                       old: member.location, new: counterpart.location, memberPath: path(member.name))
            }
            schema(member.schema, counterpart.schema, subject, path: path(member.name), direction)
        }
    }

    mutating func variants(_ old: [Schema], _ new: [Schema], _ subject: String, prefix: String, place: String, _ direction: Direction) {
        // Variants are matched by their constant discriminator (`type`), else by position.
        func tag(_ variant: Schema) -> String? {
            variant.property(named: "type")?.schema.constantValue.map(JSONWriter.compact)
        }
        var unmatched = Array(new.indices)
        for (index, variant) in old.enumerated() {
            let match = tag(variant).flatMap { key in unmatched.first { tag(new[$0]) == key } }
                ?? (tag(variant) == nil && unmatched.contains(index) && tag(new[index]) == nil ? index : nil)
            guard let match else {
                record(.breaking, .removed, place, "variant \(tag(variant) ?? "\(index + 1)") removed", old: variant.location, new: nil, memberPath: prefix)
                continue
            }
            unmatched.removeAll { $0 == match }
            schema(variant, new[match], subject, path: prefix, direction)
        }
        for index in unmatched {
            record(.additive, .added, place, "variant \(tag(new[index]) ?? "\(index + 1)") added", old: nil, new: new[index].location, memberPath: prefix)
        }
    }

    static func text(_ value: JSONValue?) -> String { value.map(JSONWriter.compact) ?? "none" }
}

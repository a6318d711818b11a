import JSONSyntax
import SpecModel

/// One way a JSON value fails its schema: where (JSON path and position in the example) and why.
public struct Mismatch: Sendable, Hashable {
    /// `$.status.type`, `$.data[0].id`
    public var path: String
    public var line: Int
    public var column: Int
    public var reason: Reason

    public enum Reason: Sendable, Hashable {
        case missingRequiredKey(String)
        case unknownKey(String)
        case wrongType(expected: String, found: String)
        case unexpectedNull
        case notInEnum(value: String, allowed: [String])
        case noMatchingVariant(count: Int)
        /// The example has `found` where the field list names `documented` (written at `documentedAt`), and
        /// the value fits that field: the same member under another name (`results` for `result`).
        case misnamedKey(documented: String, documentedAt: SourceLocation, found: String)

        /// A short category for grouping (`missing required key`), without the specifics.
        public var category: String {
            switch self {
            case .missingRequiredKey: "missing required key"
            case .unknownKey: "key the schema lacks"
            case .wrongType: "wrong JSON type"
            case .unexpectedNull: "null for a non-nullable value"
            case .notInEnum: "value outside the enum"
            case .noMatchingVariant: "matches no union variant"
            case .misnamedKey: "member named otherwise than in the field list"
            }
        }
    }

    public var message: String {
        switch reason {
        case .missingRequiredKey(let key): "\(path): missing required key '\(key)'"
        case .unknownKey(let key): "\(path): key '\(key)' is not in the schema"
        case .wrongType(let expected, let found): "\(path): expected \(expected), found \(found)"
        case .unexpectedNull: "\(path): null, but the schema is not nullable"
        case .notInEnum(let value, let allowed):
            "\(path): \(value) is not one of \(allowed.joined(separator: ", "))"
        case .noMatchingVariant(let count): "\(path): matches none of the \(count) variants of the union"
        case .misnamedKey(let documented, let location, let found):
            "\(path): the example says '\(found)' where the field list says '\(documented)' (\(location.fileAndLine))"
        }
    }
}

/// Checks JSON values against schemas the way the generated `Codable` types will read them.
public enum SchemaValidator {
    public static func mismatches(of node: JSONNode, against schema: Schema) -> [Mismatch] {
        var found: [Mismatch] = []
        validate(node, schema, path: "$", into: &found)
        return found
    }

    private static func validate(_ node: JSONNode, _ schema: Schema, path: String, into found: inout [Mismatch]) {
        func report(_ reason: Mismatch.Reason) {
            found.append(Mismatch(path: path, line: node.line, column: node.column, reason: reason))
        }
        if case .null = node.content {
            if !schema.nullable && schema.kind != .any { report(.unexpectedNull) }
            return
        }
        switch schema.kind {
        case .any:
            return
        case .string, .integer, .number, .boolean:
            guard matchesScalar(node.content, schema.kind) else {
                report(.wrongType(expected: schema.kind.rawValue, found: node.value.typeName))
                return
            }
            if let allowed = schema.enumValues, !allowed.contains(where: { sameScalar($0, node.value) }) {
                report(.notInEnum(value: JSONWriter.compact(node.value), allowed: allowed.map(JSONWriter.compact)))
            }
        case .array:
            guard case .array(let elements) = node.content else {
                report(.wrongType(expected: "array", found: node.value.typeName))
                return
            }
            if let item = schema.itemSchema {
                for (index, element) in elements.enumerated() {
                    validate(element, item, path: "\(path)[\(index)]", into: &found)
                }
            }
        case .object:
            guard case .object(let members) = node.content else {
                report(.wrongType(expected: "object", found: node.value.typeName))
                return
            }
            guard let properties = schema.properties else { return }  // open object
            let misnamed = misnamedMembers(members, properties)
            for property in properties where property.required && !members.contains(where: { $0.key == property.name }) {
                if misnamed.values.contains(property.name) { continue }
                report(.missingRequiredKey(property.name))
            }
            for member in members {
                let memberPath = path + "." + member.key
                if let documented = misnamed[member.key], let property = properties.first(where: { $0.name == documented }) {
                    found.append(Mismatch(path: memberPath, line: member.line, column: member.column,
                                          reason: .misnamedKey(documented: documented, documentedAt: property.location, found: member.key)))
                    continue
                }
                guard let property = properties.first(where: { $0.name == member.key }) else {
                    if !schema.truncated {
                        found.append(Mismatch(path: memberPath, line: member.line, column: member.column,
                                              reason: .unknownKey(member.key)))
                    }
                    continue
                }
                validate(member.value, property.schema, path: memberPath, into: &found)
            }
        case .union:
            let variants = schema.variants ?? []
            var best: [Mismatch]?
            for variant in variants {
                var attempt: [Mismatch] = []
                validate(node, variant, path: path, into: &attempt)
                if attempt.isEmpty { return }
                if discriminatorMatches(node, variant) {
                    // The value names this variant: its problems are the ones to report.
                    found += attempt
                    return
                }
                if best == nil || attempt.count < best!.count { best = attempt }
            }
            if variants.isEmpty { return }
            if variants.count > 1 {
                report(.noMatchingVariant(count: variants.count))
            } else if let best {
                found += best
            }
        }
    }

    /// The example's members that are a missing required field under another name, by the example's name:
    /// the names differ by a plural `s` or one letter, and the value fits the field's schema. One candidate
    /// each way, or none (two near names are a guess, not a rename).
    private static func misnamedMembers(_ members: [JSONNode.Member], _ properties: [Property]) -> [String: String] {
        let missing = properties.filter { property in property.required && !members.contains { $0.key == property.name } }
        let unknown = members.filter { member in !properties.contains { $0.name == member.key } }
        var result: [String: String] = [:]
        for property in missing {
            let candidates = unknown.filter { nearNames($0.key, property.name) }
            guard candidates.count == 1, let member = candidates.first,
                  mismatches(of: member.value, against: property.schema).isEmpty,
                  missing.filter({ nearNames(member.key, $0.name) }).count == 1 else { continue }
            result[member.key] = property.name
        }
        return result
    }

    /// `result` and `results`, `colour` and `color`, `creatd_at` and `created_at`: one letter added, removed
    /// or changed.
    static func nearNames(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x != y, abs(x.count - y.count) <= 1, min(x.count, y.count) >= 3 else { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        var (j, k) = (x.count, y.count)
        while j > i, k > i, x[j - 1] == y[k - 1] { j -= 1; k -= 1 }
        return j - i <= 1 && k - i <= 1
    }

    /// Whether the value's `type` (or other constant-valued key) equals the variant's constant.
    private static func discriminatorMatches(_ node: JSONNode, _ variant: Schema) -> Bool {
        guard case .object(let members) = node.content, let properties = variant.properties else { return false }
        for property in properties {
            guard let constant = property.schema.constantValue,
                  let member = members.first(where: { $0.key == property.name }) else { continue }
            return sameScalar(constant, member.value.value)
        }
        return false
    }

    private static func matchesScalar(_ content: JSONNode.Content, _ kind: Schema.Kind) -> Bool {
        switch (content, kind) {
        case (.string, .string), (.bool, .boolean), (.number, .number): true
        // `24000.0` decodes into an `Int`, as Foundation's JSONDecoder reads it; `1.5` does not.
        case (.number(let text), .integer): Double(text).map { $0 == $0.rounded() } ?? false
        default: false
        }
    }

    private static func sameScalar(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if case .number(let a) = lhs, case .number(let b) = rhs { return Double(a) == Double(b) }
        return lhs == rhs
    }
}

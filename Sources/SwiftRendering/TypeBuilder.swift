import JSONSyntax
import SpecModel

/// Builds Swift declarations for schemas and hands out type names, one type per distinct structure.
///
/// A schema is declared where it is first met (object pages first, then endpoints, each in identity order)
/// and reused by name everywhere its structure appears again: the thread of retrieve, list and the object
/// page is one `ChatKitThread`.
final class TypeBuilder {
    /// Qualified type names by structure.
    private(set) var namesByShape: [String: String] = [:]
    /// Top-level names taken, so that two pages never declare the same name.
    private var topLevelNames: Set<String> = []
    /// Qualified names of the structs declared with `CursorPage` conformance.
    var cursorPageTypes: Set<String> = []
    /// Type keys of discriminated unions whose every case holds its variant's own type, however small: the
    /// events of a stream, whose types their pages declare.
    var payloadUnions: Set<String> = []
    /// How many types were declared, and how many schemas reused a type of the same structure.
    private(set) var declaredTypes = 0
    private(set) var reusedSchemas = 0

    /// Names that must not be used at the top level: they would shadow Swift or Foundation types that
    /// generated and user code refer to.
    static let reservedTopLevelNames: Set<String> = [
        "Thread", "Data", "Date", "URL", "Error", "Result", "Response", "Request", "Client", "Set", "Array",
        "Dictionary", "String", "Int", "Double", "Bool", "Optional", "Never", "Any", "Task", "Codable", "Type",
        "JSONValue", "Nullable", "APIClient", "APIError", "APIResponse", "Decoder", "Encoder", "Locale", "Character",
    ]

    /// A top-level name that no other page has taken: `preferred`, or `preferred` with `fallbackPrefix`.
    func claimTopLevelName(_ preferred: String, fallbackPrefix: String) -> String {
        var name = preferred
        if Self.reservedTopLevelNames.contains(name) || topLevelNames.contains(name) {
            name = fallbackPrefix + preferred
        }
        var candidate = name
        var counter = 2
        while Self.reservedTopLevelNames.contains(candidate) || topLevelNames.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        topLevelNames.insert(candidate)
        return candidate
    }

    /// Whether `name` could be claimed as it is.
    func isAvailableTopLevelName(_ name: String) -> Bool {
        !Self.reservedTopLevelNames.contains(name) && !topLevelNames.contains(name)
    }

    func existingName(for schema: Schema) -> String? {
        namesByShape[typeKey(schema)]
    }

    /// Structure keys, computed once per field list, element and variant list.
    private let shapeKeys = ShapeKeys()

    /// The key of the type a schema declares: nullability belongs to the property, not the type.
    func typeKey(_ schema: Schema) -> String {
        shapeKeys.key(of: schema, nullable: false)
    }

    // MARK: - Declarations

    /// A scope that collects the declarations nested in one type (or a file's top level).
    struct Scope {
        /// Qualified name of the enclosing type, or nil at a file's top level.
        var qualifiedName: String?
        var declarations: [DeclarationModel] = []
        var usedNames: Set<String> = []

        /// Names a nested type cannot have: `Outer.Type` and `Outer.Protocol` mean the metatype, `Self` and
        /// `Any` are the language's own.
        static let unusableNames: Set<String> = ["Type", "Protocol", "Self", "Any", "Sendable", "Codable", "Hashable"]

        mutating func uniqueName(_ preferred: String) -> String {
            var preferred = preferred
            if Self.unusableNames.contains(preferred) {
                let outer = qualifiedName?.split(separator: ".").last.map(String.init) ?? ""
                preferred = outer + preferred
            }
            var name = preferred
            var counter = 2
            while usedNames.contains(name) {
                name = preferred + String(counter)
                counter += 1
            }
            usedNames.insert(name)
            return name
        }

        func qualify(_ name: String) -> String {
            qualifiedName.map { "\($0).\(name)" } ?? name
        }
    }

    /// Declares `schema` as the type `name` in `scope` (or reuses the type of the same structure) and returns
    /// its qualified name. Only objects, enums and unions declare types; `declare` is for those.
    func declare(_ schema: Schema, named name: String, in scope: inout Scope) -> String {
        let key = typeKey(schema)
        if let existing = namesByShape[key] {
            reusedSchemas += 1
            return existing
        }
        declaredTypes += 1
        let local = scope.qualifiedName == nil ? name : scope.uniqueName(name)
        let qualified = scope.qualify(local)
        namesByShape[key] = qualified
        let declaration: DeclarationModel
        if schema.kind == .union {
            declaration = DeclarationModel(unionType: union(schema, name: local, qualifiedName: qualified))
        } else if schema.kind == .object {
            declaration = DeclarationModel(structType: structure(schema, name: local, qualifiedName: qualified))
        } else {
            declaration = DeclarationModel(enumType: openEnum(schema, name: local))
        }
        scope.declarations.append(declaration)
        return qualified
    }

    /// The Swift type of a value of `schema` (without the optionality of its property), declaring nested
    /// types into `scope` as needed. `name` is the type name to use if one must be declared.
    func typeReference(for schema: Schema, suggestedName name: String, in scope: inout Scope) -> String {
        switch schema.kind {
        case .string:
            if schema.isFile { return "MultipartFile" }
            if let values = schema.enumValues, values.count > 1, values.allSatisfy({ if case .string = $0 { true } else { false } }) {
                return declare(schema, named: name, in: &scope)
            }
            return "String"
        case .integer: return "Int"
        case .number: return "Double"
        case .boolean: return "Bool"
        case .any: return "JSONValue"
        case .object:
            guard let properties = schema.properties, !properties.isEmpty else { return "[String: JSONValue]" }
            return declare(schema, named: name, in: &scope)
        case .array:
            guard let items = schema.itemSchema else { return "[JSONValue]" }
            var element = typeReference(for: items, suggestedName: SwiftNames.type(SwiftNames.singular(name)), in: &scope)
            if items.nullable { element += "?" }
            return "[\(element)]"
        case .union:
            let variants = schema.variants ?? []
            // `string | array<string>` of files (`image` of an image edit): one or more files.
            if !variants.isEmpty, variants.allSatisfy({ $0.isFile || $0.itemSchema?.isFile == true }) {
                return "[MultipartFile]"
            }
            if variants.count == 1 {
                return typeReference(for: variants[0], suggestedName: name, in: &scope)
            }
            return declare(schema, named: name, in: &scope)
        }
    }

    func openEnum(_ schema: Schema, name: String) -> EnumModel {
        var used: Set<String> = ["unknown"]
        let cases = (schema.enumValues ?? []).compactMap { value -> EnumCaseModel? in
            guard case .string(let raw) = value else { return nil }
            var caseName = SwiftNames.bare(SwiftNames.enumCase(raw))
            while used.contains(caseName) { caseName += "_" }
            used.insert(caseName)
            return EnumCaseModel(name: SwiftNames.escaped(caseName), literal: SwiftNames.stringLiteral(raw))
        }
        return EnumModel(name: name, docLines: DocComment.lines(schema.description), cases: cases)
    }
}

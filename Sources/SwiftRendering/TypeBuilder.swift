import JSONSyntax
import SpecModel

/// Builds Swift declarations for schemas and hands out type names, one type per distinct structure.
///
/// A schema is declared where it is first met (object pages first, then endpoints, each in identity order)
/// and reused everywhere its structure appears again: the thread of retrieve, list and the object page is one
/// `ChatKitThread`. An object page's type is the API's own noun and is used by its name everywhere (its
/// structure is reserved for it before any page is declared); any other type's name tells where it was met
/// first (`Assistant.ResponseFormat`, `AdminAPIKeysListOrder`), so each other place that uses it names it for
/// itself with a typealias (see `alias`).
final class TypeBuilder {
    /// Qualified type names by structure.
    private(set) var namesByShape: [String: String] = [:]
    /// The types of object pages, by name: used by that name wherever their structure appears.
    private var pageOwnTypes: Set<String> = []
    /// Structures reserved for an object page that has not declared its type yet.
    private var reservedShapes: Set<String> = []
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
        // The runtime's names that generated code spells out.
        "DecodingDeviations", "DecodingIssue", "DecodingMode", "RequestOptions", "ClientConfiguration", "EndpointRequest",
        "MemberDecodingContainer", "MemberEncodingContainer", "OpenEnum", "JSONModel", "RoundTrip",
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

    /// Reserves `schema`'s structure for the object page whose type is `name`, so that pages declared before it
    /// use that type rather than declare the structure under a name of their own. When an earlier page has the
    /// same structure, its type is this one's too (and this page declares its name as a typealias).
    func reserve(_ schema: Schema, for name: String) {
        let key = typeKey(schema)
        guard namesByShape[key] == nil else { return }
        namesByShape[key] = name
        reservedShapes.insert(key)
        pageOwnTypes.insert(name)
    }

    /// The name for a type an endpoint declares at the top level (a request body, a response): an object page's
    /// type of the same structure, or `preferred` (claimed, see `claimTopLevelName`), which `declare` gives the
    /// type or, when its structure was met before, a typealias.
    func topLevelName(for schema: Schema, preferred: String, fallbackPrefix: String) -> String {
        if let existing = existingName(for: schema), pageOwnTypes.contains(existing) { return existing }
        return claimTopLevelName(preferred, fallbackPrefix: fallbackPrefix)
    }

    /// Whether `name` is an object page's type.
    func isPageOwnType(_ name: String) -> Bool {
        pageOwnTypes.contains(name)
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

        /// `preferred`, or the enclosing type's name and `preferred` when `preferred` cannot name a nested type.
        func usableName(_ preferred: String) -> String {
            guard Self.unusableNames.contains(preferred) else { return preferred }
            return (qualifiedName?.split(separator: ".").last.map(String.init) ?? "") + preferred
        }

        mutating func uniqueName(_ preferred: String) -> String {
            let preferred = usableName(preferred)
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
            if scope.qualifiedName == nil, existing == name, reservedShapes.remove(key) != nil {
                return declareNew(schema, key: key, named: name, in: &scope)  // the object page that reserved it
            }
            reusedSchemas += 1
            return alias(existing, of: schema, named: name, in: &scope)
        }
        return declareNew(schema, key: key, named: name, in: &scope)
    }

    private func declareNew(_ schema: Schema, key: String, named name: String, in scope: inout Scope) -> String {
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

    /// The name `scope` uses for `existing`, the type of a structure met before, where the structure would have
    /// been declared as `name`. An object page's type is used by its name. Any other type's name tells where it
    /// was declared (`Assistant.ResponseFormat`) and reads wrongly elsewhere (as the type of a transcription's
    /// `chunkingStrategy`): a nested scope names it as it would have named its own type, with a typealias, so
    /// that each schema is found under the name its page gives it, and the type is still declared once. At the
    /// top level, `name` was claimed for this use (an object page's type, an endpoint's request or response).
    /// No nested alias takes a top-level type's name: inside its scope it would hide that type from every
    /// reference to it.
    private func alias(_ existing: String, of schema: Schema, named name: String, in scope: inout Scope) -> String {
        let local: String
        var docLines = ["The same structure as `\(existing)`, declared there once."]
        if scope.qualifiedName == nil {
            guard existing != name else { return existing }
            local = name
            let description = DocComment.lines(schema.description)
            docLines = description + (description.isEmpty ? [] : [""]) + docLines
        } else {
            let usable = scope.usableName(name)
            guard !pageOwnTypes.contains(existing), isAvailableTopLevelName(usable) else { return existing }
            local = scope.uniqueName(usable)
        }
        let qualified = scope.qualify(local)
        if cursorPageTypes.contains(existing) { cursorPageTypes.insert(qualified) }
        scope.declarations.append(DeclarationModel(typeAlias: TypeAliasModel(name: local, target: existing, docLines: docLines)))
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

import JSONSyntax
import SpecModel

extension ModuleRenderer {
    /// The first successful JSON response: what the method returns.
    static func successResponse(_ endpoint: Endpoint) -> Response? {
        let json = endpoint.responses.filter { $0.mediaType?.hasSuffix("json") ?? false && $0.schema != nil }
        return json.first { $0.status.hasPrefix("2") } ?? json.first { $0.status == "default" }
    }

    /// An endpoint page's file: the types it declares and the method it adds to its resource.
    mutating func endpointFile(_ endpoint: Endpoint) -> (FileModel, ResourceExtensionModel) {
        // (The extension is dropped by the caller when the client is not generated.)
        var scope = TypeBuilder.Scope(qualifiedName: nil)
        let stem = naming.endpointStem(endpoint)
        let fallback = Naming.resourcePath(endpoint).map { SwiftNames.type($0) }.joined()

        // The response type: reused when its structure is known, else declared here.
        var returnType = "HTTPResponse"
        var cursorPage: CursorPageModel?
        if let response = Self.successResponse(endpoint), let schema = response.schema {
            if let existing = types.existingName(for: schema) {
                returnType = existing
            } else {
                var preferred = stem + "Response"
                if Self.isCursorPage(schema), let items = schema.property(named: "data")?.schema.itemSchema,
                   let itemType = types.existingName(for: items) {
                    // A nested item type (`Owner.User`) gives its own last name: `UserPage`.
                    preferred = (itemType.split(separator: ".").last.map(String.init) ?? itemType) + "Page"
                }
                let name = types.claimTopLevelName(preferred, fallbackPrefix: fallback)
                returnType = types.typeReference(for: schema, suggestedName: name, in: &scope)
            }
            // Every cursor-shaped struct conforms to CursorPage where it is declared (see TypeBuilder.structure).
            if types.cursorPageTypes.contains(returnType) { cursorPage = Self.cursorPage(schema, types: types) }
            pageTypes[endpoint.id] = returnType
        }
        // Without the client, the method (and the parameter and body types only it uses) is not declared.
        let method = options.emitsClient
            ? self.method(endpoint, stem: stem, returnType: returnType, cursorPage: cursorPage, scope: &scope)
            : nil
        let file = FileModel(fileName: Naming.fileName(for: endpoint.id), source: endpoint.location.file, template: "types",
                             imports: Self.imports, declarations: scope.declarations, resourceExtensions: [],
                             client: nil, tests: [], testedModule: nil, suiteType: nil, suiteName: nil)
        return (file, ResourceExtensionModel(resourceType: naming.resourceTypeName(Naming.resourcePath(endpoint)),
                                             methods: method.map { [$0] } ?? []))
    }

    static func isCursorPage(_ schema: Schema) -> Bool { TypeBuilder.isCursorPage(schema) }

    static func cursorPage(_ schema: Schema, types: TypeBuilder) -> CursorPageModel? {
        guard let items = schema.property(named: "data")?.schema.itemSchema, let itemType = types.existingName(for: items)
            ?? TypeBuilder.scalarType(items) else { return nil }
        return TypeBuilder.cursorPageModel(schema, itemType: itemType)
    }
}

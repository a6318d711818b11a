import SpecModel

extension ModuleRenderer {
    /// `Client.swift`: the client and every resource of the tree, as the endpoints' paths give it.
    func clientFile() -> FileModel {
        var children: [[String]: Set<[String]>] = [:]
        for endpoint in spec.endpoints {
            let path = Naming.resourcePath(endpoint)
            for depth in 0..<path.count {
                children[Array(path.prefix(depth)), default: []].insert(Array(path.prefix(depth + 1)))
            }
        }
        func resource(_ path: [String]) -> ResourceModel {
            let title = path.count == 1 ? naming.groupTitles[path[0]] : nil
            return ResourceModel(
                typeName: path.isEmpty ? options.clientName : naming.resourceTypeName(path),
                docLines: path.isEmpty ? [] : ["The `\(path.joined(separator: "/"))` endpoints" + (title.map { " (\($0))" } ?? "") + "."],
                children: (children[path] ?? []).sorted { $0.lexicographicallyPrecedes($1) }.map { child in
                    ResourceChildModel(property: SwiftSymbols.resourceProperty(child.last ?? ""), typeName: naming.resourceTypeName(child),
                                       docLines: ["The `\(child.joined(separator: "/"))` endpoints."])
                }
            )
        }
        let paths = children.values.flatMap { $0 }.sorted { $0.lexicographicallyPrecedes($1) }
        let client = ClientModel(
            name: options.clientName,
            docLines: ["The \(options.moduleName) API client: configuration, and the API's resources as properties.",
                       "",
                       "```swift",
                       "let client = \(options.clientName)(apiKey: \"...\")",
                       "```"],
            defaultBaseURL: SwiftNames.stringLiteral(naming.defaultBaseURL),
            userAgentSDK: SwiftNames.stringLiteral(options.moduleName),
            userAgentVersion: options.version.map(SwiftNames.stringLiteral) ?? "nil",
            apiKeyEnvironmentVariable: naming.apiKeyVariable.map(SwiftNames.stringLiteral),
            apiKeyEnvironmentVariableName: naming.apiKeyVariable,
            resources: paths.map(resource),
            rootResource: resource([])
        )
        return FileModel(fileName: PageIdentity.clientFileName, source: "the resource tree of all endpoint pages", template: "client",
                         imports: Self.imports, declarations: [], resourceExtensions: [], client: client, tests: [],
                         testedModule: nil, suiteType: nil, suiteName: nil)
    }
}

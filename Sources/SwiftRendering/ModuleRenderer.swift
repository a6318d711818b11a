import SpecLint
import SpecModel

/// What to generate and how to name it.
public struct RenderOptions: Sendable {
    /// The generated module's name (`ChatKit`).
    public var moduleName: String
    /// The name of the root client type.
    public var clientName: String
    /// `public`, `package` or `internal`: the access level of every generated declaration.
    public var accessLevel: String
    /// Whether to generate the client (`Client.swift` and the endpoint methods); without it, only types.
    public var emitsClient: Bool
    /// The SDK's version, for the client's `User-Agent`; `nil` leaves the version out.
    public var version: String?

    public init(
        moduleName: String, clientName: String = "Client", accessLevel: String = "public", emitsClient: Bool = true,
        version: String? = nil
    ) {
        self.moduleName = moduleName
        self.clientName = clientName
        self.accessLevel = accessLevel
        self.emitsClient = emitsClient
        self.version = version
    }
}

/// The render model of a whole module: the library's files and its round-trip test files.
public struct RenderedModule: Sendable {
    public var libraryFiles: [FileModel]
    public var testFiles: [FileModel]
    public var statistics: RenderStatistics
    /// The Swift type of each page: an object page's type, an endpoint's return type (by page identity).
    public var pageTypes: [String: String] = [:]
}

/// What the generator made of the docs, for the summary `generate --summary` prints.
public struct RenderStatistics: Sendable, Equatable {
    public var pages = 0
    public var endpoints = 0
    /// Structs, enums and unions declared.
    public var typesDeclared = 0
    /// Schemas (objects, enums, unions) that reused the type of an identical structure instead of declaring one.
    public var schemasMerged = 0
    /// JSON examples whose round-trip test is expected to pass.
    public var examplesRoundTripped = 0
    /// Examples whose defects break decoding: their tests are known issues.
    public var examplesDefective = 0
    /// The same examples by the lint's categories of their defects (an example can have several).
    public var defectsByCategory: [String: Int] = [:]
    /// Examples that are not JSON at all (no test).
    public var examplesInvalid = 0

    public init() {}
}

/// Turns the intermediate model into the render model: names, types, the client's resource tree, tests.
///
/// Files follow from spec pages alone: one file per object or endpoint page that declares something, plus
/// the shared `Client.swift`; tests: one file per page with JSON examples. Pages are visited in identity
/// order, object pages first, so a type is declared by the page that names it.
public struct ModuleRenderer {
    let spec: APISpec
    let options: RenderOptions
    let naming: Naming
    let types = TypeBuilder()
    let streamEvents: StreamEvents
    /// The Swift type each page's schemas got, for the tests: keyed by page id and response/body.
    var pageTypes: [String: String] = [:]

    /// Which output a file belongs to.
    public enum Part: Sendable { case library, tests }

    /// The render model of `spec`. `finished` hears of each file as soon as it is final, in the order they
    /// are made (before the module is complete), so that laying files out can overlap building the rest.
    /// `exampleFindings`: what `ExampleLint.findings(for: spec)` returns, when the caller has it already.
    public static func render(
        _ spec: APISpec, options: RenderOptions, exampleFindings: [ExampleLint.Finding]? = nil,
        finished: ((FileModel, Part) -> Void)? = nil
    ) -> RenderedModule {
        var renderer = ModuleRenderer(spec: spec, options: options, naming: Naming(spec: spec), streamEvents: StreamEvents(spec: spec))
        return renderer.render(exampleFindings: exampleFindings ?? ExampleLint.findings(for: spec), finished: finished ?? { _, _ in })
    }

    private mutating func render(exampleFindings: [ExampleLint.Finding], finished: (FileModel, Part) -> Void) -> RenderedModule {
        var files: [FileModel] = []
        let access = options.accessLevel
        func add(_ file: FileModel) {
            var file = file
            file.accessLevel = access
            files.append(file)
            finished(file, .library)
        }
        // Objects first, events after: `Response` is the type of the response object page, not of the
        // `response` field of the `response.completed` event that sorts before it.
        // Events of HTTP streams (`*-streaming` sections) before other events (Realtime's, which reuse their
        // type names), so that `response.output_text.delta` of the Responses API is `ResponseOutputTextDeltaEvent`.
        let isEvent = { (object: ObjectPage) in StreamEvents.titledEventType(of: object) != nil }
        let isStreamEvent = { (object: ObjectPage) in isEvent(object) && object.id.split(separator: ".").first?.hasSuffix("-streaming") == true }
        // Beta sections after the rest of their kind: the current API's pages (`realtime-client-events`) get the
        // plain names, and a beta page of the same structure (`realtime-beta-client-events`) names it with an alias.
        let isBeta = { (object: ObjectPage) in Naming.isBetaSection(object.id) }
        let byKind = [spec.objects.filter { !isEvent($0) }, spec.objects.filter(isStreamEvent),
                      spec.objects.filter { isEvent($0) && !isStreamEvent($0) }]
        let ordered = byKind.flatMap { $0.filter { !isBeta($0) } + $0.filter(isBeta) }
        // Every object page's name and structure first: a page declared before another uses the other's type
        // (`ProjectUser` as the user of a project API key's owner) rather than declare its structure itself.
        var objectTypeNames: [String] = []
        for object in ordered {
            let name = naming.objectTypeName(object, types: types)
            if Self.declaresType(object.schema) { types.reserve(object.schema, for: name) }
            objectTypeNames.append(name)
        }
        for (object, name) in zip(ordered, objectTypeNames) {
            add(objectFile(object, named: name))
        }
        for endpoint in spec.endpoints {
            var (file, resourceExtension) = endpointFile(endpoint)
            if options.emitsClient { file.resourceExtensions = [resourceExtension] }
            add(file)
        }
        // Index and guide pages declare nothing, but get their (empty) file too: the set of files follows
        // from the set of pages alone, which is what a build plugin has to declare before generating.
        for page in spec.indexes.map({ ($0.id, $0.location.file) }) + spec.guides.map({ ($0.id, $0.location.file) }) {
            add(FileModel(fileName: Naming.fileName(for: page.0), source: page.1, template: "types",
                          imports: Self.imports, declarations: [], resourceExtensions: [],
                          client: nil, tests: [], testedModule: nil, suiteType: nil, suiteName: nil))
        }
        if options.emitsClient { add(clientFile()) }
        let library = files.sorted { $0.fileName < $1.fileName }
        let (tests, exampleCounts) = testFiles(exampleFindings)
        for test in tests { finished(test, .tests) }
        var statistics = exampleCounts
        statistics.pages = spec.endpoints.count + spec.objects.count + spec.indexes.count + spec.guides.count
        statistics.endpoints = spec.endpoints.count
        statistics.typesDeclared = types.declaredTypes
        statistics.schemasMerged = types.reusedSchemas
        return RenderedModule(libraryFiles: library, testFiles: tests, statistics: statistics, pageTypes: pageTypes)
    }

    static let imports = ["Foundation", "SpecwrightRuntime"]

    /// Whether an object page's schema is declared as a type (an object without properties is a dictionary).
    static func declaresType(_ schema: Schema) -> Bool {
        !(schema.kind == .object && schema.properties?.isEmpty ?? true)
    }

    private mutating func objectFile(_ object: ObjectPage, named name: String) -> FileModel {
        var scope = TypeBuilder.Scope(qualifiedName: nil)
        var schema = object.schema
        if schema.description == nil { schema.description = object.description }
        var typeName: String
        if Self.declaresType(schema) {
            typeName = types.declare(schema, named: name, in: &scope)
        } else {
            typeName = "[String: JSONValue]"
        }
        addRemarks(to: &scope.declarations, ["- Remark: Generated from `\(object.location.fileAndLine)`."])
        pageTypes[object.id] = typeName
        return FileModel(fileName: Naming.fileName(for: object.id), source: object.location.file, template: "types",
                         imports: Self.imports, declarations: scope.declarations, resourceExtensions: [],
                         client: nil, tests: [], testedModule: nil, suiteType: nil, suiteName: nil)
    }

    /// Appends remark lines to the doc comment of the first declaration (the page's own type).
    private func addRemarks(to declarations: inout [DeclarationModel], _ remarks: [String]) {
        guard !declarations.isEmpty else { return }
        if var model = declarations[0].structType {
            model.docLines = DocComment.lines(model.docLines.joined(separator: "\n"), remarks: remarks)
            declarations[0].structType = model
        } else if var model = declarations[0].unionType {
            model.docLines = DocComment.lines(model.docLines.joined(separator: "\n"), remarks: remarks)
            declarations[0].unionType = model
        } else if var model = declarations[0].typeAlias {
            model.docLines = DocComment.lines(model.docLines.joined(separator: "\n"), remarks: remarks)
            declarations[0].typeAlias = model
        }
    }
}

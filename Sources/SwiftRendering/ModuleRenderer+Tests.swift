import SpecLint
import SpecModel

extension ModuleRenderer {
    /// One test file per page with JSON examples: each example decoded into its documented type, encoded
    /// again and compared as JSON values. Examples the lint reports as not conforming are known issues.
    func testFiles(_ findings: [ExampleLint.Finding]) -> ([FileModel], RenderStatistics) {
        var statistics = RenderStatistics()
        var byPage: [String: [RoundTripTestModel]] = [:]
        var sources: [String: String] = [:]
        for finding in findings {
            guard let schema = finding.schema else { continue }
            let example = finding.example
            let pageID = Page.id(forPath: example.location.file)
            guard let typeName = testedType(schema, pageID: pageID) else { continue }
            var tests = byPage[pageID, default: []]
            // An example that is not JSON has nothing to round-trip (the lint reports it); whether a lenient
            // decoder happens to accept it says nothing about the types.
            if finding.syntaxError != nil {
                statistics.examplesInvalid += 1
                continue
            }
            var reason: String?
            do {
                let breaking = finding.mismatches.filter(Self.breaksRoundTrip)
                if breaking.isEmpty {
                    statistics.examplesRoundTripped += 1
                } else {
                    statistics.examplesDefective += 1
                    for category in Set(breaking.map(\.reason.category)) { statistics.defectsByCategory[category, default: 0] += 1 }
                    reason = "the lint reports: " + breaking.map(\.message).joined(separator: "; ")
                }
            }
            tests.append(RoundTripTestModel(
                functionName: SwiftNames.member("\(example.role.rawValue) example line \(example.location.line)"),
                displayName: SwiftNames.stringLiteral("\(example.location.fileAndLine): \(example.role.rawValue) example"),
                typeName: typeName,
                jsonLiteral: Self.rawLiteral(example.code),
                knownIssue: reason.map(SwiftNames.stringLiteral)
            ))
            byPage[pageID] = tests
            sources[pageID] = example.location.file
        }
        // Every page gets a test file, examples or not, so that the set of files follows from the pages.
        let pages = spec.endpoints.map { ($0.id, $0.location.file) } + spec.objects.map { ($0.id, $0.location.file) }
            + spec.indexes.map { ($0.id, $0.location.file) } + spec.guides.map { ($0.id, $0.location.file) }
        for (pageID, file) in pages where sources[pageID] == nil { sources[pageID] = file }
        let files = sources.keys.sorted().map { pageID in
            FileModel(fileName: PageIdentity.testFileName(forPath: sources[pageID] ?? pageID), source: sources[pageID] ?? pageID, template: "roundTripTests",
                      imports: ["Foundation", "SpecwrightRuntime", "Testing"], declarations: [], resourceExtensions: [],
                      client: nil, tests: byPage[pageID] ?? [], testedModule: options.moduleName,
                      suiteType: SwiftNames.type(pageID) + "Examples",
                      suiteName: SwiftNames.stringLiteral("Examples of " + (sources[pageID] ?? pageID)))
        }
        return (files, statistics)
    }

    /// Whether the generated types fail on a value with this defect. They keep keys the docs do not list,
    /// values outside a multi-value enum and variants they do not know, so those round-trip; a missing
    /// required key (also one the example spells otherwise), a wrong JSON type, a null where none may be, or
    /// a constant with another value do not.
    static func breaksRoundTrip(_ mismatch: Mismatch) -> Bool {
        switch mismatch.reason {
        case .missingRequiredKey, .wrongType, .unexpectedNull, .misnamedKey: true
        case .notInEnum(_, let allowed): allowed.count == 1 && allowed[0].hasPrefix("\"")
        case .unknownKey, .noMatchingVariant: false
        }
    }

    /// The generated type an example's schema decodes into.
    private func testedType(_ schema: Schema, pageID: String) -> String? {
        if let name = types.existingName(for: schema) { return name }
        return pageTypes[pageID]
    }

    /// A raw string literal whose delimiter no `"#` sequence in the text can close.
    static func rawLiteral(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) { hashes += "#" }
        var body = text
        if body.hasSuffix("\n") { body.removeLast() }
        return "\(hashes)\"\"\"\n\(body)\n\"\"\"\(hashes)"
    }
}


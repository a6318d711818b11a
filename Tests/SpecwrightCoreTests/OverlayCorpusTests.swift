import Foundation
import SpecModel
import SpecwrightCore
import Testing

/// The overlay shipped for the whole reference (`Tests/Overlays/openai-reference.overlay.md`): every entry
/// applies (none stale, none failing), and the corrections it exists for reach the model and the generated
/// code. `Scripts/corpus-check.sh` builds and round-trips the reference with it.
@Suite("The reference's overlay", .enabled(if: Corpus.isPresent, "../shared/corpus/openai-api-markdown is absent"))
struct OverlayCorpusTests {
    static let overlay = repositoryRoot.appendingPathComponent("Tests/Overlays/openai-reference.overlay.md").path
    static let spec: APISpec = (try? Pipeline.loadWithExampleFindings(paths: [Corpus.folder.path], overlays: [overlay]).spec) ?? APISpec()

    @Test func everyEntryApplies() {
        let overlayDiagnostics = Self.spec.diagnostics.filter { $0.location.file.hasSuffix(".overlay.md") }
        #expect(overlayDiagnostics.isEmpty, "\(overlayDiagnostics.map(\.description))")
        #expect(!Self.spec.diagnostics.contains { $0.severity == .error })
    }

    @Test(arguments: ["responses.object", "responses.create", "responses.get", "responses.cancel"])
    func theResponsesOutputIsTheOutputItems(page: String) throws {
        let schema = try #require(Self.responseSchema(page)?.property(named: "output")?.schema)
        let items = try #require(schema.itemSchema)
        #expect(items.kind == .union)
        #expect((items.variants?.count ?? 0) > 10)
        #expect(schema.correction(of: .items)?.origin == .overlay)
    }

    @Test func everyUsagePageNamesItsResultsAsTheAPIDoes() throws {
        let usage = Self.spec.endpoints.filter { $0.id.hasPrefix("usage.") }
        #expect(usage.count == 9)
        for endpoint in usage {
            let bucket = endpoint.responses.first?.schema?.property(named: "data")?.schema.itemSchema
            #expect(bucket?.property(named: "results") != nil, "\(endpoint.id)")
            #expect(bucket?.property(named: "result") == nil, "\(endpoint.id)")
        }
        // The example lint agrees with the corrected field list now.
        #expect(!Self.spec.diagnostics.contains { $0.location.file.hasPrefix("usage/") && $0.message.contains("where the field list says 'result'") })
    }

    @Test func theGeneratedResponseTypesItsOutput() throws {
        let module = try Generator.generate(Self.spec, options: .init(moduleName: "OpenAI"))
        let response = try #require(module.library.first { $0.name == "responses.object.swift" })
        #expect(!response.contents.contains("public var output: [JSONValue]"))
        #expect(response.contents.range(of: #"public var output: \[[A-Za-z.]+\]"#, options: .regularExpression) != nil)
    }

    static func responseSchema(_ page: String) -> Schema? {
        if let object = spec.objects.first(where: { $0.id == page }) { return object.schema }
        return spec.endpoints.first { $0.id == page }?.responses.first { $0.status.hasPrefix("2") }?.schema
    }
}

import Foundation
import Testing
import SpecModel
import SpecwrightCore

/// The whole OpenAI reference in `../shared/corpus`, read where it is (never copied into the repository).
enum Corpus {
    static let folder: URL = {
        if let path = ProcessInfo.processInfo.environment["SPECWRIGHT_CORPUS"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/openai-api-markdown")
    }()

    static let isPresent: Bool = {
        let present = FileManager.default.fileExists(atPath: folder.path)
        if !present {
            print("""
                ⚠️⚠️⚠️ CORPUS NOT FOUND at \(folder.path): the corpus tests are SKIPPED.
                ⚠️⚠️⚠️ Put ../shared beside the repository or set SPECWRIGHT_CORPUS.
                """)
        }
        return present
    }()

    /// The model of the whole corpus, built once for all tests.
    static let spec: APISpec = (try? Pipeline.model(paths: [folder.path])) ?? APISpec()
}

@Suite("OpenAI corpus", .enabled(if: Corpus.isPresent, "../shared/corpus/openai-api-markdown is absent"))
struct CorpusTests {
    let spec = Corpus.spec

    /// `(relative path, line)` of every line of the corpus text that satisfies `matches`.
    func lines(where matches: (Substring) -> Bool) -> [(String, Int)] {
        var found: [(String, Int)] = []
        for (url, relative) in SpecLoader.markdownFiles(under: Corpus.folder) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where matches(line) {
                found.append((relative, index + 1))
            }
        }
        return found
    }

    @Test func everyPageParses() {
        let files = SpecLoader.markdownFiles(under: Corpus.folder)
        #expect(files.count == 536)
        let pages = spec.endpoints.count + spec.objects.count + spec.indexes.count + spec.guides.count
        #expect(pages == files.count)
        #expect(spec.endpoints.count == 178)
        #expect(spec.objects.count == 239)
        #expect(spec.indexes.count == 114)
    }

    @Test func nothingIsLeftNotUnderstood() {
        let notUnderstood = spec.diagnostics.filter { $0.kind == .notUnderstood }
        #expect(notUnderstood.isEmpty, "\(notUnderstood.prefix(10).map(\.description).joined(separator: "\n"))")
        let errors = spec.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test func everyEndpointHasMethodPathAndServer() {
        let methods: Set = ["GET", "POST", "DELETE", "PUT", "PATCH"]
        for endpoint in spec.endpoints {
            #expect(methods.contains(endpoint.method), "\(endpoint.id)")
            #expect(endpoint.path.hasPrefix("/v1/"), "\(endpoint.id)")
            #expect(endpoint.pathTemplateParameters.allSatisfy { name in
                endpoint.parameters.contains { $0.location == .path && $0.name == name }
            }, "\(endpoint.id)")
            #expect(!endpoint.responses.isEmpty, "\(endpoint.id)")
        }
        // Two pages have no curl example whose URL matches their path; every other one names the server.
        #expect(spec.endpoints.filter { $0.baseURL == "https://api.openai.com" }.count == 176)
    }

    @Test func everyVariantMarkerLandsInTheModel() {
        let markers = lines { $0.drop(while: { $0 == " " }).hasPrefix("- Variant (") }
        #expect(markers.count > 800)
        let locations = schemaLocations()
        let missing = markers.filter { !locations.contains("\($0.0):\($0.1)") }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
    }

    @Test func everyItemsMarkerLandsInTheModel() {
        let markers = lines { $0.drop(while: { $0 == " " }).hasPrefix("- Items:") }
        #expect(markers.count > 200)
        let locations = Set(allSchemas().compactMap { $0.itemSchema?.location.fileAndLine })
        let missing = markers.filter { !locations.contains("\($0.0):\($0.1)") }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
    }

    /// Each `Enum:` sentence belongs to exactly one field, parameter or body: the one whose description holds it.
    @Test func everyEnumSentenceLandsInTheModel() {
        var sentences = 0
        for (url, _) in SpecLoader.markdownFiles(under: Corpus.folder) {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            sentences += text.ranges(of: "Enum: ").count
        }
        // A field owns an enum when the enum sits on its schema, its elements or its scalar alternatives.
        func ownsEnum(_ schema: Schema) -> Bool {
            schema.enumValues != nil || schema.itemSchema?.enumValues != nil
                || (schema.variants ?? []).contains { $0.enumValues != nil }
        }
        var owners = 0
        func walk(_ schema: Schema) {
            for property in schema.properties ?? [] {
                if ownsEnum(property.schema) { owners += 1 }
                walk(property.schema)
            }
            if let items = schema.itemSchema { walk(items) }
            for variant in schema.variants ?? [] { walk(variant) }
        }
        for endpoint in spec.endpoints {
            owners += endpoint.parameters.filter { ownsEnum($0.schema) }.count
            endpoint.parameters.forEach { walk($0.schema) }
            endpoint.requestBodies.forEach { walk($0.schema) }
            endpoint.responses.compactMap(\.schema).forEach(walk)
        }
        spec.objects.forEach { walk($0.schema) }
        #expect(sentences > 1600)
        #expect(owners == sentences)
    }

    func rootSchemas() -> [Schema] {
        spec.endpoints.flatMap { endpoint in
            endpoint.parameters.map(\.schema) + endpoint.requestBodies.map(\.schema) + endpoint.responses.compactMap(\.schema)
        } + spec.objects.map(\.schema)
    }

    func allSchemas() -> [Schema] {
        var result: [Schema] = []
        var stack = rootSchemas()
        while let schema = stack.popLast() {
            result.append(schema)
            stack += (schema.properties ?? []).map(\.schema) + (schema.variants ?? []) + [schema.itemSchema].compactMap { $0 }
        }
        return result
    }

    func schemaLocations() -> Set<String> {
        Set(allSchemas().map(\.location.fileAndLine))
    }
}

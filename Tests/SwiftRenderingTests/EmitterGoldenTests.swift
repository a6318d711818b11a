import Foundation
import SpecwrightCore
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Generated code compared byte for byte with checked-in copies, which the package also compiles (targets
/// `EmitterGoldenShapes`, `ChatKit`) and whose round-trip tests it runs. `RECORD_GOLDEN=1` writes them anew.
@Suite("Emitter goldens")
struct EmitterGoldenTests {
    struct Golden {
        var specs: String
        var module: String
        var library: String
        var tests: String
        /// The `specwright.json` the package's build uses for this module, when there is one (its `version`
        /// goes into the client's `User-Agent`).
        var configuration: String? = nil
    }

    static let goldens = [
        Golden(specs: "Tests/EmitterGoldens/Specs", module: "EmitterGoldenShapes",
               library: "Tests/EmitterGoldens/Generated/Shapes", tests: "Tests/EmitterGoldens/Generated/ShapesTests"),
        Golden(specs: "Specs", module: "ChatKit", library: "Generated/ChatKit", tests: "Generated/ChatKitTests",
               configuration: "Sources/ChatKit/specwright.json"),
    ]

    func generate(_ golden: Golden) throws -> GeneratedModule {
        let spec = try Pipeline.model(paths: [repositoryRoot.appendingPathComponent(golden.specs).path])
        #expect(!spec.diagnostics.contains { $0.severity == .error })
        let options = try golden.configuration.map {
            try GeneratorConfiguration.load(repositoryRoot.appendingPathComponent($0)).generatorOptions(moduleName: golden.module)
        }
        return try Generator.generate(spec, options: options ?? .init(moduleName: golden.module))
    }

    @Test("generated code matches the checked-in copy", arguments: goldens.map(\.library))
    func matchesGolden(library: String) throws {
        let golden = try #require(Self.goldens.first { $0.library == library })
        let module = try generate(golden)
        for (files, folder) in [(module.library, golden.library), (module.tests, golden.tests)] {
            let directory = repositoryRoot.appendingPathComponent(folder)
            if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
                _ = try OutputWriter.write(files, to: directory)
                continue
            }
            let expected = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }.sorted()
            #expect(files.map(\.name).sorted() == expected, "files in \(folder)")
            for file in files {
                let text = try? String(contentsOf: directory.appendingPathComponent(file.name), encoding: .utf8)
                #expect(file.contents == text, "\(folder)/\(file.name) differs; if intended, run with RECORD_GOLDEN=1 and review the diff")
            }
        }
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() throws {
        for golden in Self.goldens {
            let first = try generate(golden)
            let second = try generate(golden)
            #expect(first.library == second.library)
            #expect(first.tests == second.tests)
        }
    }
}

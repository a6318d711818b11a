// swift-tools-version: 6.2
// Specwright: Markdown API reference -> typed Swift SDK.
// The targets are the stages of a pipeline; each imports only the stages before it:
//   CCMark -> MarkdownSyntax -> SpecParser -> (model) -> SwiftRendering -> SwiftTemplates -> SpecwrightCore -> specwright
//   JSONSyntax and SpecModel are shared vocabulary; SpecLint checks the model; SpecDiff compares two models.
//   SpecwrightRuntime is what generated code imports; it depends on nothing but Foundation.
import PackageDescription

let package = Package(
    name: "Specwright",
    products: [
        .executable(name: "specwright", targets: ["specwright"]),
        .library(name: "SpecwrightCore", targets: ["SpecwrightCore"]),
        .library(name: "SpecwrightRuntime", targets: ["SpecwrightRuntime"]),
        .library(name: "ChatKit", targets: ["ChatKit"]),
        .plugin(name: "SpecwrightBuildPlugin", targets: ["SpecwrightBuildPlugin"]),
        .plugin(name: "GenerateCodeFromSpecs", targets: ["GenerateCodeFromSpecs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "MarkdownSyntax", dependencies: ["CCMark"]),
        .target(name: "JSONSyntax"),
        .target(name: "SpecModel", dependencies: ["JSONSyntax"]),
        .target(name: "SpecParser", dependencies: ["MarkdownSyntax", "JSONSyntax", "SpecModel"]),
        .target(name: "SpecLint", dependencies: ["JSONSyntax", "SpecModel"]),
        .target(name: "SpecDiff", dependencies: ["JSONSyntax", "SpecModel"]),
        .target(name: "SwiftRendering", dependencies: ["SpecModel", "SpecLint", "JSONSyntax"]),
        .target(
            name: "SwiftTemplates",
            dependencies: ["SwiftRendering", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "SpecwrightCore",
            dependencies: ["SpecParser", "SpecLint", "SpecDiff", "SpecModel", "JSONSyntax", "SwiftRendering", "SwiftTemplates"]
        ),
        // What generated code imports: Foundation only.
        .target(name: "SpecwrightRuntime"),
        // The ChatKit SDK, generated at build time from Specs/ by this package's own build plugin. Its reviewed
        // copy is Generated/ChatKit, which `specwright check` keeps equal to what the plugin generates.
        .target(
            name: "ChatKit",
            dependencies: ["SpecwrightRuntime"],
            exclude: ["specwright.json"],
            plugins: ["SpecwrightBuildPlugin"]
        ),
        .plugin(name: "SpecwrightBuildPlugin", capability: .buildTool(), dependencies: ["specwright"]),
        .plugin(
            name: "GenerateCodeFromSpecs",
            capability: .command(
                intent: .custom(verb: "generate-code-from-specs", description: "Write the generated code of targets with a specwright.json 'output' into the package"),
                permissions: [.writeToPackageDirectory(reason: "It writes the generated Swift code into the folders specwright.json names.")]
            ),
            dependencies: ["specwright"]
        ),
        .executableTarget(
            name: "specwright",
            dependencies: [
                "SpecwrightCore",
                "SpecDiff",
                "SpecParser",
                "SpecModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarkdownSyntaxTests", dependencies: ["MarkdownSyntax"]),
        .testTarget(name: "JSONSyntaxTests", dependencies: ["JSONSyntax"]),
        .testTarget(name: "SpecParserTests", dependencies: ["SpecParser", "SpecModel"]),
        .testTarget(name: "SpecLintTests", dependencies: ["SpecLint", "SpecParser", "SpecModel", "JSONSyntax"]),
        .testTarget(name: "SpecDiffTests", dependencies: ["SpecDiff", "SpecParser", "SpecModel"]),
        .testTarget(
            name: "SpecwrightCoreTests",
            dependencies: ["SpecwrightCore", "SpecParser", "SpecModel", "JSONSyntax", "specwright", "SpecFuzzing"],
            exclude: ["Golden"]
        ),
        .target(name: "LoopbackServer", path: "Tests/Support/LoopbackServer"),
        .testTarget(name: "SpecwrightRuntimeTests", dependencies: ["SpecwrightRuntime", "LoopbackServer"]),
        .testTarget(name: "ChatKitTests", dependencies: ["ChatKit", "SpecwrightRuntime"], path: "Generated/ChatKitTests"),
        // The generated sources again, in a target whose default isolation is MainActor: they must compile
        // there without warnings and stay usable from other actors.
        .target(
            name: "MainActorIsolationCheck",
            dependencies: ["SpecwrightRuntime"],
            path: "Tests/MainActorIsolationCheck",
            swiftSettings: [.defaultIsolation(MainActor.self)]
        ),
        // Golden output of the emitter for tricky shapes (Tests/EmitterGoldens/Specs): compiled, and its
        // round-trip tests run, so the goldens are known to be valid Swift that works.
        .target(name: "EmitterGoldenShapes", dependencies: ["SpecwrightRuntime"], path: "Tests/EmitterGoldens/Generated/Shapes"),
        .testTarget(
            name: "EmitterGoldenShapesTests",
            dependencies: ["EmitterGoldenShapes", "SpecwrightRuntime"],
            path: "Tests/EmitterGoldens/Generated/ShapesTests"
        ),
        .testTarget(
            name: "SwiftRenderingTests",
            dependencies: ["SwiftRendering", "SwiftTemplates", "SpecwrightCore", "SpecParser", "SpecModel"]
        ),
        // Release-mode benchmark: generated ChatKit types against a hand-written Codable struct (Scripts/bench-codable.sh).
        .executableTarget(
            name: "chatkit-codable-benchmark",
            dependencies: ["ChatKit", "SpecwrightRuntime"],
            path: "Benchmarks/ChatKitCodable"
        ),
        // Fuzzing the parser (Scripts/fuzz.sh): deterministic mutants of the corpus pages and the checks every
        // page must pass; the library is shared with the test suite's short seeded run.
        .target(name: "SpecFuzzing", dependencies: ["SpecwrightCore", "SpecParser", "SpecModel", "JSONSyntax"], path: "Fuzz/SpecFuzzing"),
        .executableTarget(name: "specwright-fuzz", dependencies: ["SpecFuzzing", "SpecwrightCore"], path: "Fuzz/specwright-fuzz"),
        // The same checks as a coverage-guided libFuzzer target (Scripts/libfuzz.sh builds it with -sanitize=fuzzer);
        // built plainly, it runs saved inputs through the checks once.
        .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(name: "specwright-libfuzzer", dependencies: ["SpecFuzzing", "CLibFuzzer"], path: "Fuzz/specwright-libfuzzer"),
        .testTarget(name: "ChatKitClientTests", dependencies: ["ChatKit", "SpecwrightRuntime", "LoopbackServer"]),
        // The generated client of Tests/EmitterGoldens/Specs/media (bodies, bytes, event streams) on loopback.
        .testTarget(name: "EmitterGoldenClientTests", dependencies: ["EmitterGoldenShapes", "SpecwrightRuntime", "LoopbackServer"]),
    ],
    swiftLanguageModes: [.v6]
)

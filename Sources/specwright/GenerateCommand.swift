import ArgumentParser
import Foundation
import SpecModel
import SpecwrightCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a Swift SDK (types, client, round-trip tests) from the specs.",
        discussion: """
            Give the specs, --output and --module, or a specwright.json with --config (options given here win \
            over it). Nothing is written when a spec has an error. Files are written only when their bytes \
            change, and generated files that are no longer generated are removed; other files are never touched.
            """
    )

    @Argument(help: "Spec files or folders (folders are read recursively).")
    var paths: [String] = []

    @Option(name: .long, help: "A specwright.json to read specs, module, output and the rest from.")
    var config: String?

    @Option(name: .long, help: "Folder for the library's Swift files.")
    var output: String?

    @Option(name: .long, help: "The generated module's name, as the package's target calls it.")
    var module: String?

    @Option(name: .long, help: "Folder for the generated round-trip tests (none are written without it).")
    var testsOutput: String?

    @Option(name: .long, help: "An overlay file to apply to the specs (repeatable), besides the configuration's 'overlays' and the *.overlay.md files in the spec folders.")
    var overlay: [String] = []

    @Option(name: .long, help: "Folder of NAME.mustache files that replace the shipped templates.")
    var templates: String?

    @Option(name: .long, help: "Name of the root client type (default Client).")
    var clientName: String?

    @Option(name: .long, help: "public, package or internal (default public).")
    var accessLevel: String?

    @Option(name: .long, parsing: .upToNextOption, help: "What to generate: types, client, tests (default types client).")
    var emit: [String] = []

    @Flag(name: .long, help: "Print diagnostics with absolute paths (for build logs and editors).")
    var absolutePaths = false

    @Flag(name: .long, help: "Print warnings too, not only errors (the same as --warning-output all).")
    var warnings = false

    @Option(name: .long, help: "What to print of the docs' warnings: all, count (one line) or none; by default the configuration's 'buildWarnings', else count. Errors are always printed.")
    var warningOutput: DiagnosticPrinter.WarningOutput?

    @Flag(name: .long, help: "Print what was generated: pages, types, merged schemas, lines, examples, time.")
    var summary = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        var settings = try config.map { try GeneratorConfiguration.load(URL(fileURLWithPath: $0)) }
        if settings == nil, paths.isEmpty { throw ValidationError("give spec paths, or --config") }
        if var loaded = settings {
            if let accessLevel { loaded.accessLevel = accessLevel }
            if let clientName { loaded.clientName = clientName }
            if !emit.isEmpty { loaded.emit = try Self.parts(emit) }
            settings = loaded
        }
        let specPaths = paths.isEmpty ? (settings?.specs.map { settings!.resolve($0).path } ?? []) : paths
        guard let moduleName = module ?? settings?.module else { throw ValidationError("give --module (or 'module' in the configuration)") }
        let outputPath = output ?? settings?.output.map { settings!.resolve($0).path }
        // An --output given here (the build plugin's) means "write there only": the configuration's checked-in
        // tests folder is for `generate --config` alone.
        let testsPath = testsOutput ?? (output == nil ? settings?.testsOutput.map { settings!.resolve($0).path } : nil)
        let parts = try settings?.emit ?? (emit.isEmpty ? [.types, .client] : Self.parts(emit))
        guard let outputPath else { throw ValidationError("give --output (or 'output' in the configuration)") }

        // Output is one file per page and removes the files of pages gone: a single page from standard input
        // would remove every other page's code.
        if specPaths.contains("-") { throw ValidationError("generate reads spec folders or files, not standard input ('-')") }
        let overlays = (settings?.overlays.map { settings!.resolve($0).path } ?? []) + overlay
        let (spec, files, exampleFindings) = try Pipeline.loadWithExampleFindings(paths: specPaths, overlays: overlays)
        let printer = DiagnosticPrinter(files: files, absolutePaths: absolutePaths)
        let configured = settings.flatMap { DiagnosticPrinter.WarningOutput(rawValue: $0.buildWarnings.rawValue) }
        try printer.failOnErrors(spec.diagnostics, warnings: warningOutput ?? (warnings ? .all : configured ?? .count))
        var options = settings?.generatorOptions(moduleName: moduleName)
            ?? Generator.Options(moduleName: moduleName, emitsClient: parts.contains(.client))
        if let templates { options.templatesDirectory = URL(fileURLWithPath: templates) }
        if settings == nil {
            options.accessLevel = accessLevel ?? "public"
            options.clientName = clientName ?? "Client"
        }
        guard ["public", "package", "internal"].contains(options.accessLevel) else {
            throw ValidationError("--access-level takes public, package or internal")
        }
        let generated = try Generator.generate(spec, options: options, exampleFindings: exampleFindings)

        // The library and the tests are written together: both folders or neither.
        var outputs: [(path: String, output: OutputWriter.Output)] = []
        let writesLibrary = parts.contains(.types) || parts.contains(.client)
        if writesLibrary {
            outputs.append((outputPath, .init(files: generated.library, directory: URL(fileURLWithPath: outputPath))))
        }
        if parts.contains(.tests) || testsPath != nil, let testsFolder = writesLibrary ? testsPath : outputPath {
            outputs.append((testsFolder, .init(files: generated.tests, directory: URL(fileURLWithPath: testsFolder))))
        }
        let reports = try OutputWriter.write(outputs.map(\.output))
        let summary = zip(outputs, reports).map { output, report in
            "\(output.path): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed"
        }
        FileHandle.standardError.write(Data((summary.joined(separator: "; ") + "\n").utf8))
        // The changelog goes with the checked-in copy only (`--output` given here is the build plugin's).
        if let settings, output == nil { try ChangelogWriter.write(settings, current: spec, overlays: overlays) }
        if self.summary {
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(Self.summary(generated, seconds: seconds))
            print(Self.correctionsSummary(spec))
        }
    }

    static func summary(_ module: GeneratedModule, seconds: Double) -> String {
        let statistics = module.statistics
        let defective = statistics.examplesDefective
        var lines = [
            "pages: \(statistics.pages) (\(statistics.endpoints) endpoints)",
            "types declared: \(statistics.typesDeclared); schemas merged into an identical type: \(statistics.schemasMerged)",
            "generated: \(module.libraryLines) lines in \(module.library.count) files, \(module.tests.count) test files",
            "examples: \(statistics.examplesRoundTripped) round-tripped, \(defective) defective (known issues), \(statistics.examplesInvalid) not JSON",
        ]
        for (category, count) in statistics.defectsByCategory.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            lines.append("  with a defect of kind '\(category)': \(count)")
        }
        lines.append(String(format: "generation time: %.3f s", seconds))
        return lines.joined(separator: "\n")
    }

    /// How many facts generation took from the docs' own prose instead of their type lines, per rule.
    /// How many facts each rule changed: `corrections: 24 from descriptions (nullable 24), 50 from examples
    /// (nullable 50), 14 from overlays (items 4, name 9, nullable 1)`.
    static func correctionsSummary(_ spec: APISpec) -> String {
        let corrections = spec.corrections
        let origins: [(Correction.Origin, String)] = [
            (.description, "descriptions"), (.example, "examples"), (.completion, "cut schemas given elsewhere"), (.overlay, "overlays"),
        ]
        let parts = origins.map { origin, name in
            let facts = Dictionary(grouping: corrections.filter { $0.origin == origin }, by: \.fact.rawValue)
            let total = facts.values.reduce(0) { $0 + $1.count }
            let detail = facts.keys.sorted().map { "\($0) \(facts[$0]!.count)" }.joined(separator: ", ")
            return "\(total) from \(name)" + (detail.isEmpty ? "" : " (\(detail))")
        }
        return "corrections: " + parts.joined(separator: ", ")
    }

    static func parts(_ names: [String]) throws -> Set<GeneratorConfiguration.Part> {
        var parts: Set<GeneratorConfiguration.Part> = []
        for name in names.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let part = GeneratorConfiguration.Part(rawValue: name) else {
                throw ValidationError("--emit takes types, client and tests, not '\(name)'")
            }
            parts.insert(part)
        }
        if parts.contains(.client) { parts.insert(.types) }
        return parts
    }
}

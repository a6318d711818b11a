import ArgumentParser
import Foundation
import SpecwrightCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail, printing a unified diff, when checked-in generated code is not what the specs make now.",
        discussion: """
            Reads each specwright.json given (default: every one below the current folder that names an \
            'output'), generates in memory and compares with the files in 'output' and 'testsOutput'. \
            Writes nothing. Fix a failure with `specwright generate --config FILE` or the command plugin.
            """
    )

    @Argument(help: "specwright.json files to check.")
    var configs: [String] = []

    func run() throws {
        let urls = configs.isEmpty
            ? Checker.configurations(under: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            : configs.map { URL(fileURLWithPath: $0) }
        var checked = 0
        var stale: [String] = []
        for url in urls {
            let settings = try GeneratorConfiguration.load(url)
            guard let output = settings.output else { continue }
            guard let module = settings.module else {
                throw ValidationError("\(url.path): 'module' is needed to check the output")
            }
            let (spec, files, exampleFindings) = try Pipeline.loadWithExampleFindings(
                paths: settings.specs.map { settings.resolve($0).path }, overlays: settings.overlays.map { settings.resolve($0).path })
            try DiagnosticPrinter(files: files, absolutePaths: false).failOnErrors(spec.diagnostics, warnings: .count)
            let generated = try Generator.generate(spec, options: settings.generatorOptions(moduleName: module), exampleFindings: exampleFindings)
            if settings.emit.contains(.types) {
                stale += Checker.staleFiles(expected: generated.library, in: settings.resolve(output))
            }
            if let tests = settings.testsOutput {
                stale += Checker.staleFiles(expected: generated.tests, in: settings.resolve(tests))
            }
            checked += 1
        }
        guard checked > 0 else { throw ValidationError("no \(GeneratorConfiguration.fileName) with an 'output' to check") }
        if stale.isEmpty {
            FileHandle.standardError.write(Data("Generated code is current (\(checked) configuration\(checked == 1 ? "" : "s")).\n".utf8))
            return
        }
        FileHandle.standardOutput.write(Data(stale.joined().utf8))
        FileHandle.standardError.write(Data("\(stale.count) generated file\(stale.count == 1 ? " is" : "s are") stale: run `specwright generate --config FILE` (or `swift package --allow-writing-to-package-directory generate-code-from-specs`) and commit the result.\n".utf8))
        throw ExitCode(1)
    }
}

import ArgumentParser
import Foundation
import SpecModel
import SpecwrightCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a Swift SDK (types, client, round-trip tests) from the specs.",
        discussion: """
            Nothing is written when a spec has an error. Files are written only when their bytes change, and \
            generated files that are no longer generated are removed; other files are never touched.
            """
    )

    @OptionGroup var specs: SpecPaths

    @Option(name: .long, help: "Folder for the library's Swift files.")
    var output: String

    @Option(name: .long, help: "The generated module's name, as the package's target calls it.")
    var module: String

    @Option(name: .long, help: "Folder for the generated round-trip tests (none are written without it).")
    var testsOutput: String?

    @Option(name: .long, help: "Folder of NAME.mustache files that replace the shipped templates.")
    var templates: String?

    @Option(name: .long, help: "Name of the root client type.")
    var clientName: String = "Client"

    func run() throws {
        let spec = try Pipeline.model(paths: specs.paths)
        try DiagnosticPrinter.failOnErrors(spec.diagnostics)
        let generated = try Generator.generate(spec, options: .init(
            moduleName: module, clientName: clientName, templatesDirectory: templates.map { URL(fileURLWithPath: $0) }))
        let library = try OutputWriter.write(generated.library, to: URL(fileURLWithPath: output))
        var summary = "\(output): \(library.written.count) written, \(library.unchanged.count) unchanged, \(library.removed.count) removed"
        if let testsOutput {
            let tests = try OutputWriter.write(generated.tests, to: URL(fileURLWithPath: testsOutput))
            summary += "; \(testsOutput): \(tests.written.count) written, \(tests.unchanged.count) unchanged, \(tests.removed.count) removed"
        }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
}

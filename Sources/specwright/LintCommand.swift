import ArgumentParser
import SpecwrightCore

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the specs and print diagnostics as compilers do (file:line:column: severity: message).",
        discussion: "Exits non-zero when there is an error. Examples that disagree with their schema are warnings."
    )

    @OptionGroup var specs: SpecPaths

    func run() throws {
        let spec = try Pipeline.model(paths: specs.paths, overlays: specs.overlay)
        try DiagnosticPrinter().finish(spec.diagnostics, printWarnings: true, summary: true)
    }
}

import ArgumentParser
import Foundation
import SpecwrightCore

struct IRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ir",
        abstract: "Print the intermediate model of the specs as JSON.",
        discussion: "Exits non-zero when a diagnostic is an error; diagnostics are also printed to standard error."
    )

    @OptionGroup var specs: SpecPaths

    func run() throws {
        let spec = try Pipeline.model(paths: specs.paths, overlays: specs.overlay)
        FileHandle.standardOutput.write(Data(IRJSON.prettyBytes(spec)))
        try DiagnosticPrinter().finish(spec.diagnostics, printWarnings: false)
    }
}

import ArgumentParser
import Foundation
import SpecDiff
import SpecModel
import SpecwrightCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List what a docs update changes for Swift callers, classified: breaking, wire, additive, documentation.",
        discussion: """
            Compares the models of two spec folders or files as generation sees them (cut schemas completed, \
            corrections and overlays applied), not the Swift text. Prints a Markdown changelog, or JSON with \
            --format json; --fail-on sets the exit code for CI (1 when a change is at least that severe).
            """
    )

    @Argument(help: "The specs before the update.")
    var old: String

    @Argument(help: "The specs after the update.")
    var new: String

    @Option(name: .long, help: "markdown (default) or json.")
    var format: Format = .markdown

    @Option(name: .long, help: "Exit 1 when a change is at least this severe: breaking, wire, additive or documentation.")
    var failOn: SpecChange.Severity?

    @Option(name: .long, help: "An overlay applied to both sides (repeatable).")
    var overlay: [String] = []

    enum Format: String, ExpressibleByArgument {
        case markdown, json
    }

    func run() throws {
        let printer = DiagnosticPrinter()
        let before = try Pipeline.loadWithExampleFindings(paths: [old], overlays: overlay).spec
        try printer.failOnErrors(before.diagnostics, warnings: .none)
        let after = try Pipeline.loadWithExampleFindings(paths: [new], overlays: overlay).spec
        try printer.failOnErrors(after.diagnostics, warnings: .none)
        let changes = SpecDiff.changes(from: before, to: after)
        let report = format == .json ? ChangeReport.json(changes, old: old, new: new) : ChangeReport.markdown(changes, old: old, new: new)
        FileHandle.standardOutput.write(Data(report.utf8))
        if let failOn, changes.contains(where: { $0.severity <= failOn }) {
            throw ExitCode(1)
        }
    }
}

extension SpecChange.Severity: ExpressibleByArgument {}

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

    @Argument(help: "The specs before and after the update (two folders or files); with --git, the spec paths to compare (default Specs).")
    var paths: [String] = []

    @Option(name: .long, help: "Compare the specs at this git revision (HEAD, main, a tag) with the working tree.")
    var git: String?

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
        var oldPaths: [String], newPaths: [String], oldName: String, newName: String
        var scratch: URL?
        defer { scratch.map { try? FileManager.default.removeItem(at: $0) } }
        if let git {
            newPaths = paths.isEmpty ? ["Specs"] : paths
            let folder = try GitRevision.extract(newPaths, at: git)
            scratch = folder
            oldPaths = newPaths.map { folder.appendingPathComponent($0).path }
            (oldName, newName) = (git, "the working tree")
        } else {
            guard paths.count == 2 else { throw ValidationError("give the specs before and after (OLD NEW), or --git REV [PATHS]") }
            (oldPaths, newPaths) = ([paths[0]], [paths[1]])
            (oldName, newName) = (paths[0], paths[1])
        }
        let before = try Pipeline.loadWithExampleFindings(paths: oldPaths, overlays: overlay).spec
        try printer.failOnErrors(before.diagnostics, warnings: .none)
        let after = try Pipeline.loadWithExampleFindings(paths: newPaths, overlays: overlay).spec
        try printer.failOnErrors(after.diagnostics, warnings: .none)
        let changes = DiffSymbols.annotate(SpecDiff.changes(from: before, to: after), old: before, new: after)
        let report = format == .json ? ChangeReport.json(changes, old: oldName, new: newName)
            : ChangeReport.markdown(changes, old: oldName, new: newName)
        FileHandle.standardOutput.write(Data(report.utf8))
        if let failOn, changes.contains(where: { $0.severity <= failOn }) {
            throw ExitCode(1)
        }
    }
}

extension SpecChange.Severity: ExpressibleByArgument {}

/// The spec files of a git revision, written out to compare with.
enum GitRevision {
    /// A scratch folder holding `paths` (relative to `directory`, which is inside a repository; the current
    /// directory by default) as they are at `revision`, at the same relative paths.
    static func extract(_ paths: [String], at revision: String, in directory: String = ".") throws -> URL {
        guard !revision.hasPrefix("-") else { throw ValidationError("--git takes a revision, not an option: \(revision)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specwright-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = folder.appendingPathComponent(".revision.tar")
        // `git archive` of a tree-ish and paths relative to the current directory (`HEAD:./` would strip them).
        try run(["git", "-C", directory, "archive", "--format=tar", "--output=\(archive.path)", revision, "--"] + paths.map { "./\($0)" })
        try run(["tar", "-xf", archive.path, "-C", folder.path])
        try FileManager.default.removeItem(at: archive)
        return folder
    }

    /// The root of the repository `directory` is in.
    static func root(of directory: String) throws -> String {
        try run(["git", "-C", directory, "rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("specwright-git-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // `git -C DIR archive ...`: named by its subcommand.
            let command = arguments.count > 3 && arguments[1] == "-C" ? "git \(arguments[3])" : arguments.joined(separator: " ")
            throw ValidationError("\(command) failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}

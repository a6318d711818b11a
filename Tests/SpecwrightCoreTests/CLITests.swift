import Foundation
import Testing

/// Runs the built `specwright` binary, as users and CI do.
struct CLI {
    static let binary: URL = {
        // The test runner lives in the build folder beside the products it was built with.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("specwright")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/specwright")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the tool to completion. Output goes to files rather than pipes, so that a large output
    /// cannot fill a pipe and stall the child.
    static func run(_ arguments: [String], in directory: URL = repositoryRoot) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("specwright-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}

/// A scratch folder of spec pages, removed at deinit.
final class TemporarySpecs {
    let folder: URL

    init(_ pages: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("specwright-\(UUID().uuidString)")
        for (path, text) in pages {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

@Suite("specwright CLI")
struct CLITests {
    @Test func lintOfTheChatKitSpecsReportsTheSeedsDefectsAsWarnings() throws {
        let result = try CLI.run(["lint", "Specs"])
        #expect(result.status == 0)
        #expect(result.stderr.contains(
            "chatkit/threads/retrieve.md:78:1: warning: response example 'Retrieve a thread by ID' does not match its schema: $: missing required key 'created_at'"))
        #expect(result.stderr.contains("chatkit/threads/retrieve.md:82:3: warning:"))
        #expect(result.stderr.hasSuffix("0 errors, 12 warnings\n"))
    }

    @Test func lintFailsOnErrorsWithLocations() throws {
        let specs = try TemporarySpecs([
            "things/get.md": """
                # Get a thing

                `GET /v1/things/{thing_id}`

                ## Parameters
                - `thing_id` (path, strang, required): The thing.
                - `thing_id` (path, string, required): Again.

                ## Returns
                Returns a [Thing](missing.md).
                """,
        ])
        let result = try CLI.run(["lint", specs.folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("things/get.md:6:21: error: malformed type 'strang': unknown type 'strang'"))
        #expect(result.stderr.contains("things/get.md:7:3: error: duplicate parameter 'thing_id' (first defined at line 6)"))
        #expect(result.stderr.contains("things/get.md:10:11: error: link 'missing.md' leads to no page (looked for things/missing.md)"))
        #expect(result.stderr.hasSuffix("3 errors, 0 warnings\n"))
    }

    @Test func irPrintsPathsRelativeToTheFolderGiven() throws {
        let result = try CLI.run(["ir", "Specs/chatkit/threads"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""source": "retrieve.md:1""#))
        #expect(result.stdout.hasPrefix("{\n  \"endpoints\": ["))
        #expect(result.stderr.isEmpty)
    }

    @Test func irFailsOnAMissingPath() throws {
        let result = try CLI.run(["ir", "no/such/folder"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no such file or folder: no/such/folder"))
        #expect(result.stdout.isEmpty)
    }

    @Test func irOfAnEmptyPageExitsNonZeroWithALocation() throws {
        let specs = try TemporarySpecs(["empty.md": ""])
        let result = try CLI.run(["ir", specs.folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.md:1:1: error: not understood: the page is empty"))
    }
}

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

@Suite("specwright generate --config and check")
struct CheckCommandTests {
    /// A package-like folder: specs, a specwright.json that names an output, nothing generated yet.
    func makeProject() throws -> TemporarySpecs {
        let specs = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Specs/chatkit/threads").path)
        var pages: [String: String] = [:]
        for name in specs {
            pages["Specs/chatkit/threads/\(name)"] = try String(
                contentsOf: repositoryRoot.appendingPathComponent("Specs/chatkit/threads/\(name)"), encoding: .utf8)
        }
        pages["Sources/API/specwright.json"] = #"{"specs": ["../../Specs"], "module": "API", "output": "../../Generated/API", "testsOutput": "../../Generated/APITests"}"#
        return try TemporarySpecs(pages)
    }

    @Test func checkFailsOnAHandEditedFileAndPassesAfterRegenerating() throws {
        let project = try makeProject()
        let config = project.folder.appendingPathComponent("Sources/API/specwright.json").path
        #expect(try CLI.run(["generate", "--config", config]).status == 0)
        #expect(try CLI.run(["check", config]).status == 0)

        let edited = project.folder.appendingPathComponent("Generated/API/chatkit.threads.object.swift")
        let original = try String(contentsOf: edited, encoding: .utf8)
        try original.replacingOccurrences(of: "public var user: String", with: "public var user: String?")
            .write(to: edited, atomically: true, encoding: .utf8)
        let stale = try CLI.run(["check", config])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("--- \(project.folder.path)/Generated/API/chatkit.threads.object.swift"))
        #expect(stale.stdout.contains("-    public var user: String?\n+    public var user: String\n"))
        #expect(stale.stderr.contains("1 generated file is stale"))

        // A generated file that is no longer generated is stale too; a file the tool did not write is not.
        try "// Generated by Specwright from old.md\n".write(
            to: project.folder.appendingPathComponent("Generated/API/old.swift"), atomically: true, encoding: .utf8)
        try "// mine\n".write(to: project.folder.appendingPathComponent("Generated/API/Mine.swift"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", config]).stdout.contains("+++ /dev/null (no longer generated)"))

        #expect(try CLI.run(["generate", "--config", config]).status == 0)
        let fixed = try CLI.run(["check", config])
        #expect(fixed.status == 0)
        #expect(fixed.stderr.contains("Generated code is current"))
        #expect(FileManager.default.fileExists(atPath: project.folder.appendingPathComponent("Generated/API/Mine.swift").path))
        #expect(!FileManager.default.fileExists(atPath: project.folder.appendingPathComponent("Generated/API/old.swift").path))
    }

    @Test func generateRefusesToOverwriteAFileItDidNotWrite() throws {
        let project = try makeProject()
        let config = project.folder.appendingPathComponent("Sources/API/specwright.json").path
        let mine = project.folder.appendingPathComponent("Generated/API/Client.swift")
        try FileManager.default.createDirectory(at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "// my own client\n".write(to: mine, atomically: true, encoding: .utf8)
        let result = try CLI.run(["generate", "--config", config])
        #expect(result.status != 0)
        #expect(result.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "// my own client\n")
        // Nothing was written: the check happens before any file is touched.
        #expect(!FileManager.default.fileExists(atPath: project.folder.appendingPathComponent("Generated/API/chatkit.threads.list.swift").path))
    }

    @Test func aBadConfigurationNamesTheFileAndTheKey() throws {
        let project = try TemporarySpecs(["specwright.json": #"{"specs": ["Specs"], "emitt": ["types"]}"#])
        let result = try CLI.run(["generate", "--config", project.folder.appendingPathComponent("specwright.json").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("specwright.json:1:1: error: unknown key 'emitt'"))
    }

    @Test(arguments: [
        (#""buildWarnings": "loud""#, "'buildWarnings' must be all, count or none, not 'loud'"),
        (#""version": "1.0 beta""#, "'version' must be one word"),
    ])
    func badBuildWarningsAndVersionsAreReportedAtTheFile(setting: String, message: String) throws {
        let project = try TemporarySpecs(["specwright.json": #"{"specs": ["Specs"], \#(setting)}"#, "Specs/a.md": "# A\n"])
        let result = try CLI.run(["generate", "--config", project.folder.appendingPathComponent("specwright.json").path, "--output", project.folder.appendingPathComponent("Out").path, "--module", "A"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("specwright.json:1:1: error: \(message)"), "\(result.stderr)")
    }

    /// What `generate --config` (and so the build plugin) prints of the docs' warnings follows `buildWarnings`;
    /// `--warning-output` and `--warnings` override it. The seed's pages have 12.
    @Test(arguments: [(nil as String?, [String](), 0, true), ("all", [], 12, false), ("none", [], 0, false),
                      ("none", ["--warnings"], 12, false), ("all", ["--warning-output", "count"], 0, true)])
    func buildWarningsChooseWhatIsPrinted(setting: String?, flags: [String], lines: Int, counted: Bool) throws {
        let project = try makeProject()
        let config = project.folder.appendingPathComponent("Sources/API/specwright.json")
        if let setting {
            try #"{"specs": ["../../Specs"], "module": "API", "output": "../../Generated/API", "buildWarnings": "\#(setting)"}"#
                .write(to: config, atomically: true, encoding: .utf8)
        }
        let result = try CLI.run(["generate", "--config", config.path] + flags)
        #expect(result.status == 0)
        #expect(result.stderr.components(separatedBy: "\n").filter { $0.contains(": warning: ") }.count == lines, "\(result.stderr)")
        #expect(result.stderr.contains("12 warnings in the specs (specwright lint shows them)") == counted, "\(result.stderr)")
    }

    @Test func theVersionGoesIntoTheUserAgent() throws {
        let project = try makeProject()
        let config = project.folder.appendingPathComponent("Sources/API/specwright.json")
        try #"{"specs": ["../../Specs"], "module": "API", "output": "../../Generated/API", "version": "2.3.0-beta.1"}"#
            .write(to: config, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["generate", "--config", config.path]).status == 0)
        let client = try String(contentsOf: project.folder.appendingPathComponent("Generated/API/Client.swift"), encoding: .utf8)
        #expect(client.contains(#"public static let userAgent = UserAgent.value(sdk: "API", version: "2.3.0-beta.1")"#))
    }
}

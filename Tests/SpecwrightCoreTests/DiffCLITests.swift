import Foundation
import Testing

/// `specwright diff OLD NEW`: a changelog on standard output, `--format json`, and `--fail-on` for CI.
@Suite("specwright diff")
struct DiffCLITests {
    static func project() throws -> TemporarySpecs {
        var pages: [String: String] = [:]
        for name in ["list.md", "object.md", "retrieve.md"] {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Specs/chatkit/threads/\(name)"), encoding: .utf8)
            pages["old/chatkit/threads/\(name)"] = text
            pages["new/chatkit/threads/\(name)"] = name == "list.md"
                ? text.replacingOccurrences(of: "Enum: 'asc', 'desc'.", with: "Enum: 'asc', 'desc', 'relevance'.")
                : text
        }
        // The index names the group (`ChatKit`), as type names spell it.
        let index = try String(contentsOf: repositoryRoot.appendingPathComponent("Specs/chatkit/index.md"), encoding: .utf8)
        pages["old/chatkit/index.md"] = index
        pages["new/chatkit/index.md"] = index
        return try TemporarySpecs(pages)
    }

    /// Runs git in `folder` (a scratch repository, with a committer of its own); its exit status.
    static func git(_ arguments: [String], in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aChangelogInMarkdownAndJSON() throws {
        let specs = try Self.project()

        let markdown = try CLI.run(["diff", "old", "new"], in: specs.folder)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Changes from old to new\n"))
        #expect(markdown.stdout.contains("0 breaking for swift source, 0 breaking on the wire, 1 additive, 0 documentation only: a **minor** version."))
        #expect(markdown.stdout.contains("- `GET /v1/chatkit/threads`: query parameter `order`: enum value \"relevance\" added (`client.chatkit.threads.list(order:)`; chatkit/threads/list.md:11)"))

        let json = try CLI.run(["diff", "old", "new", "--format", "json"], in: specs.folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["bump"] as? String == "minor")
        #expect((object["changes"] as? [[String: Any]])?.first?["symbol"] as? String == "client.chatkit.threads.list(order:)")
    }

    @Test(arguments: [("breaking", 0), ("wire", 0), ("additive", 1), ("documentation", 1)])
    func failOnSetsTheExitCode(level: String, status: Int32) throws {
        let specs = try Self.project()
        #expect(try CLI.run(["diff", "old", "new", "--fail-on", level], in: specs.folder).status == status)
    }

    @Test func aSpecWithAnErrorFailsTheDiff() throws {
        let specs = try TemporarySpecs(["old/a.md": "# A\n\n## Properties\n- `id` (strin, required)\n", "new/a.md": "# A\n\n## Properties\n- `id` (string, required)\n"])
        let result = try CLI.run(["diff", "old", "new"], in: specs.folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("a.md:4"))
    }

    @Test func gitComparesARevisionWithTheWorkingTree() throws {
        let specs = try Self.project()
        #expect(try Self.git(["init", "-q"], in: specs.folder) == 0)
        #expect(try Self.git(["add", "old"], in: specs.folder) == 0)
        #expect(try Self.git(["commit", "-q", "-m", "docs"], in: specs.folder) == 0)
        let list = specs.folder.appendingPathComponent("old/chatkit/threads/list.md")
        try String(contentsOf: list, encoding: .utf8).replacingOccurrences(of: "Enum: 'asc', 'desc'.", with: "Enum: 'desc'.")
            .write(to: list, atomically: true, encoding: .utf8)

        let result = try CLI.run(["diff", "--git", "HEAD", "old", "--fail-on", "breaking"], in: specs.folder)

        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Changes from HEAD to the working tree\n"))
        #expect(result.stdout.contains("enum value \"asc\" removed"))
        #expect(try CLI.run(["diff", "--git", "no-such-revision", "old"], in: specs.folder).status != 0)
    }

    @Test func membersAreNamedAsTheGeneratedTypesDeclareThem() throws {
        let specs = try Self.project()
        let object = specs.folder.appendingPathComponent("new/chatkit/threads/object.md")
        try String(contentsOf: object, encoding: .utf8).replacingOccurrences(of: "- `created_at` (integer, required)", with: "- `created_at` (string, required)")
            .write(to: object, atomically: true, encoding: .utf8)

        let result = try CLI.run(["diff", "old", "new"], in: specs.folder)

        #expect(result.stdout.contains("- The thread object: `created_at`: type: integer -> string (`ChatKitThread.createdAt`; chatkit/threads/object.md:10)"), "\(result.stdout)")
    }

    @Test func generateWritesTheChangelogOfTheSpecsSinceHEADWhenConfigured() throws {
        let specs = try Self.project()
        let config = specs.folder.appendingPathComponent("Sources/API/specwright.json")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try #"{"specs": ["../../old"], "module": "API", "output": "../../Generated/API", "changelog": "../../Generated/SPECS-CHANGES.md"}"#
            .write(to: config, atomically: true, encoding: .utf8)
        for arguments in [["init", "-q"], ["add", "."], ["commit", "-q", "-m", "docs"]] {
            #expect(try Self.git(arguments, in: specs.folder) == 0)
        }
        let changelog = specs.folder.appendingPathComponent("Generated/SPECS-CHANGES.md")

        // Nothing changed since HEAD: no changelog.
        #expect(try CLI.run(["generate", "--config", config.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: changelog.path))

        let list = specs.folder.appendingPathComponent("old/chatkit/threads/list.md")
        try String(contentsOf: list, encoding: .utf8).replacingOccurrences(of: "Enum: 'asc', 'desc'.", with: "Enum: 'desc'.")
            .write(to: list, atomically: true, encoding: .utf8)
        let result = try CLI.run(["generate", "--config", config.path])

        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: changelog, encoding: .utf8)
        #expect(text.hasPrefix("<!-- Generated by Specwright"))
        #expect(text.contains("enum value \"asc\" removed (`client.chatkit.threads.list(order:)`"))
        #expect(result.stderr.contains("SPECS-CHANGES.md: 1 change since HEAD, major"))

        // A file it did not write is never overwritten.
        try "# my notes\n".write(to: changelog, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["generate", "--config", config.path]).status != 0)
        #expect(try String(contentsOf: changelog, encoding: .utf8) == "# my notes\n")
    }
}

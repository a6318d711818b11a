import Foundation
@testable import SpecwrightCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The output folders on hostile file systems: overlapping folders, a write that fails half-way, a removal
/// that fails, temporaries left by a killed run. Nothing a run writes is removed by the same run, and a run
/// that fails changes nothing (or says exactly what it could not do).
@Suite struct OutputWriterTests {
    private func file(_ name: String, _ body: String = "let x = 1") -> GeneratedFile {
        GeneratedFile(name: name, contents: "\(GeneratedFile.marker) for a test\n\(body)\n")
    }

    private func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func theSameFolderForLibraryAndTestsIsRefusedAndNothingIsRemoved() throws {
        var pages = ["Out/old.swift": "\(GeneratedFile.marker)\n"]
        let threads = repositoryRoot.appendingPathComponent("Specs/chatkit/threads")
        for name in try FileManager.default.contentsOfDirectory(atPath: threads.path) {
            pages["Specs/\(name)"] = try String(contentsOf: threads.appendingPathComponent(name), encoding: .utf8)
        }
        let project = try TemporarySpecs(pages)
        let out = project.folder.appendingPathComponent("Out")

        let result = try CLI.run(["generate", project.folder.appendingPathComponent("Specs").path, "--module", "A",
                                  "--output", out.path, "--tests-output", out.path + "/"])

        #expect(result.status != 0)
        #expect(result.stderr.contains("the library and the tests would both be written to"), "\(result.stderr)")
        #expect(names(in: out) == ["old.swift"])
    }

    @Test func foldersInsideOneAnotherOrTheSameThroughALinkAreRefused() throws {
        let project = try TemporarySpecs([:])
        let library = project.folder.appendingPathComponent("Generated/API")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let link = project.folder.appendingPathComponent("Link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: library)

        #expect(throws: OutputWriter.WriteError.self) { try OutputWriter.checkSeparate([library, library.appendingPathComponent("Tests")]) }
        #expect(throws: OutputWriter.WriteError.self) { try OutputWriter.checkSeparate([library.appendingPathComponent("../API/Tests"), library]) }
        #expect(throws: OutputWriter.WriteError.self) { try OutputWriter.checkSeparate([library, link]) }
        try OutputWriter.checkSeparate([library, project.folder.appendingPathComponent("Generated/APITests")])
    }

    @Test func aFolderThatCannotBeWrittenLeavesEveryFolderAsItWas() throws {
        let project = try TemporarySpecs(["Library/kept.swift": "\(GeneratedFile.marker) old\n", "Tests/t.swift": "\(GeneratedFile.marker) old\n"])
        let library = project.folder.appendingPathComponent("Library"), tests = project.folder.appendingPathComponent("Tests")
        // A folder where the temporary of `b.swift` would go: creating it fails, even for root.
        try FileManager.default.createDirectory(at: tests.appendingPathComponent(OutputWriter.temporaryName(for: "b.swift")), withIntermediateDirectories: false)
        let before = try String(contentsOf: library.appendingPathComponent("kept.swift"), encoding: .utf8)

        #expect(throws: OutputWriter.WriteError.self) {
            try OutputWriter.write([
                .init(files: [file("kept.swift", "new"), file("a.swift")], directory: library),
                .init(files: [file("b.swift")], directory: tests),
            ])
        }

        #expect(try String(contentsOf: library.appendingPathComponent("kept.swift"), encoding: .utf8) == before)
        #expect(names(in: library) == ["kept.swift"])  // no a.swift, no temporary
        #expect(names(in: tests) == [OutputWriter.temporaryName(for: "b.swift"), "t.swift"])  // t.swift not removed
    }

    @Test func aStaleFileThatCannotBeRemovedIsAnErrorNotAReport() throws {
        // Nothing to write (kept.swift is current), one stale file to remove, in a folder where it cannot be.
        let project = try TemporarySpecs(["Out/stale.swift": "\(GeneratedFile.marker) stale\n", "Out/kept.swift": file("kept.swift").contents])
        let out = project.folder.appendingPathComponent("Out"), stale = out.appendingPathComponent("stale.swift")
        let lock: (Bool) throws -> Void
        if getuid() == 0 {
            // Root may remove files from read-only folders; an immutable file it may not.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else {
                print("SKIPPED aStaleFileThatCannotBeRemovedIsAnErrorNotAReport: running as root without chattr")
                return
            }
            lock = { on in try Self.run("/usr/bin/chattr", [on ? "+i" : "-i", stale.path]) }
        } else {
            lock = { on in try FileManager.default.setAttributes([.posixPermissions: on ? 0o555 : 0o755], ofItemAtPath: out.path) }
        }
        try lock(true)
        defer { try? lock(false) }

        let error = #expect(throws: OutputWriter.WriteError.self) { try OutputWriter.write([file("kept.swift")], to: out) }

        guard case .cannotRemove(let paths, _) = error else {
            Issue.record("expected cannotRemove, got \(String(describing: error))")
            return
        }
        #expect(paths == [stale.path])
        #expect(error?.description.contains("cannot remove 1 stale generated file") == true)
    }

    @Test func temporariesOfAKilledRunAreRemovedOthersAreLeft() throws {
        let project = try TemporarySpecs([
            "Out/.a.swift.2147483000.tmp": "\(GeneratedFile.marker) half-written\n",  // a pid that is not running
            "Out/.b.swift.1.tmp": "\(GeneratedFile.marker) pid 1 runs\n",             // init: a live process's
            "Out/.c.swift.2147483001.tmp": "not ours\n",                              // no marker: not ours
        ])
        let out = project.folder.appendingPathComponent("Out")

        _ = try OutputWriter.write([file("a.swift")], to: out)

        #expect(names(in: out) == [".b.swift.1.tmp", ".c.swift.2147483001.tmp", "a.swift"])
    }

    @Test func twoFilesOfOneNameOrOfNamesDifferingInCaseAreRefused() throws {
        let project = try TemporarySpecs(["Out/kept.swift": "\(GeneratedFile.marker)\n"])
        let out = project.folder.appendingPathComponent("Out")
        for files in [[file("a.swift"), file("a.swift", "other")], [file("Users.swift"), file("users.swift")]] {
            let error = #expect(throws: OutputWriter.WriteError.self) { try OutputWriter.write(files, to: out) }
            #expect(error?.description.contains("two generated files would be") == true)
        }
        #expect(names(in: out) == ["kept.swift"])
    }

    @Test func aLinkOrAFolderWhereAFileGoesIsNeverWrittenThrough() throws {
        let project = try TemporarySpecs(["Out/.keep": "", "mine.swift": "// my own\n"])
        let out = project.folder.appendingPathComponent("Out"), mine = project.folder.appendingPathComponent("mine.swift")
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("a.swift"), withDestinationURL: mine)

        #expect(throws: OutputWriter.WriteError.notGenerated(out.appendingPathComponent("a.swift").path)) {
            try OutputWriter.write([file("a.swift")], to: out)
        }
        #expect(try String(contentsOf: mine, encoding: .utf8) == "// my own\n")
    }

    @Test func temporariesAreHiddenSoNoTargetCompilesThem() {
        #expect(OutputWriter.temporaryName(for: "x.swift", pid: 42) == ".x.swift.42.tmp")
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// Inputs that cannot all be read: each is a located diagnostic, and a run that misses pages removes nothing.
@Suite struct UnreadableInputTests {
    /// A project generated once, so that its output folder holds the code of every page.
    private func generatedProject() throws -> (TemporarySpecs, specs: URL, out: URL, before: [String]) {
        var pages: [String: String] = [:]
        let threads = repositoryRoot.appendingPathComponent("Specs/chatkit/threads")
        for name in try FileManager.default.contentsOfDirectory(atPath: threads.path) {
            pages["Specs/threads/\(name)"] = try String(contentsOf: threads.appendingPathComponent(name), encoding: .utf8)
        }
        let project = try TemporarySpecs(pages)
        let specs = project.folder.appendingPathComponent("Specs"), out = project.folder.appendingPathComponent("Out")
        let first = try CLI.run(["generate", specs.path, "--module", "API", "--output", out.path])
        try #require(first.status == 0, "\(first.stderr)")
        let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        return (project, specs, out, before)
    }

    @Test func aDanglingLinkToAPageIsAnErrorAndNothingIsRemoved() throws {
        let (project, specs, out, before) = try generatedProject()
        _ = project
        // The page moves away and a link to where it was is left: its code must not vanish silently.
        let list = specs.appendingPathComponent("threads/list.md")
        try FileManager.default.removeItem(at: list)
        try FileManager.default.createSymbolicLink(atPath: list.path, withDestinationPath: "/nonexistent/list.md")

        let result = try CLI.run(["generate", specs.path, "--module", "API", "--output", out.path])

        #expect(result.status != 0)
        #expect(result.stderr.contains("threads/list.md:1:1: error: dangling symbolic link (No such file or directory); skipped"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
    }

    @Test func aFIFONamedLikeAPageIsAnErrorAndIsNeverOpened() throws {
        let project = try TemporarySpecs(["Specs/a.md": "# A\n\nA guide.\n"])
        let fifo = project.folder.appendingPathComponent("Specs/pipe.md")
        try #require(mkfifo(fifo.path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: project.folder.appendingPathComponent("Specs/other").path, withDestinationPath: "/nonexistent")

        let result = try CLI.run(["lint", project.folder.appendingPathComponent("Specs").path])  // would block forever reading the FIFO

        #expect(result.status != 0)
        #expect(result.stderr.contains("pipe.md:1:1: error: not a regular file (a FIFO, socket or device); skipped"), "\(result.stderr)")
        #expect(result.stderr.contains("other:1:1: error: dangling symbolic link"), "\(result.stderr)")
    }

    @Test func aDanglingLinkWhereAFolderOfPagesWasIsAnErrorAndNothingIsRemoved() throws {
        let (project, specs, out, before) = try generatedProject()
        _ = project
        let folder = specs.appendingPathComponent("threads"), moved = specs.deletingLastPathComponent().appendingPathComponent("moved")
        try FileManager.default.moveItem(at: folder, to: moved)
        try FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: "/nonexistent/threads")

        let result = try CLI.run(["generate", specs.path, "--module", "API", "--output", out.path])

        #expect(result.status != 0)
        #expect(result.stderr.contains("threads:1:1: error: dangling symbolic link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
    }

    @Test func generateDoesNotReadStandardInput() throws {
        let (project, _, out, before) = try generatedProject()
        _ = project
        let result = try CLI.run(["generate", "-", "--module", "API", "--output", out.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not standard input"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
    }

    @Test func aFolderThatCannotBeReadIsAnErrorAndNothingIsRemoved() throws {
        guard getuid() != 0 else {
            print("SKIPPED aFolderThatCannotBeReadIsAnErrorAndNothingIsRemoved: root reads every folder; run the tests as another user to see it")
            return
        }
        let (project, specs, out, before) = try generatedProject()
        _ = project
        let folder = specs.appendingPathComponent("threads")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }

        let result = try CLI.run(["generate", specs.path, "--module", "API", "--output", out.path])

        #expect(result.status != 0)
        #expect(result.stderr.contains("threads:1:1: error: cannot read folder: Permission denied"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
    }
}

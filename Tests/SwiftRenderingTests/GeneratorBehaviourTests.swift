import Foundation
import SpecModel
import SpecParser
import SpecwrightCore
import SwiftTemplates
import Testing

@Suite("Generator behaviour")
struct GeneratorBehaviourTests {
    func specFiles(_ folder: String) throws -> [SpecFile] {
        let root = repositoryRoot.appendingPathComponent(folder)
        return try SpecLoader.markdownFiles(under: root).map { url, relative in
            SpecFile(path: relative, text: try String(contentsOf: url, encoding: .utf8))
        }
    }

    func generate(_ files: [SpecFile], templates: URL? = nil) throws -> GeneratedModule {
        try Generator.generate(Pipeline.model(files: files), options: .init(moduleName: "ChatKit", templatesDirectory: templates))
    }

    /// A new page elsewhere in the docs changes no file of the existing pages, and no type name.
    @Test func anUnrelatedPageRenamesNothing() throws {
        let files = try specFiles("Specs")
        let before = try generate(files)
        let extra = SpecFile(path: "assistants/threads/object.md", text: """
            # The thread object

            Represents a thread that contains messages.

            ## Properties
            - `id` (string, required): The identifier.
            - `object` (string, required): Always `thread`. Enum: 'thread'.
            - `created_at` (integer, required)
            """)
        let after = try generate(files + [extra])
        for file in before.library where file.name != "Client.swift" {
            #expect(after.library.first { $0.name == file.name } == file, "\(file.name) changed")
        }
        let added = try #require(after.library.first { $0.name == "assistants.threads.object.swift" })
        // `Thread` would shadow Foundation's; the group's name makes it unique.
        #expect(added.contents.contains("public struct AssistantsThread: Codable"))
        #expect(before.library.count + 1 == after.library.count)
    }

    /// One file per page (an index page's too) plus Client.swift, named after the pages alone.
    @Test func fileNamesFollowThePages() throws {
        let module = try generate(try specFiles("Specs"))
        #expect(module.library.map(\.name) == [
            "Client.swift", "chatkit.swift", "chatkit.threads.list.swift", "chatkit.threads.object.swift",
            "chatkit.threads.retrieve.swift",
        ])
        #expect(module.library.allSatisfy { $0.contents.hasPrefix(GeneratedFile.marker) })
        #expect(module.tests.map(\.name) == [
            "chatkit.RoundTripTests.swift", "chatkit.threads.list.RoundTripTests.swift", "chatkit.threads.object.RoundTripTests.swift",
            "chatkit.threads.retrieve.RoundTripTests.swift",
        ])
    }

    @Test func userTemplatesReplaceTheShippedOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{% CONTENT_TYPE: TEXT}}\n// {{name}} has {{#cases}}{{name}} {{/cases}}\n".write(
            to: folder.appendingPathComponent("enum.mustache"), atomically: true, encoding: .utf8)
        let module = try generate(try specFiles("Specs"), templates: folder)
        let list = try #require(module.library.first { $0.name == "chatkit.threads.list.swift" })
        #expect(list.contents.contains("// ChatKitThreadListOrder has asc desc\n"))
        #expect(list.contents.contains("public struct ChatKitThreadPage"))
    }

    @Test func aBrokenTemplateIsReportedWithItsPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "line one\n{{#cases}}\nnever closed\n".write(to: folder.appendingPathComponent("enum.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try TemplateRenderer(overridesIn: folder)
        } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix(folder.appendingPathComponent("enum.mustache").path + ":") && description.contains("error:")
        }
    }
}

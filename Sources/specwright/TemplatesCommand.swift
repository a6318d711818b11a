import ArgumentParser
import Foundation
import SwiftTemplates

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Write the shipped templates into a folder, as a start for `generate --templates`.",
        discussion: "Existing files are not overwritten."
    )

    @Argument(help: "The folder to write NAME.mustache files into.")
    var output: String

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in DefaultTemplates.all.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name + ".mustache")
            if FileManager.default.fileExists(atPath: url.path) {
                FileHandle.standardError.write(Data("skipped \(url.path): it exists\n".utf8))
                continue
            }
            try Data(text.utf8).write(to: url, options: .atomic)
        }
    }
}

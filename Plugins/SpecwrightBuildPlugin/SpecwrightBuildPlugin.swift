import Foundation
import PackagePlugin

/// Generates a target's Swift code from its Markdown specs at build time.
///
/// The target holds a `specwright.json` and its spec pages (a folder, or a symbolic link to one, inside the
/// target: SwiftPM plans builds again only when a target's own folder gains or loses a file). Outputs are
/// named from the pages alone (`PageIdentity`), so SwiftPM knows them before the generator runs, and the
/// generator runs again only when a page, the configuration, a template or the generator changes.
@main
struct SpecwrightBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let configuration = target.directoryURL.appending(path: "specwright.json")
        let settings = try PluginSettings.load(configuration, targetName: target.name)

        // The target's spec pages that lie under a configured spec root, each with its path relative to it.
        let pages = target.sourceFiles(withSuffix: "md").map(\.url).compactMap { url -> (url: URL, relative: String)? in
            for root in settings.specRoots {
                let prefix = root.standardizedFileURL.path + "/"
                let path = url.standardizedFileURL.path
                if path.hasPrefix(prefix) { return (url, String(path.dropFirst(prefix.count))) }
                if path == root.standardizedFileURL.path { return (url, url.lastPathComponent) }
            }
            return nil
        }
        guard !pages.isEmpty else {
            throw PluginError("target '\(target.name)' has no spec pages under \(settings.specRoots.map(\.path)); put them (or a symbolic link to their folder) inside the target, as specwright.json's 'specs' says")
        }

        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        var outputs: [URL] = []
        // Overlays (`*.overlay.md`) are inputs, and generate no file of their own.
        let generating = pages.filter { !$0.relative.hasSuffix(".overlay.md") }
        if settings.emitsLibrary {
            outputs += generating.map { output.appending(path: PageIdentity.libraryFileName(forPath: $0.relative)) }
            if settings.emitsClient { outputs.append(output.appending(path: PageIdentity.clientFileName)) }
        } else {
            outputs += generating.map { output.appending(path: PageIdentity.testFileName(forPath: $0.relative)) }
        }
        var arguments = ["generate", "--config", configuration.path, "--output", output.path,
                         "--module", settings.module, "--absolute-paths"]
        // What it prints of the docs' warnings is specwright.json's `buildWarnings`, which the generator reads
        // itself: the command stays the same when the setting changes, so SwiftPM need not plan it again.
        if !settings.emitsLibrary { arguments += ["--emit", "tests"] }
        return [
            .buildCommand(
                displayName: "Generating Swift from \(pages.count) spec pages for \(target.name)",
                executable: try context.tool(named: "specwright").url,
                arguments: arguments,
                inputFiles: pages.map(\.url) + [configuration] + settings.templateFiles + settings.overlayFiles,
                outputFiles: outputs
            ),
        ]
    }
}

/// What the plugin needs from `specwright.json`; the generator reads and checks the whole file itself.
struct PluginSettings {
    var specRoots: [URL]
    var module: String
    var emitsLibrary: Bool
    var emitsClient: Bool
    var templateFiles: [URL]
    /// The overlay files `overlays` names (those in the spec folders are among the pages).
    var overlayFiles: [URL]

    static func load(_ url: URL, targetName: String) throws -> PluginSettings {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw PluginError("""
                target '\(targetName)' applies SpecwrightBuildPlugin but has no specwright.json. Add \(url.path), \
                for example: {"specs": ["Specs"], "emit": ["types", "client"]}
                """)
        }
        guard let data = try? Data(contentsOf: url),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let specs = object["specs"] as? [String], !specs.isEmpty
        else { throw PluginError("\(url.path):1:1: error: specwright.json needs a 'specs' list of spec folders or files") }
        let folder = url.deletingLastPathComponent()
        let emit = Set(object["emit"] as? [String] ?? ["types", "client"])
        var templateFiles: [URL] = []
        if let templates = object["templates"] as? String {
            let directory = folder.appending(path: templates)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            templateFiles = names.filter { $0.hasSuffix(".mustache") }.sorted().map { directory.appending(path: $0) }
        }
        return PluginSettings(
            specRoots: specs.map { folder.appending(path: $0) },
            module: object["module"] as? String ?? targetName,
            emitsLibrary: emit.contains("types") || emit.contains("client"),
            emitsClient: emit.contains("client"),
            templateFiles: templateFiles,
            overlayFiles: (object["overlays"] as? [String] ?? []).map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : folder.appending(path: $0) }
        )
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

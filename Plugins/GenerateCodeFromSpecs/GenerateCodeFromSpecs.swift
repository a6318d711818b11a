import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-code-from-specs [--target NAME ...]`
///
/// Writes the checked-in copy of each target's generated code: for every target whose `specwright.json` names
/// an `output` (and `testsOutput`), runs `specwright generate --config` on it. Stale files the generator wrote
/// are removed; files it did not write are never touched.
@main
struct GenerateCodeFromSpecs: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let selected = Set(extractor.extractOption(named: "target"))
        let tool = try context.tool(named: "specwright").url
        var ran = 0
        for target in context.package.targets {
            guard selected.isEmpty || selected.contains(target.name),
                  let module = target as? SourceModuleTarget else { continue }
            let configuration = module.directoryURL.appending(path: "specwright.json")
            guard let data = try? Data(contentsOf: configuration),
                  let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  object["output"] != nil else { continue }
            var arguments = ["generate", "--config", configuration.path]
            if object["module"] == nil { arguments += ["--module", target.name] }
            let process = Process()
            process.executableURL = tool
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CommandError("specwright generate failed for target '\(target.name)' (exit \(process.terminationStatus))")
            }
            ran += 1
        }
        if ran == 0 {
            throw CommandError("no target has a specwright.json with an 'output'" + (selected.isEmpty ? "" : " among \(selected.sorted())"))
        }
    }
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

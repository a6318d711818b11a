import Foundation

/// `specwright.json`: what to generate from which specs. It sits beside the target the build plugin
/// generates into; paths in it are relative to its own folder.
///
/// ```json
/// {
///   "specs": ["Specs"],
///   "module": "ChatKit",
///   "accessLevel": "public",
///   "emit": ["types", "client"],
///   "clientName": "Client",
///   "output": "../../Generated/ChatKit",
///   "testsOutput": "../../Generated/ChatKitTests",
///   "templates": "Templates",
///   "version": "1.2.0",
///   "buildWarnings": "count"
/// }
/// ```
public struct GeneratorConfiguration: Sendable, Equatable {
    public enum Part: String, Sendable, CaseIterable {
        /// The `Codable` types of object pages and endpoint bodies.
        case types
        /// `Client.swift` and one method per endpoint page (implies `types`).
        case client
        /// Round-trip tests of the JSON examples (for a test target; `module` names the library they test).
        case tests
    }

    /// Spec folders or files (required).
    public var specs: [String]
    /// The generated module's name; the build plugin uses the target's name when this is absent.
    public var module: String?
    /// `public`, `package` or `internal`.
    public var accessLevel: String
    public var emit: Set<Part>
    public var clientName: String
    /// Where `generate --config` and the command plugin write the checked-in library code, and what
    /// `check` compares with.
    public var output: String?
    /// The same for the round-trip tests.
    public var testsOutput: String?
    /// A folder of templates that replace the shipped ones.
    public var templates: String?
    /// The folder the file is in: relative paths are resolved against it.
    public var directory: URL
    /// The SDK's version, sent in the generated client's `User-Agent` (`ChatKit/1.2.0 Specwright/...`).
    public var version: String? = nil
    /// What the build plugin prints of the docs' warnings.
    public var buildWarnings: BuildWarnings = .count
    /// Overlay files applied to the specs (`OverlayParser`), besides the `*.overlay.md` files in the spec
    /// folders, which are applied anyway.
    public var overlays: [String] = []
    /// Where `generate --config` (and so the command plugin) writes the changelog of the specs against git's
    /// `HEAD` (`specwright diff --git HEAD`), when they differ from it; nil for none.
    public var changelog: String? = nil

    /// What the build plugin prints of the docs' warnings (errors always fail the build, and are printed).
    /// A package that depends on the SDK sees the plugin's output in its own build and cannot act on it, so
    /// the default is one line.
    public enum BuildWarnings: String, Sendable, CaseIterable {
        /// Every warning, at its line (for the SDK's own developers, while the docs are worked on).
        case all
        /// One line: how many warnings there are, and the command that lists them.
        case count
        /// Nothing.
        case none
    }

    public static let fileName = "specwright.json"
    static let keys: Set<String> = [
        "specs", "module", "accessLevel", "emit", "clientName", "output", "testsOutput", "templates", "version", "buildWarnings", "overlays", "changelog",
    ]

    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public var file: String
        public var message: String
        public var description: String { "\(file):1:1: error: \(message)" }
    }

    /// Reads and checks a configuration file; every problem is an `Invalid` naming the file.
    public static func load(_ url: URL) throws -> GeneratorConfiguration {
        let fail = { (message: String) in Invalid(file: url.path, message: message) }
        guard let data = try? Data(contentsOf: url) else { throw fail("cannot read the configuration") }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw fail("the configuration is not a JSON object")
        }
        for key in object.keys.sorted() where !keys.contains(key) {
            throw fail("unknown key '\(key)' (known keys: \(keys.sorted().joined(separator: ", ")))")
        }
        func string(_ key: String) throws -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String, !text.isEmpty else { throw fail("'\(key)' must be a non-empty string") }
            return text
        }
        guard let specs = object["specs"] as? [String], !specs.isEmpty else {
            throw fail("'specs' must be a non-empty list of spec folders or files")
        }
        let accessLevel = try string("accessLevel") ?? "public"
        guard ["public", "package", "internal"].contains(accessLevel) else {
            throw fail("'accessLevel' must be public, package or internal, not '\(accessLevel)'")
        }
        var emit: Set<Part> = [.types, .client]
        if let parts = object["emit"] {
            guard let names = parts as? [String], !names.isEmpty else { throw fail("'emit' must be a list of: types, client, tests") }
            emit = []
            for name in names {
                guard let part = Part(rawValue: name) else { throw fail("'emit' has '\(name)'; it takes types, client and tests") }
                emit.insert(part)
            }
            if emit.contains(.client) { emit.insert(.types) }
        }
        let warnings = try string("buildWarnings") ?? BuildWarnings.count.rawValue
        guard let buildWarnings = BuildWarnings(rawValue: warnings) else {
            throw fail("'buildWarnings' must be all, count or none, not '\(warnings)'")
        }
        let version = try string("version")
        if let version, version.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "\\" || $0 == "(" || $0 == ")" }) {
            throw fail("'version' must be one word without quotes, backslashes or parentheses (it goes into the User-Agent), not '\(version)'")
        }
        var overlays: [String] = []
        if let listed = object["overlays"] {
            guard let names = listed as? [String], !names.contains(where: \.isEmpty) else {
                throw fail("'overlays' must be a list of overlay files")
            }
            overlays = names
        }
        var configuration = GeneratorConfiguration(
            specs: specs, module: try string("module"), accessLevel: accessLevel, emit: emit,
            clientName: try string("clientName") ?? "Client", output: try string("output"),
            testsOutput: try string("testsOutput"), templates: try string("templates"),
            directory: url.deletingLastPathComponent(), version: version, buildWarnings: buildWarnings)
        configuration.overlays = overlays
        configuration.changelog = try string("changelog")
        return configuration
    }

    /// `path` resolved against the configuration's folder.
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path).standardizedFileURL
    }

    public func generatorOptions(moduleName: String) -> Generator.Options {
        Generator.Options(moduleName: moduleName, clientName: clientName, templatesDirectory: templates.map(resolve),
                          accessLevel: accessLevel, emitsClient: emit.contains(.client), version: version)
    }
}

import SpecLint
import SpecModel
import SpecParser

/// The one entry point for the CLI and the plugins: spec files in, model and diagnostics out.
public enum Pipeline {
    /// Reads the specs under `paths` into the model, with every diagnostic of parsing, linking and the
    /// example lint, sorted by place.
    public static func model(paths: [String]) throws -> APISpec {
        try load(paths: paths).spec
    }

    /// The model and the files it was read from (which know their absolute paths).
    public static func load(paths: [String]) throws -> (spec: APISpec, files: [SpecFile]) {
        let loaded = try loadWithExampleFindings(paths: paths)
        return (loaded.spec, loaded.files)
    }

    /// `load`, with what the example lint found: the generator's round-trip tests need it too
    /// (`Generator.generate(_:options:exampleFindings:)`), and checking every example again costs time.
    public static func loadWithExampleFindings(paths: [String]) throws
        -> (spec: APISpec, files: [SpecFile], exampleFindings: [ExampleLint.Finding]) {
        let (files, loadDiagnostics) = try SpecLoader.load(paths)
        let (spec, findings) = modelWithExampleFindings(files: files, extraDiagnostics: loadDiagnostics)
        return (spec, files, findings)
    }

    public static func model(files: [SpecFile], extraDiagnostics: [Diagnostic] = []) -> APISpec {
        modelWithExampleFindings(files: files, extraDiagnostics: extraDiagnostics).spec
    }

    static func modelWithExampleFindings(files: [SpecFile], extraDiagnostics: [Diagnostic])
        -> (spec: APISpec, findings: [ExampleLint.Finding]) {
        var spec = SpecAssembler.assemble(files)
        let findings = ExampleLint.findings(for: spec)
        spec.diagnostics += extraDiagnostics
        spec.diagnostics += ExampleLint.diagnostics(for: findings)
        spec.diagnostics.sort { ($0.location, $0.message) < ($1.location, $1.message) }
        return (spec, findings)
    }
}

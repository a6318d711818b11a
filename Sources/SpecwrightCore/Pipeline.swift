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
        let (files, loadDiagnostics) = try SpecLoader.load(paths)
        return (model(files: files, extraDiagnostics: loadDiagnostics), files)
    }

    public static func model(files: [SpecFile], extraDiagnostics: [Diagnostic] = []) -> APISpec {
        var spec = SpecAssembler.assemble(files)
        spec.diagnostics += extraDiagnostics
        spec.diagnostics += ExampleLint.diagnostics(for: spec)
        spec.diagnostics.sort { ($0.location, $0.message) < ($1.location, $1.message) }
        return spec
    }
}

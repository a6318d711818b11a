import SpecLint
import SpecModel
import SpecParser

/// The one entry point for the CLI and the plugins: spec files in, model and diagnostics out.
public enum Pipeline {
    /// Reads the specs under `paths` into the model, with every diagnostic of parsing, linking and the
    /// example lint, sorted by place.
    /// Overlays (`*.overlay.md` in a specs folder, and the files `overlays` names) are applied.
    public static func model(paths: [String], overlays: [String] = []) throws -> APISpec {
        try load(paths: paths, overlays: overlays).spec
    }

    /// The model and the files it was read from (which know their absolute paths).
    public static func load(paths: [String], overlays: [String] = []) throws -> (spec: APISpec, files: [SpecFile]) {
        let (files, loadDiagnostics) = try read(paths: paths, overlays: overlays)
        return (model(files: files, extraDiagnostics: loadDiagnostics), files)
    }

    /// The spec files under `paths` and the overlay files `overlays` names.
    static func read(paths: [String], overlays: [String]) throws -> (files: [SpecFile], diagnostics: [Diagnostic]) {
        var (files, diagnostics) = try SpecLoader.load(paths)
        if !overlays.isEmpty {
            let (named, problems) = try SpecLoader.load(overlays)
            // One named that is also in a spec folder is read once.
            let read = Set(files.compactMap(\.absolutePath))
            files += named.filter { $0.absolutePath.map { !read.contains($0) } ?? true }.map { file in
                var file = file
                file.isOverlay = true
                return file
            }
            diagnostics += problems
        }
        return (files, diagnostics)
    }

    /// The model to generate from, with what the example lint found: the generator's round-trip tests need
    /// it too (`Generator.generate(_:options:exampleFindings:)`), and checking every example again costs time.
    ///
    /// Unlike `load`, which gives the model as the docs write it (what `specwright ir` and `lint` show), this
    /// completes the schemas the docs cut from the same schemas given whole on other pages
    /// (`TruncatedSchemaCompletion`), and lints the examples against the completed schemas, which the
    /// generated types decode them with.
    public static func loadWithExampleFindings(paths: [String], overlays: [String] = []) throws
        -> (spec: APISpec, files: [SpecFile], exampleFindings: [ExampleLint.Finding]) {
        let (files, loadDiagnostics) = try read(paths: paths, overlays: overlays)
        let (spec, findings) = modelWithExampleFindings(files: files, extraDiagnostics: loadDiagnostics, completingCutSchemas: true)
        return (spec, files, findings)
    }

    public static func model(files: [SpecFile], extraDiagnostics: [Diagnostic] = []) -> APISpec {
        modelWithExampleFindings(files: files, extraDiagnostics: extraDiagnostics, completingCutSchemas: false).spec
    }

    static func modelWithExampleFindings(files: [SpecFile], extraDiagnostics: [Diagnostic], completingCutSchemas: Bool)
        -> (spec: APISpec, findings: [ExampleLint.Finding]) {
        var spec = SpecAssembler.assemble(files.filter { !$0.isOverlay })
        if completingCutSchemas { spec = TruncatedSchemaCompletion.complete(spec) }
        // What the docs' own examples say first, then the overlays: what a maintainer states wins. The example
        // lint runs again on what changed, as the generated types decode the examples so.
        var findings = ExampleLint.findings(for: spec)
        var changed = false
        if let corrected = NullableInExamples.apply(to: spec, findings: findings) {
            spec = corrected
            changed = true
        }
        let overlays = files.filter(\.isOverlay).map { OverlayParser.parse($0.text, path: $0.path) }
        if !overlays.isEmpty {
            let entries = overlays.map(\.overlay)
            spec.diagnostics += overlays.flatMap(\.diagnostics)
            if completingCutSchemas {
                spec = OverlayApplication.apply(entries, to: spec)
            } else {
                // The model as the docs write it (`ir`, `lint`) takes the corrections too, but the entries are
                // judged on what generation sees, cut schemas completed: an entry may reach into a completed
                // part, and must not be called stale here and applied there.
                let before = spec.diagnostics.count
                let judged = OverlayApplication.apply(entries, to: TruncatedSchemaCompletion.complete(spec))
                spec = OverlayApplication.apply(entries, to: spec)
                spec.diagnostics = Array(spec.diagnostics[..<before]) + judged.diagnostics[before...]
            }
            changed = true
        }
        if changed { findings = ExampleLint.findings(for: spec) }
        spec.diagnostics += extraDiagnostics
        spec.diagnostics += ExampleLint.diagnostics(for: findings)
        spec.diagnostics = DiagnosticPlacement.clamp(spec.diagnostics, files: files)
        spec.diagnostics.sort { ($0.location, $0.message) < ($1.location, $1.message) }
        return (spec, findings)
    }
}

import ArgumentParser
import Foundation
import SpecModel
import SpecParser

/// Prints diagnostics as compilers do, `file:line:column: severity: message`, to standard error.
struct DiagnosticPrinter {
    /// Absolute paths by relative path, when diagnostics should name files absolutely (build logs, editors).
    var absolute: [String: String] = [:]

    init(files: [SpecFile] = [], absolutePaths: Bool = false) {
        guard absolutePaths else { return }
        for file in files { if let path = file.absolutePath { absolute[file.path] = path } }
    }

    func line(_ diagnostic: Diagnostic) -> String {
        var diagnostic = diagnostic
        if let path = absolute[diagnostic.location.file] { diagnostic.location.file = path }
        return diagnostic.description
    }

    /// Prints the diagnostics (warnings too when asked) and fails with exit code 1 when one is an error.
    func finish(_ diagnostics: [Diagnostic], printWarnings: Bool, summary: Bool = false) throws {
        var text = ""
        for diagnostic in diagnostics where printWarnings || diagnostic.severity == .error {
            text += line(diagnostic) + "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if summary { text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n" }
        FileHandle.standardError.write(Data(text.utf8))
        if errors > 0 { throw ExitCode(1) }
    }

    /// What to print of the warnings: each one, their count on one line, or nothing.
    enum WarningOutput: String, ExpressibleByArgument, CaseIterable {
        case all, count, none
    }

    /// Prints the errors and, as `warnings` says, the warnings or their count; fails when there is an error.
    func failOnErrors(_ diagnostics: [Diagnostic], warnings output: WarningOutput) throws {
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if warnings > 0, output == .count {
            FileHandle.standardError.write(Data("\(warnings) warning\(warnings == 1 ? "" : "s") in the specs (specwright lint shows them)\n".utf8))
        }
        try finish(diagnostics, printWarnings: output == .all)
    }
}

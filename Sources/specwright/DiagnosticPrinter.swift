import ArgumentParser
import Foundation
import SpecModel

enum DiagnosticPrinter {
    /// Prints diagnostics to standard error and fails with exit code 1 when one is an error.
    static func finish(_ diagnostics: [Diagnostic], printWarnings: Bool, summary: Bool = false) throws {
        var text = ""
        for diagnostic in diagnostics where printWarnings || diagnostic.severity == .error {
            text += diagnostic.description + "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if summary { text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n" }
        FileHandle.standardError.write(Data(text.utf8))
        if errors > 0 { throw ExitCode(1) }
    }

    /// Prints the errors among `diagnostics` and fails when there is one; counts the warnings.
    static func failOnErrors(_ diagnostics: [Diagnostic]) throws {
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if warnings > 0 {
            FileHandle.standardError.write(Data("\(warnings) warning\(warnings == 1 ? "" : "s") in the specs (specwright lint shows them)\n".utf8))
        }
        try finish(diagnostics, printWarnings: false)
    }
}

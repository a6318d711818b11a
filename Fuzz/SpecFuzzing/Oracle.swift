import Foundation
import JSONSyntax
import SpecModel
import SpecParser
import SpecwrightCore

/// What must hold for any page, however broken: the pipeline returns (a crash or a hang is caught by the
/// harness around this), `ir`'s JSON is JSON, and every diagnostic is one line that points inside the page.
public enum Oracle {
    /// The broken promises for the page `bytes` named `path`, as sentences; empty when all hold.
    public static func problems(in bytes: [UInt8], path: String = "fuzz/page.md") -> [String] {
        let text = SpecLoader.text(of: Data(bytes))
        return problems(of: Pipeline.model(files: [SpecFile(path: path, text: text)]), text: text, path: path)
    }

    /// The broken promises of `spec`, the model of the one page `text` at `path`.
    public static func problems(of spec: APISpec, text: String, path: String) -> [String] {
        var problems: [String] = []
        // By the JSON grammar: numbers keep the docs' spelling, so an enum value of 2,000 digits is valid JSON
        // (Foundation's JSONSerialization, which reads every number into a Double, refuses it).
        let ir = String(decoding: IRJSON.prettyBytes(spec), as: UTF8.self)
        do {
            _ = try JSONParser.parse(ir)
        } catch {
            problems.append("the IR is not valid JSON: \(error)")
        }
        let lines = DiagnosticPlacement.lineLengths(text)
        for diagnostic in spec.diagnostics {
            let printed = diagnostic.description
            if printed.contains("\n") || printed.contains("\r") {
                problems.append("a diagnostic spans lines: \(printed.debugDescription.prefix(200))")
            }
            if printed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                problems.append("a diagnostic prints a control character: \(printed.debugDescription.prefix(200))")
            }
            let location = diagnostic.location
            guard location.file == path else { continue }
            if location.line < 1 || location.line > max(lines.count, 1) {
                problems.append("line \(location.line) of a page of \(lines.count) lines: \(printed.prefix(200))")
            } else if location.column < 1 || location.column > (lines.isEmpty ? 0 : lines[location.line - 1]) + 1 {
                let length = lines.isEmpty ? 0 : lines[location.line - 1]
                problems.append("column \(location.column) of a line of \(length) bytes: \(printed.prefix(200))")
            }
        }
        return problems
    }
}

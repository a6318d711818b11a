import SpecModel
import SpecParser

/// Keeps every diagnostic inside its file: a line that exists, a column on it (at most one past its last byte).
///
/// The stages compute columns from the positions cmark gives, and cmark's positions of inline content that
/// follows a line break inside an inline (a code span over two lines, a link text over many) are those of the
/// start of the run. A diagnostic placed past the end of its line, or after the last line, is moved to the
/// end of the line it names, or of the last line: the nearest place that exists.
public enum DiagnosticPlacement {
    public static func clamp(_ diagnostics: [Diagnostic], files: [SpecFile]) -> [Diagnostic] {
        var lengths: [String: [Int]] = [:]
        let texts = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        return diagnostics.map { diagnostic in
            guard let text = texts[diagnostic.location.file] else { return diagnostic }
            let lines = lengths[diagnostic.location.file] ?? lineLengths(text)
            lengths[diagnostic.location.file] = lines
            var diagnostic = diagnostic
            if diagnostic.location.line > lines.count {
                diagnostic.location.line = lines.count
                diagnostic.location.column = lines[lines.count - 1] + 1
            }
            diagnostic.location.line = max(diagnostic.location.line, 1)
            diagnostic.location.column = min(max(diagnostic.location.column, 1), lines[diagnostic.location.line - 1] + 1)
            return diagnostic
        }
    }

    /// The byte length of each line, lines ending as cmark ends them (LF, CR LF, a lone CR); at least one.
    public static func lineLengths(_ text: String) -> [Int] {
        var lengths: [Int] = []
        var current = 0
        var afterCR = false
        for byte in text.utf8 {
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                lengths.append(current)
                current = 0
            case UInt8(ascii: "\r"):
                lengths.append(current)
                current = 0
                afterCR = true
            default:
                current += 1
            }
        }
        if current > 0 || lengths.isEmpty { lengths.append(current) }
        return lengths
    }
}

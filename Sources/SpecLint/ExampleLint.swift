import Dispatch
import JSONSyntax
import SpecModel
import Synchronization

/// Checks every JSON example of the model against the schema it illustrates.
public enum ExampleLint {
    /// The outcome for one example, for the lint's report and the generator's round-trip tests.
    public struct Finding: Sendable {
        public var example: Example
        /// The schema the example was checked against; nil when none applies (a request, a binary body).
        public var schema: Schema?
        public var mismatches: [Mismatch]
        /// Set when the example is not JSON at all.
        public var syntaxError: JSONSyntaxError?

        public var conforms: Bool { schema != nil && mismatches.isEmpty && syntaxError == nil }
    }

    /// Diagnostics for all examples of `spec`.
    public static func diagnostics(for spec: APISpec) -> [Diagnostic] {
        diagnostics(for: findings(for: spec))
    }

    /// Diagnostics for findings already made (`findings(for:)`).
    public static func diagnostics(for findings: [Finding]) -> [Diagnostic] {
        findings.flatMap(diagnostics(for:))
    }

    /// Every JSON example of `spec` with the schema it belongs to and what does not conform.
    public static func findings(for spec: APISpec) -> [Finding] {
        var items: [(example: Example, schema: Schema?)] = []
        for endpoint in spec.endpoints {
            for example in endpoint.examples where example.role != .request {
                items.append((example, schema(for: example, in: endpoint)))
            }
        }
        for object in spec.objects {
            for example in object.examples {
                items.append((example, object.schema))
            }
        }
        // Each example is parsed and checked on its own: on all cores, results in the order above.
        let work = items
        let results = Mutex<[Int: Finding]>([:])
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let finding = check(work[index].example, against: work[index].schema)
            results.withLock { $0[index] = finding }
        }
        return results.withLock { done in work.indices.compactMap { done[$0] } }
    }

    /// The schema an endpoint example illustrates: a response-schema example names its status and media
    /// type; a `#### Response` example shows the first successful JSON response.
    static func schema(for example: Example, in endpoint: Endpoint) -> Schema? {
        if let status = example.status, let mediaType = example.mediaType {
            return endpoint.responses.first { $0.status == status && $0.mediaType == mediaType }?.schema
        }
        let json = endpoint.responses.filter { $0.mediaType?.hasSuffix("json") ?? false }
        return (json.first { $0.status.hasPrefix("2") } ?? json.first)?.schema
    }

    static func check(_ example: Example, against schema: Schema?) -> Finding {
        var finding = Finding(example: example, schema: schema, mismatches: [], syntaxError: nil)
        guard looksLikeJSON(example) else {
            finding.schema = nil
            return finding
        }
        do {
            let node = try JSONParser.parse(example.code)
            if let schema { finding.mismatches = SchemaValidator.mismatches(of: node, against: schema) }
        } catch {
            finding.syntaxError = error
        }
        return finding
    }

    /// Response examples of streaming or binary endpoints are not JSON; only blocks marked `json`, or
    /// unmarked blocks that start like JSON, are checked.
    /// A `json` block that holds a server-sent event stream (`data: {...}` lines) is a stream, not JSON;
    /// its events are checked against the event pages, not here.
    static func looksLikeJSON(_ example: Example) -> Bool {
        let first = example.code.first { !$0.isWhitespace }
        if example.code.drop(while: \.isWhitespace).hasPrefix("data:") || example.code.drop(while: \.isWhitespace).hasPrefix("event:") {
            return false
        }
        if example.language == "json" { return true }
        guard example.language.isEmpty else { return false }
        return first == "{" || first == "["
    }

    /// Where in its page a place of an example's code is (`line` and `column` count in the code).
    static func location(_ line: Int, _ column: Int, in example: Example) -> SourceLocation {
        let codeLines = example.code.split(separator: "\n", omittingEmptySubsequences: false)
        let lastLine = codeLines.last?.isEmpty == true ? codeLines.count - 1 : codeLines.count
        // Past the end of the code (a value left open): at the end of its last line, not on a line after it.
        var (line, column) = (line, column)
        if line > lastLine, lastLine > 0 {
            line = lastLine
            column = codeLines[lastLine - 1].utf8.count + 1
        }
        // The code starts at `codeLine`, at the fence's indentation.
        return SourceLocation(file: example.location.file, line: example.codeLine + line - 1,
                              column: example.location.column + column - 1)
    }

    /// Where in its page the value a mismatch names is.
    static func location(of mismatch: Mismatch, in example: Example) -> SourceLocation {
        location(mismatch.line, mismatch.column, in: example)
    }

    static func diagnostics(for finding: Finding) -> [Diagnostic] {
        let example = finding.example
        func at(_ line: Int, _ column: Int) -> SourceLocation { location(line, column, in: example) }
        if let error = finding.syntaxError {
            return [Diagnostic(.warning, .invalidExample, at: at(error.line, error.column),
                               "\(describe(example)) is not valid JSON: \(error.message)")]
        }
        return finding.mismatches.map { mismatch in
            Diagnostic(.warning, .nonConformingExample, at: at(mismatch.line, mismatch.column),
                       "\(describe(example)) does not match its schema: \(mismatch.message)")
        }
    }

    static func describe(_ example: Example) -> String {
        switch example.role {
        case .responseSchema: "example of the \(example.status ?? "") \(example.mediaType ?? "") response"
        case .response: "response example" + (example.name.map { " '\($0)'" } ?? "")
        case .object: "object example"
        case .request: "request example"
        }
    }
}

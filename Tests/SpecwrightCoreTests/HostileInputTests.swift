import Foundation
import SpecwrightCore
import Testing

/// Pages made to crash, hang or defeat the compiler, through the built tool as a process (a stack overflow
/// would be a signal, not an exit status). Inputs are made here, not checked in. Each is refused with a
/// located error on one line, quickly; nothing is written.
@Suite("Hostile input through the CLI", .timeLimit(.minutes(2)))
struct HostileInputTests {
    /// An endpoint page whose request body is `fields` (starting on line 9), with a response.
    static func page(_ fields: String) -> String {
        "# Create thing\n\n`POST /v1/things`\n\nCreate.\n\n## Request body\n### application/json\n" + fields
            + "\n\n## Responses\n### 200\nOK\n#### application/json\n- `id` (string, required): Id.\n"
    }

    static func nestedArrays(_ depth: Int, closed: Bool = true) -> String {
        String(repeating: "array<", count: depth) + (closed ? "string" + String(repeating: ">", count: depth) : "")
    }

    /// Fields nested `depth` levels, each an object, the innermost a string.
    static func nestedFields(_ depth: Int) -> String {
        (0..<depth).map { String(repeating: "  ", count: $0) + "- `f\($0)` (object, required): F." }.joined(separator: "\n")
            + "\n" + String(repeating: "  ", count: depth) + "- `leaf` (string, required): L."
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var fields: String
        /// The error's location and the start of its message.
        var expected: String
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "array< nested 3,000 levels", fields: "- `x` (\(nestedArrays(3000)), required): X.",
             expected: "create.md:9:56: error: malformed type 'array<array<"),
        Case(name: "array< 50,000 times, never closed", fields: "- `x` (\(nestedArrays(50_000, closed: false)), required): X.",
             expected: "create.md:9:56: error: malformed type 'array<array<"),
        Case(name: "arrays one level past what compiles quickly", fields: "- `x` (\(nestedArrays(9)), required): X.",
             expected: "create.md:9:56: error: malformed type 'array<array<array<array<array<array<array<array<array<string>>>>>>>>>': arrays nested deeper than 8 levels"),
        Case(name: "fields nested 40 levels", fields: nestedFields(40),
             expected: "create.md:41:65: error: fields nested deeper than 32 levels"),
        Case(name: "fields 25 deep holding 8 arrays", fields: nestedFields(25).replacingOccurrences(of: "`leaf` (string", with: "`leaf` (\(nestedArrays(8))"),
             expected: "create.md:34:61: error: 'array<array<array<array<array<array<array<array<string>>>>>>>>' nests too deep here"),
    ]

    @Test(arguments: cases)
    func refusedWithALocatedErrorByEveryCommand(_ hostile: Case) throws {
        let project = try TemporarySpecs(["Specs/create.md": Self.page(hostile.fields)])
        let specs = project.folder.appendingPathComponent("Specs").path
        let out = project.folder.appendingPathComponent("Out")
        for arguments in [["lint", specs], ["ir", specs], ["generate", specs, "--module", "M", "--output", out.path]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments[0]) \(hostile.name): status \(result.status)")
            let line = result.stderr.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init) ?? ""
            #expect(line.hasPrefix(hostile.expected), "\(arguments[0]) \(hostile.name): \(line.prefix(300))")
            #expect(line.utf8.count < 400, "the message quotes the source briefly")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func thousandsOfLinkBracketsInAParagraphAreRefusedQuickly() throws {
        // libcmark 0.30.2 takes quadratic time on this (10-20 s for 20,000 on a slow machine).
        let project = try TemporarySpecs([
            "Specs/guide.md": "# Guide\n\nIntro.\n\n" + String(repeating: "![[]()", count: 50_000) + "\n",
            // Lines ended by lone CRs are lines to cmark, and to the scan.
            "Specs/cr.md": "# CR\r\rIntro.\r\r" + String(repeating: "![[]()\r", count: 6_000),
            // A stray fence does not hide what follows from the scan.
            "Specs/fence.md": "# Fence\n\n    ```\n\n" + String(repeating: "![[]()", count: 6_000) + "\n",
            "Specs/fine.md": "# Fine\n\n" + String(repeating: "[a](b) ", count: 4_000) + "\n",
        ])
        let clock = ContinuousClock()
        let start = clock.now
        let result = try CLI.run(["lint", project.folder.appendingPathComponent("Specs").path])
        #expect(clock.now - start < .seconds(5))
        #expect(result.status == 1)
        for place in ["guide.md:5:1", "cr.md:5:1", "fence.md:5:1"] {
            #expect(result.stderr.contains("\(place): error: more than 5000 '[' in one paragraph"), "\(result.stderr)")
        }
        #expect(!result.stderr.contains("fine.md:"), "\(result.stderr)")
    }

    @Test func aPageOverTheSizeLimitIsNotRead() throws {
        let project = try TemporarySpecs(["Specs/ok.md": "# Fine\n\nA guide.\n"])
        let big = project.folder.appendingPathComponent("Specs/huge.md")
        try Data(repeating: UInt8(ascii: "a"), count: SpecLoader.maximumPageBytes + 1).write(to: big)

        let result = try CLI.run(["lint", project.folder.appendingPathComponent("Specs").path])

        #expect(result.status == 1)
        #expect(result.stderr.contains("huge.md:1:1: error: the page is 4.0 MiB, over the limit of 4 MiB a page; it is not read"), "\(result.stderr)")
    }

    /// The deepest nesting lint accepts generates Swift that type-checks in well under a minute.
    @Test func theDeepestAcceptedNestingCompiles() throws {
        let fields = Self.nestedFields(23).replacingOccurrences(of: "`leaf` (string", with: "`leaf` (\(Self.nestedArrays(8)) | \(Self.nestedArrays(8).replacingOccurrences(of: "string", with: "integer"))")
        let project = try TemporarySpecs(["Specs/create.md": Self.page(fields)])
        let out = project.folder.appendingPathComponent("Out")
        let generated = try CLI.run(["generate", project.folder.appendingPathComponent("Specs").path, "--module", "M", "--output", out.path])
        try #require(generated.status == 0, "\(generated.stderr)")

        let swiftc = Process()
        swiftc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let sources = try FileManager.default.contentsOfDirectory(atPath: out.path).map { out.appendingPathComponent($0).path }
        swiftc.arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-I", CLI.binary.deletingLastPathComponent().appendingPathComponent("Modules").path] + sources
        let clock = ContinuousClock()
        let start = clock.now
        try swiftc.run()
        swiftc.waitUntilExit()
        #expect(swiftc.terminationStatus == 0)
        #expect(clock.now - start < .seconds(60))
    }
}

/// Diagnostics that point where they should, on one line each, whatever the page holds.
@Suite("Diagnostics on hostile pages")
struct DiagnosticPlacementTests {
    /// A list endpoint whose response is `fields` (line 11 on), then `rest`.
    static func page(_ fields: String = "- `id` (string, required): Id.", rest: String = "") -> String {
        "# List things\n\n`GET /v1/things`\n\nList.\n\n## Responses\n### 200\nOK\n#### application/json\n" + fields + "\n" + rest
    }

    private func lint(_ pages: [String: Data]) throws -> CLI.Result {
        let project = try TemporarySpecs([:])
        let specs = project.folder.appendingPathComponent("Specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        for (name, bytes) in pages { try bytes.write(to: specs.appendingPathComponent(name)) }
        return try withExtendedLifetime(project) { try CLI.run(["lint", specs.path]) }
    }

    @Test func aJSONExampleLeftOpenAtTheEndIsReportedOnItsLastLine() throws {
        let result = try lint(["open.md": Data(Self.page(rest: "\n## Examples\n### One\n#### Response\n```json\n{\"id\": \"a\",\n").utf8)])
        // Line 17 is `{"id": "a",` (11 bytes): the value is cut right after it.
        #expect(result.stderr.contains("open.md:17:12: warning: response example 'One' is not valid JSON"), "\(result.stderr)")
    }

    @Test func examplesInIndentedCodeBlocksPointAtTheirLines() throws {
        // Blank lines and a heading after the block: cmark counts the blank lines in the block's span.
        let result = try lint(["indented.md": Data(Self.page(rest: "\n## Examples\n### One\n#### Response\n\n    {\"id\": 1,\n     \"x\": true}\n\n\n### Two\n\nText.\n").utf8)])
        #expect(result.stderr.contains("indented.md:17:12: warning: response example 'One' does not match its schema: $.id"), "\(result.stderr)")
        #expect(result.stderr.contains("indented.md:18:6: warning: response example 'One' does not match its schema: $.x"), "\(result.stderr)")
    }

    @Test(arguments: ["\r", "\n  ", "\r\n  "])
    func aFieldLineBrokenInsideItsParenthesisIsStillAField(lineBreak: String) throws {
        let result = try lint(["broken.md": Data(Self.page("- `id` (strng,\(lineBreak)required): Id.").utf8)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.md:11:9: error: malformed type 'strng'"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.contains(": error: ") || $0.contains(": warning: ") || $0.hasSuffix("warnings") || $0.hasSuffix("warning") })
    }

    @Test func columnsCountTheFilesBytesAroundInvalidUTF8() throws {
        var bytes = Array(Self.page("- `XX` (strng, required): Id.").utf8)
        let name = try #require(bytes.firstIndex(of: UInt8(ascii: "X")))
        bytes[name] = 0xFF
        bytes[name + 1] = 0xFE
        let result = try lint(["utf8.md": Data(bytes)])
        #expect(result.stderr.contains("utf8.md:11:9: error: malformed type 'strng'"), "\(result.stderr)")
    }

    @Test func controlCharactersOfAPageAreEscapedNotPrinted() throws {
        let result = try lint(["esc.md": Data(Self.page("- `id` (str\u{1B}[2J\u{07}, required): Id.").utf8)])
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(result.stderr.contains(#"malformed type 'str\u{1B}[2J\u{7}'"#), "\(result.stderr)")
    }

    @Test func aBoundTooLargeForADoubleIsAnErrorAndTheIRStaysJSON() throws {
        let huge = String(repeating: "9", count: 400)
        let project = try TemporarySpecs(["Specs/list.md": Self.page("- `n` (integer, required): N. Minimum: -\(huge). Maximum: 100.")])
        let result = try CLI.run(["ir", project.folder.appendingPathComponent("Specs").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("list.md:11:3: error: 'Minimum: -9999999999999999999... (401 characters)' does not fit a 64-bit floating-point number"), "\(result.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "the IR is valid JSON")
        #expect(!result.stdout.contains("inf"))
    }

    /// Found by the fuzzer (seed 12, iteration 486,984): a `?` before the scheme's `://` trapped on a slice.
    @Test func aCurlURLWithAQueryMarkBeforeItsSchemeIsAWarning() throws {
        let page = "# Delete thing\n\n`DELETE /v1/things/{id}`\n\nDelete.\n\n## Examples\n### Example\n#### Request (curl)\n```bash\ncurl ?ttps://api.openai.com/v1/things/t_1 \\\n  -H \"Authorization: Bearer $KEY\"\n```\n"
        let project = try TemporarySpecs(["Specs/delete.md": page])
        let result = try CLI.run(["lint", project.folder.appendingPathComponent("Specs").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("delete.md:10:1: warning: curl example calls ?ttps://api.openai.com/v1/things/t_1, which does not match DELETE /v1/things/{id}"), "\(result.stderr)")
    }

    @Test func aDashReadsThePageFromStandardInput() throws {
        let scratch = try TemporarySpecs(["in.md": Self.page("- `id` (strng, required): Id.")])
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["lint", "-"]
        process.standardInput = try FileHandle(forReadingFrom: scratch.folder.appendingPathComponent("in.md"))
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("<stdin>:11:9: error: malformed type 'strng'"), "\(text)")
    }
}

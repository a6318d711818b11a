import JSONSyntax
import Testing

/// The JSON reader and writer: every value kind, order and spelling kept, positions of values and keys,
/// errors with the place they occur, the depth limit, and the writer's exact bytes.
@Suite("JSON parser and writer")
struct JSONParserTests {
    /// Parses `text` and returns the error it throws, or nil when it parses.
    private static func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Values

    static let values: [(text: String, value: JSONValue)] = [
        ("null", .null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("42", .number("42")),
        ("-17", .number("-17")),
        ("1.0", .number("1.0")),
        ("0.5", .number("0.5")),
        ("-3.1281633e-7", .number("-3.1281633e-7")),
        ("1E+10", .number("1E+10")),
        ("2e3", .number("2e3")),
        ("12345678901234567890123", .number("12345678901234567890123")),
        (#""""#, .string("")),
        (#""hello""#, .string("hello")),
        (#""héllo wörld ✓ 😀""#, .string("héllo wörld ✓ 😀")),
        ("[]", .array([])),
        ("{}", .object([])),
        ("[1, \"a\", null, true, [false], {}]", .array([1, "a", nil, true, [false], .object([])])),
        (#"{"a": {"b": [1.50, {"c": null}]}}"#,
         .object([.init("a", .object([.init("b", .array([.number("1.50"), .object([.init("c", .null)])]))]))])),
        (" \t\r\n [ 1 , 2 ] \n\t ", .array([1, 2])),
    ]

    @Test("parses every value kind", arguments: values)
    func parsesValue(text: String, value: JSONValue) throws {
        #expect(try JSONParser.parseValue(text) == value)
    }

    @Test("keeps object members in document order, duplicates included")
    func memberOrder() throws {
        let value = try JSONParser.parseValue(#"{"zeta": 1, "alpha": 2, "mid": 3, "alpha": 4}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members.map(\.key) == ["zeta", "alpha", "mid", "alpha"])
        #expect(members.map(\.value) == [1, 2, 3, 4])
        // The subscript answers with the last occurrence of a repeated key.
        #expect(value["alpha"] == 4)
        #expect(value["zeta"] == 1)
        #expect(value["missing"] == nil)
    }

    @Test("keeps the spelling of numbers", arguments: ["1.0", "1.00", "-3.1281633e-7", "1e5", "1E5", "1e+5", "0.10", "-0.0"])
    func numberSpelling(text: String) throws {
        #expect(try JSONParser.parseValue(text) == .number(text))
        #expect(try JSONParser.parseValue("[\(text)]") == .array([.number(text)]))
        #expect(JSONWriter.compact(.number(text)) == text)
    }

    @Test("names value types, telling integers from numbers by spelling")
    func typeNames() throws {
        #expect(try JSONParser.parseValue("1").typeName == "integer")
        #expect(try JSONParser.parseValue("1.0").typeName == "number")
        #expect(try JSONParser.parseValue("1e3").typeName == "number")
        #expect(try JSONParser.parseValue("\"1\"").typeName == "string")
        #expect(try JSONParser.parseValue("null").typeName == "null")
        #expect(try JSONParser.parseValue("true").typeName == "boolean")
        #expect(try JSONParser.parseValue("[]").typeName == "array")
        #expect(try JSONParser.parseValue("{}").typeName == "object")
    }

    // MARK: - Escapes

    static let escapes: [(text: String, decoded: String)] = [
        (#""\"""#, "\""),
        (#""\\""#, "\\"),
        (#""\/""#, "/"),
        (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u00E9""#, "Aéé"),
        (#""\u0000""#, "\u{0}"),
        (#""a\u0020b""#, "a b"),
        (#""\u20AC""#, "€"),
        // Surrogate pairs, lower and upper case.
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""x\uD834\uDD1Ey""#, "x𝄞y"),
        // Unpaired surrogates become U+FFFD.
        (#""\ud83d""#, "\u{FFFD}"),
        (#""\udc00""#, "\u{FFFD}"),
        (#""\ud83dx""#, "\u{FFFD}x"),
        // An unpaired high surrogate does not swallow the escape after it.
        (#""\ud83d\u0041""#, "\u{FFFD}A"),
        (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""\ude00\ud83d\ude00""#, "\u{FFFD}😀"),
        // Raw UTF-8 passes through; mixing runs and escapes.
        (#""caf\u00e9 ☕ \"ok\"""#, "café ☕ \"ok\""),
    ]

    @Test("decodes escapes, including surrogate pairs", arguments: escapes)
    func decodesEscape(text: String, decoded: String) throws {
        #expect(try JSONParser.parseValue(text) == .string(decoded))
    }

    // MARK: - Positions

    @Test("records line and column of values and keys in multi-line text")
    func positions() throws {
        let text = """
            {
              "id": "x",
              "list": [
                true,
                  null, 2.5
              ],
              "nested": {"k": {}}
            }
            """
        let root = try JSONParser.parse(text)
        #expect((root.line, root.column) == (1, 1))
        guard case .object(let members) = root.content, members.count == 3 else {
            Issue.record("expected an object of three members")
            return
        }
        #expect(members.map(\.key) == ["id", "list", "nested"])
        #expect(members.map { [$0.line, $0.column] } == [[2, 3], [3, 3], [7, 3]])
        #expect(members.map { [$0.value.line, $0.value.column] } == [[2, 9], [3, 11], [7, 13]])

        guard case .array(let elements) = members[1].value.content else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.map { [$0.line, $0.column] } == [[4, 5], [5, 7], [5, 13]])

        guard case .object(let inner) = members[2].value.content, let k = inner.first else {
            Issue.record("expected an inner object")
            return
        }
        #expect((k.line, k.column) == (7, 14))
        #expect((k.value.line, k.value.column) == (7, 19))
    }

    @Test("counts columns in UTF-8 bytes and treats CR LF as one line break")
    func positionsInBytesAndCRLF() throws {
        // `é` is two bytes: the number starts at byte 8.
        let root = try JSONParser.parse(#"["é", 1]"#)
        guard case .array(let elements) = root.content else {
            Issue.record("expected an array")
            return
        }
        #expect((elements[1].line, elements[1].column) == (1, 8))

        let crlf = try JSONParser.parse("{\r\n  \"a\": 1\r\n}")
        guard case .object(let members) = crlf.content else {
            Issue.record("expected an object")
            return
        }
        #expect((members[0].line, members[0].column) == (2, 3))
        #expect((members[0].value.line, members[0].value.column) == (2, 8))
    }

    @Test("the plain value drops positions but keeps everything else")
    func nodeValue() throws {
        let text = #"{"b": [1.0, "x", null], "a": {"c": false}}"#
        #expect(try JSONParser.parse(text).value == JSONParser.parseValue(text))
    }

    // MARK: - Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { "\(text.debugDescription) -> \(line):\(column) \(message)" }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(text: "", line: 1, column: 1, message: "unexpected end of JSON"),
        ErrorCase(text: "  \n ", line: 2, column: 2, message: "unexpected end of JSON"),
        // Trailing commas.
        ErrorCase(text: #"{"a": 1,}"#, line: 1, column: 9, message: "expected a quoted key"),
        ErrorCase(text: "{\n  \"a\": 1,\n}", line: 3, column: 1, message: "expected a quoted key"),
        ErrorCase(text: "[1,]", line: 1, column: 4, message: "unexpected character ']'"),
        ErrorCase(text: "[\n  1,\n  2,\n]", line: 4, column: 1, message: "unexpected character ']'"),
        // Unterminated strings: the error is where the text ends.
        ErrorCase(text: #""abc"#, line: 1, column: 5, message: "unterminated string"),
        ErrorCase(text: "{\n  \"a\": \"abc", line: 2, column: 12, message: "unterminated string"),
        ErrorCase(text: #"{"a"#, line: 1, column: 4, message: "unterminated string"),
        ErrorCase(text: #""abc\"#, line: 1, column: 6, message: "unterminated string"),
        // Control characters in strings, where the character is.
        ErrorCase(text: "\"a\tb\"", line: 1, column: 3, message: "unescaped control character in string"),
        ErrorCase(text: "{\n  \"k\": \"a\tb\"\n}", line: 2, column: 10, message: "unescaped control character in string"),
        ErrorCase(text: "[\"line\nbreak\"]", line: 1, column: 7, message: "unescaped control character in string"),
        ErrorCase(text: "\"nul\u{0}\"", line: 1, column: 5, message: "unescaped control character in string"),
        // Text after the value.
        ErrorCase(text: #"{"a": 1} x"#, line: 1, column: 10, message: "unexpected text after the JSON value"),
        ErrorCase(text: "1 2", line: 1, column: 3, message: "unexpected text after the JSON value"),
        ErrorCase(text: "{}\n\n  }", line: 3, column: 3, message: "unexpected text after the JSON value"),
        ErrorCase(text: "nullx", line: 1, column: 5, message: "unexpected text after the JSON value"),
        // Numbers.
        ErrorCase(text: "-", line: 1, column: 2, message: "invalid number"),
        ErrorCase(text: "-x", line: 1, column: 2, message: "invalid number"),
        ErrorCase(text: "1.", line: 1, column: 3, message: "expected digits after '.'"),
        ErrorCase(text: "1.e5", line: 1, column: 3, message: "expected digits after '.'"),
        ErrorCase(text: "1e", line: 1, column: 3, message: "expected digits in exponent"),
        ErrorCase(text: "1e+", line: 1, column: 4, message: "expected digits in exponent"),
        ErrorCase(text: "+1", line: 1, column: 1, message: "unexpected character '+'"),
        ErrorCase(text: ".5", line: 1, column: 1, message: "unexpected character '.'"),
        ErrorCase(text: "NaN", line: 1, column: 1, message: "unexpected character 'N'"),
        // Literals, keys and punctuation.
        ErrorCase(text: "tru", line: 1, column: 1, message: "invalid literal, expected 'true'"),
        ErrorCase(text: "[nul]", line: 1, column: 2, message: "invalid literal, expected 'null'"),
        ErrorCase(text: "True", line: 1, column: 1, message: "unexpected character 'T'"),
        ErrorCase(text: "['a']", line: 1, column: 2, message: "unexpected character '''"),
        ErrorCase(text: "{a: 1}", line: 1, column: 2, message: "expected a quoted key"),
        ErrorCase(text: #"{"a" 1}"#, line: 1, column: 6, message: "expected ':' after key"),
        ErrorCase(text: #"{"a": 1 "b": 2}"#, line: 1, column: 9, message: "expected ',' or '}' in object"),
        ErrorCase(text: "[1 2]", line: 1, column: 4, message: "expected ',' or ']' in array"),
        ErrorCase(text: "[1, 2", line: 1, column: 6, message: "unexpected end of JSON inside an array"),
        ErrorCase(text: #"{"a": 1"#, line: 1, column: 8, message: "unexpected end of JSON inside an object"),
        ErrorCase(text: #"{"a":"#, line: 1, column: 6, message: "unexpected end of JSON"),
        // Escapes.
        ErrorCase(text: #""\x""#, line: 1, column: 4, message: #"invalid escape '\x'"#),
        ErrorCase(text: #""\u12G4""#, line: 1, column: 6, message: #"invalid hex digit in \u escape"#),
        ErrorCase(text: #""\u12""#, line: 1, column: 4, message: #"truncated \u escape"#),
        ErrorCase(text: "\u{1}", line: 1, column: 1, message: #"unexpected character '\u{1}'"#),
    ]

    @Test("reports errors with the line and column where they occur", arguments: errors)
    func reportsError(_ testCase: ErrorCase) throws {
        let error = try #require(Self.syntaxError(testCase.text), "parsed without error")
        #expect(error.message == testCase.message)
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
        #expect(error.description == "\(testCase.line):\(testCase.column): \(testCase.message)")
    }

    @Test("a leading zero is reported at the number")
    func leadingZero() throws {
        for (text, column) in [("01", 1), ("[1, 012]", 5), ("-01", 1), ("{\"a\": 00}", 7)] {
            let error = try #require(Self.syntaxError(text), "\(text) parsed without error")
            #expect(error.message == "leading zero in number")
            #expect(error.line == 1)
            #expect(error.column == column, "\(text)")
        }
    }

    // MARK: - Depth

    @Test("accepts nesting up to the maximum depth")
    func nestingAtTheLimit() throws {
        let depth = JSONParser.maximumDepth
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try JSONParser.parse(arrays) }
        let objects = String(repeating: #"{"a":"#, count: depth - 1) + "1" + String(repeating: "}", count: depth - 1)
        #expect(throws: Never.self) { try JSONParser.parse(objects) }
    }

    @Test("rejects deeper nesting with an error, not a crash", arguments: [JSONParser.maximumDepth + 1, 100_000])
    func nestingTooDeep(depth: Int) throws {
        let unclosed = String(repeating: "[", count: depth)
        let error = try #require(Self.syntaxError(unclosed), "parsed without error")
        #expect(error.message.contains("deeper than \(JSONParser.maximumDepth)"))
        #expect(error.line == 1)
        #expect(error.column == JSONParser.maximumDepth + 1)

        let closed = unclosed + String(repeating: "]", count: depth)
        #expect(Self.syntaxError(closed) != nil)

        let objects = String(repeating: "{\"k\":\n", count: depth)
        let objectError = try #require(Self.syntaxError(objects), "parsed without error")
        #expect(objectError.message.contains("deeper than"))
        #expect(objectError.line == JSONParser.maximumDepth + 1)
        #expect(objectError.column == 1)
    }

    // MARK: - Writer

    static let sample: JSONValue = .object([
        .init("name", "x"),
        .init("n", .number("1.0")),
        .init("list", [1, true, nil]),
        .init("empty", []),
        .init("obj", .object([])),
        .init("nested", .object([.init("k", "v"), .init("small", .number("-3.1281633e-7"))])),
    ])

    @Test("writes pretty JSON with two-space indent and a final newline")
    func pretty() {
        #expect(JSONWriter.pretty(Self.sample) == """
            {
              "name": "x",
              "n": 1.0,
              "list": [
                1,
                true,
                null
              ],
              "empty": [],
              "obj": {},
              "nested": {
                "k": "v",
                "small": -3.1281633e-7
              }
            }

            """)
    }

    @Test("writes compact JSON without whitespace")
    func compact() {
        #expect(JSONWriter.compact(Self.sample)
            == #"{"name":"x","n":1.0,"list":[1,true,null],"empty":[],"obj":{},"nested":{"k":"v","small":-3.1281633e-7}}"#)
    }

    static let scalars: [(value: JSONValue, compact: String)] = [
        (.null, "null"),
        (.bool(true), "true"),
        (.bool(false), "false"),
        (.number("-0.5e3"), "-0.5e3"),
        (.string(""), #""""#),
        (.array([]), "[]"),
        (.object([]), "{}"),
        (.array([.array([])]), "[[]]"),
    ]

    @Test("writes scalars and empty containers", arguments: scalars)
    func writesScalar(value: JSONValue, compact: String) {
        #expect(JSONWriter.compact(value) == compact)
    }

    @Test("pretty output of nested empty containers")
    func prettyNestedEmpty() {
        #expect(JSONWriter.pretty(.array([.array([]), .object([])])) == "[\n  [],\n  {}\n]\n")
        #expect(JSONWriter.pretty(.null) == "null\n")
    }

    @Test("escapes quote, backslash and control characters only")
    func escaping() {
        let text = "q\"b\\n\nt\tr\rb\u{08}f\u{0C}c\u{01}\u{1F}\u{0}/é😀\u{7F}"
        #expect(JSONWriter.compact(.string(text))
            == "\"q\\\"b\\\\n\\nt\\tr\\rb\\bf\\fc\\u0001\\u001f\\u0000/é😀\u{7F}\"")
        #expect(JSONWriter.compact(.object([.init("a\"b\n", 1)])) == #"{"a\"b\n":1}"#)
        #expect(JSONWriter.pretty(.string("plain")) == "\"plain\"\n")
    }

    // MARK: - Round trip

    static let roundTrip: [JSONValue] = [
        .null,
        .bool(false),
        .number("1.0"),
        .number("-3.1281633e-7"),
        .string("tab\tquote\"backslash\\nul\u{0}emoji😀 \u{1F} é"),
        sample,
        .array([.object([.init("b", 1), .init("a", 2), .init("b", 3)]), .array([.array([.null])]), ""]),
        .object([.init("", .string("empty key")), .init("line\nbreak", .number("0"))]),
    ]

    @Test("parse(write(x)) == x, pretty and compact", arguments: roundTrip)
    func roundTrips(value: JSONValue) throws {
        #expect(try JSONParser.parseValue(JSONWriter.pretty(value)) == value)
        #expect(try JSONParser.parseValue(JSONWriter.compact(value)) == value)
    }

    @Test("write(parse(text)) == text for compact text", arguments: [
        #"{"b":[1.0,2e-7,{"z":null,"a":true}],"a":"x\ny"}"#,
        #"[-0,0.10,"\u0001"]"#,
    ])
    func rewritesText(text: String) throws {
        #expect(JSONWriter.compact(try JSONParser.parseValue(text)) == text)
    }
}

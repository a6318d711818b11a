import Foundation
import SpecwrightRuntime
import Testing

/// The runtime's decoder against Foundation's: the same values from the same documents, the same errors
/// (kind and coding path) from the same mistakes, and its own syntax errors with a position.
@Suite struct TreeJSONDecoderTests {
    private func both<T: Decodable>(_ type: T.Type, _ text: String) -> (tree: Result<T, any Error>, foundation: Result<T, any Error>) {
        let data = Data(text.utf8)
        return (Result { try TreeJSONDecoder().decode(T.self, from: data) }, Result { try JSONDecoder().decode(T.self, from: data) })
    }

    @Test(arguments: [
        #"{"a": null, "b": true, "c": false, "d": [], "e": {}, "f": [1, [2, [3]]], "g": {"h": {"i": "j"}}}"#,
        #"  [ -0, 0, 1, -1, 1.5, -2.25e-3, 1E2, 6.02e+23, 9223372036854775807, 9223372036854775808 ]  "#,
        #"["", "plain", "\"quoted\" \\ \/ \b\f\n\r\t", "\u00e9\u4e2d\uD83D\uDE00", "é中😀", "\u0000"]"#,
        #"{"dup": 1, "other": 2, "dup": 3}"#,
        "\u{FEFF}{\"bom\": true}",
        "[1, 2,]", #"{"trailing": "comma",}"#,
        "\"a top-level string\"",
        "42",
        "null",
    ])
    func parsesWhatFoundationParses(text: String) throws {
        let (tree, foundation) = both(JSONValue.self, text)
        #expect(try tree.get() == foundation.get())
    }

    @Test(arguments: [
        ("", "Unexpected end of data, expected a value at line 1, column 1"),
        ("[1, 2,,]", "Unexpected character ',', expected a value at line 1, column 7"),
        ("[,]", "Unexpected character ',', expected a value at line 1, column 2"),
        ("{,}", "Unexpected character ',', expected a member name in quotes at line 1, column 2"),
        ("{\"a\" 1}", "Unexpected character '1', expected ':' after a member name at line 1, column 6"),
        ("[01]", "A number with a leading zero at line 1, column 2"),
        ("[1.]", "A number without digits after its decimal point at line 1, column 2"),
        ("[.5]", "Unexpected character '.', expected a value at line 1, column 2"),
        ("[1e]", "A number without digits in its exponent at line 1, column 2"),
        ("[-]", "A number without digits at line 1, column 2"),
        ("[NaN]", "Unexpected character 'N', expected a value at line 1, column 2"),
        ("[tru]", "Unexpected character 't', expected a value at line 1, column 2"),
        ("{\n  \"a\": \"open\n}", "Unescaped control character in a string at line 2, column 13"),
        ("\"never closed", "Unterminated string at line 1, column 1"),
        (#"["\x"]"#, #"Invalid escape '\x' in a string at line 1, column 3"#),
        (#"["\uD83D"]"#, "A high surrogate escape without its low surrogate at line 1, column 3"),
        (#"["\uDE00"]"#, "A low surrogate escape without its high surrogate at line 1, column 3"),
        (#"["\u12G4"]"#, "Invalid hex digit in a \\u escape at line 1, column 7"),
        ("[1] // comment", "Unexpected character '/' after the JSON value at line 1, column 5"),
        ("{} {}", "Unexpected character '{' after the JSON value at line 1, column 4"),
    ])
    func rejectsWhatIsNotJSONSayingWhereAndWhy(text: String, message: String) {
        let (tree, foundation) = both(JSONValue.self, text)
        #expect(throws: (any Error).self) { try foundation.get() }
        guard case .failure(DecodingError.dataCorrupted(let context)) = tree else {
            Issue.record("expected dataCorrupted, got \(tree)")
            return
        }
        #expect(context.codingPath.isEmpty)
        #expect((context.underlyingError as? JSONSyntaxError)?.description == message)
    }

    @Test func aNumberBeyondDoubleIsAnErrorAsInFoundation() {
        let (tree, foundation) = both(JSONValue.self, "[1e400]")
        #expect(throws: DecodingError.self) { try tree.get() }
        #expect(throws: DecodingError.self) { try foundation.get() }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let data = Data([UInt8(ascii: "\""), 0x61, 0xC3, 0x28, UInt8(ascii: "\"")])
        #expect(throws: DecodingError.self) { try TreeJSONDecoder().decode(String.self, from: data) }
    }

    @Test func limitsNestingWithoutExhaustingTheStack() throws {
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try TreeJSONDecoder().decode(JSONValue.self, from: Data(allowed.utf8)) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect {
            try TreeJSONDecoder().decode(JSONValue.self, from: Data(hostile.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return (context.underlyingError as? JSONSyntaxError)?.message == "Too deeply nested: more than 512 arrays and objects"
        }
    }

    struct Scalars: Codable, Equatable {
        var bool: Bool
        var string: String
        var double: Double
        var float: Float
        var int: Int
        var int8: Int8
        var int16: Int16
        var int32: Int32
        var int64: Int64
        var uint: UInt
        var uint8: UInt8
        var uint16: UInt16
        var uint32: UInt32
        var uint64: UInt64
        var optional: String?
        var absent: Int?
        var list: [Int?]
        var nested: [String: [Double]]
        var url: URL
        var data: Data
        var date: Date
        var decimal: Decimal
    }

    @Test func decodesScalarsAndFoundationTypesAsFoundationDoes() throws {
        let text = #"""
            {"bool": true, "string": "s", "double": 0.1, "float": 1.5e38, "int": -9223372036854775808,
             "int8": -128, "int16": 32767, "int32": 1.0, "int64": 2e3, "uint": 18446744073709551615,
             "uint8": 255, "uint16": 0, "uint32": 4294967295, "uint64": 1e19, "optional": null,
             "list": [1, null, 3], "nested": {"a": [1, 2.5], "b": []}, "url": "https://example.com/a?b=c",
             "data": "AAEC/w==", "date": 700000000.5, "decimal": 3.14159265358979323846}
            """#
        let (tree, foundation) = both(Scalars.self, text)
        #expect(try tree.get() == foundation.get())
        #expect(try tree.get().decimal.description == "3.14159265358979323846")
    }

    @Test(arguments: [
        // Each holds one mistake; both decoders must report it alike.
        #"{"bool": 1}"#, #"{"string": 5}"#, #"{"int": 1.5}"#, #"{"int8": 300}"#, #"{"uint": -1}"#,
        #"{"float": 1e39}"#, #"{"double": null}"#, #"{"list": "no"}"#, #"{"nested": {"a": [1, "x"]}}"#,
        #"{"url": 5}"#, #"{"data": "not base64!"}"#, #"{"decimal": "1"}"#,
    ])
    func reportsTheSameErrorsAtTheSamePaths(mistake: String) throws {
        let valid: [String: JSONValue] = [
            "bool": true, "string": "s", "double": 1, "float": 1, "int": 1, "int8": 1, "int16": 1, "int32": 1,
            "int64": 1, "uint": 1, "uint8": 1, "uint16": 1, "uint32": 1, "uint64": 1, "list": [],
            "nested": [:], "url": "https://example.com", "data": "", "date": 0, "decimal": 1,
        ]
        guard case .object(let override) = try JSONDecoder().decode(JSONValue.self, from: Data(mistake.utf8)) else { return }
        let document = try String(decoding: JSONCoding.makeEncoder().encode(valid.merging(override) { $1 }), as: UTF8.self)
        let (tree, foundation) = both(Scalars.self, document)
        let treeError = try #require(tree.failure as? DecodingError)
        let foundationError = try #require(foundation.failure as? DecodingError)
        if case .dataCorrupted = foundationError, Self.summary(foundationError) == "dataCorrupted at " {
            // Foundation leaves the path out of its errors for numbers that do not fit; this decoder names it.
            #expect(Self.summary(treeError) == "dataCorrupted at \(override.keys.first ?? "")")
        } else {
            #expect(Self.summary(treeError) == Self.summary(foundationError))
        }
    }

    @Test func reportsMissingKeysAndShortArraysAsFoundationDoes() throws {
        struct Pair: Decodable { var first: Int; var second: [Int] }
        struct Tuple: Decodable {
            var values: (Int, Int)
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                values = (try container.decode(Int.self), try container.decode(Int.self))
            }
        }
        for text in [#"{"second": []}"#, #"{"first": 1, "second": [1, "x"]}"#, #"[{"first": 1}]"#] {
            let (tree, foundation) = both([Pair].self, text.hasPrefix("[") ? text : "[\(text)]")
            #expect(Self.summary(try #require(tree.failure as? DecodingError)) == Self.summary(try #require(foundation.failure as? DecodingError)))
        }
        let (tree, foundation) = both(Tuple.self, "[1]")
        #expect(Self.summary(try #require(tree.failure as? DecodingError)) == Self.summary(try #require(foundation.failure as? DecodingError)))
    }

    /// The kind of a decoding error and its coding path, which is what callers act on (messages differ).
    private static func summary(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let context): return "keyNotFound \(key.stringValue) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context): return "valueNotFound \(type) at \(path(context.codingPath))"
        case .typeMismatch(let type, let context): return "typeMismatch \(type) at \(path(context.codingPath))"
        case .dataCorrupted(let context): return "dataCorrupted at \(path(context.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

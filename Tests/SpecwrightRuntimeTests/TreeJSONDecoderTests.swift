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
        // Integers written with an exponent or a fraction, beyond what a Double holds exactly.
        #"[900719925474099E3, -9.223372036854775808e18, 12345678901234567.0, 1.5e-300, 2.0e1]"#,
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

/// Random documents, and the same documents with one byte changed, read by both decoders: they must agree on
/// whether it is JSON and, when it is, on the value. Seeded, so a failure repeats.
@Suite struct TreeJSONDecoderDifferentialTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["a", "é", "中", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\uD83D\\uDE00", "\\t", " ", "0", "\\u0041"]
    static let numbers = ["0", "-0", "1", "-17", "3.25", "1e3", "-2.5E-2", "9007199254740993", "123456789012345678901234", "0.1", "1E+2"]

    static func document(_ random: inout SplitMix64, depth: Int = 0) -> String {
        let pick = depth > 3 ? Int.random(in: 0..<4, using: &random) : Int.random(in: 0..<6, using: &random)
        switch pick {
        case 0: return ["null", "true", "false"].randomElement(using: &random)!
        case 1: return numbers.randomElement(using: &random)!
        case 2, 3: return "\"" + (0..<Int.random(in: 0..<6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "\""
        case 4:
            let elements = (0..<Int.random(in: 0..<4, using: &random)).map { _ in document(&random, depth: depth + 1) }
            return "[" + elements.joined(separator: ["," , ", ", " ,\n"].randomElement(using: &random)!) + "]"
        default:
            let members = (0..<Int.random(in: 0..<4, using: &random)).map { index in
                "\"k\(index % 3)\"" + [":", " : "].randomElement(using: &random)! + document(&random, depth: depth + 1)
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    private func outcome(_ decode: (Data) throws -> JSONValue, _ data: Data) -> JSONValue? { try? decode(data) }

    @Test func bothDecodersAgreeOnRandomDocumentsAndTheirMutations() {
        var random = SplitMix64(state: 20_261_122)
        let tree = TreeJSONDecoder(), foundation = JSONDecoder()
        let mutations: [UInt8] = Array("{}[],:\"\\ 0-.eE\u{7F}".utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        var compared = 0
        for _ in 0..<2000 {
            let text = Self.document(&random)
            var variants = [Data(text.utf8)]
            for _ in 0..<4 {
                var bytes = Array(text.utf8)
                let position = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(mutations.randomElement(using: &random)!, at: position)
                default: if position < bytes.count { bytes[position] = mutations.randomElement(using: &random)! }
                }
                variants.append(Data(bytes))
            }
            for data in variants {
                let mine = outcome({ try tree.decode(JSONValue.self, from: $0) }, data)
                let theirs = outcome({ try foundation.decode(JSONValue.self, from: $0) }, data)
                compared += 1
                if data.contains(0), mine == nil {
                    // Foundation stops reading at a NUL byte (`0\0` is 0 to it); this decoder says the document
                    // has a stray byte, which it has.
                    continue
                }
                #expect(mine == theirs, "\(String(decoding: data, as: UTF8.self).debugDescription)")
            }
        }
        #expect(compared == 10_000)
    }
}

extension TreeJSONDecoderTests {
    @Test func largeObjectsDecodeAsMapsWithEveryMemberAndTheFirstOfDuplicates() throws {
        // Past a few members, lookups go through an index: every member is still found, duplicates resolve
        // as in Foundation's decoder (the first wins), and a map of 20,000 entries reads in linear time.
        let entries = (0..<20_000).map { "\"key\($0)\": \($0)" } + ["\"key7\": -1"]
        let text = "{" + entries.joined(separator: ",") + "}"
        let (tree, foundation) = both([String: Int].self, text)
        let map = try tree.get()
        #expect(map.count == 20_000)
        #expect(map["key7"] == 7 && map["key19999"] == 19_999)
        #expect(map == (try foundation.get()))
    }
}

extension TreeJSONDecoderTests {
    struct Nesting: Decodable, Equatable {
        var inner: Int
        var list: [String]
        var base: Int
        var parent: Int?

        enum Keys: String, CodingKey { case outer, list, base }
        enum Inner: String, CodingKey { case inner }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            inner = try container.nestedContainer(keyedBy: Inner.self, forKey: .outer).decode(Int.self, forKey: .inner)
            var elements = try container.nestedUnkeyedContainer(forKey: .list)
            var list: [String] = []
            while !elements.isAtEnd { list.append(try elements.decode(String.self)) }
            self.list = list
            base = try Int(from: container.superDecoder(forKey: .base))
            parent = try Int?(from: container.superDecoder())
        }
    }

    @Test func nestedContainersAndSuperDecodersReadAsFoundations() throws {
        for text in [#"{"outer": {"inner": 3}, "list": ["a", "b"], "base": 7, "super": 9}"#,
                     #"{"outer": {"inner": 3}, "list": [], "base": 7}"#] {
            let (tree, foundation) = both(Nesting.self, text)
            #expect(try tree.get() == foundation.get())
        }
        let (tree, foundation) = both(Nesting.self, #"{"outer": {"inner": "x"}, "list": [], "base": 7}"#)
        #expect(Self.summary(try #require(tree.failure as? DecodingError)) == Self.summary(try #require(foundation.failure as? DecodingError)))
    }
}

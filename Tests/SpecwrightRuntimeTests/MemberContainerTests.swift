import Foundation
import SpecwrightRuntime
import Testing

/// A type written the way generated code uses `MemberDecodingContainer` and `MemberEncodingContainer`: every
/// kind of member (required and optional scalars, a nested value, optional-nullable, required-nullable, a
/// constant) plus the undocumented ones.
private struct Record: Codable, Equatable {
    var id: String
    var count: Int?
    var ratio: Double
    var flag: Bool?
    var tags: [String]
    var note: Nullable<String>?
    var owner: String?
    var extra: [String: JSONValue]

    init(from decoder: any Decoder) throws {
        let container = try MemberDecodingContainer(decoder, documented: "object id count ratio flag tags note owner")
        try container.decodeConstant("record", forKey: "object")
        self.id = try container.decode(String.self, forKey: "id")
        self.count = try container.decodeIfPresent(Int.self, forKey: "count")
        self.ratio = try container.decode(Double.self, forKey: "ratio")
        self.flag = try container.decodeIfPresent(Bool.self, forKey: "flag")
        self.tags = try container.decode([String].self, forKey: "tags")
        self.note = try container.decodeNullable(String.self, forKey: "note")
        self.owner = try container.decodeOrNull(String.self, forKey: "owner")
        self.extra = try container.decodeUndocumented()
    }

    func encode(to encoder: any Encoder) throws {
        var container = MemberEncodingContainer(encoder)
        try container.encodeUndocumented(extra)
        try container.encode("record", forKey: "object")
        try container.encode(id, forKey: "id")
        try container.encodeIfPresent(count, forKey: "count")
        try container.encode(ratio, forKey: "ratio")
        try container.encodeIfPresent(flag, forKey: "flag")
        try container.encode(tags, forKey: "tags")
        try container.encodeNullable(note, forKey: "note")
        try container.encodeOrNull(owner, forKey: "owner")
    }
}

/// A type that documents one member only, in the list form: every other member of a `Record`'s JSON is
/// undocumented to it.
private struct Envelope: Decodable, Equatable {
    var extra: [String: JSONValue]

    init(from decoder: any Decoder) throws {
        let container = try MemberDecodingContainer(decoder, documented: ["object"])
        try container.decodeConstant("record", forKey: "object")
        self.extra = try container.decodeUndocumented()
    }
}

/// Both decoders generated code meets: the runtime's own (undocumented members read from its tree) and
/// Foundation's (undocumented members listed through `allKeys`).
private enum DecoderKind: CaseIterable, CustomTestStringConvertible {
    case runtime, foundation

    var testDescription: String { self == .runtime ? "TreeJSONDecoder" : "Foundation JSONDecoder" }

    // The runtime's decoder decodes strictly here: these tests are about what the containers read and the
    // errors they throw, which Foundation's decoder (always strict) must give alike. TolerantDecodingTests
    // has the tolerant side.

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        switch self {
        case .runtime: try JSONCoding.makeDecoder(mode: .strict).decode(type, from: Data(text.utf8))
        case .foundation: try JSONDecoder().decode(type, from: Data(text.utf8))
        }
    }
}

@Suite struct MemberContainerTests {
    private static let full = #"{"object":"record","id":"r_1","count":3,"ratio":0.5,"flag":true,"tags":["a","b"],"note":null,"owner":"ann","future":{"x":[1,null]}}"#

    private func encoded(_ record: Record) throws -> JSONValue {
        try JSONCoding.makeDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(record))
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func everyKindOfMemberDecodes(with decoder: DecoderKind) throws {
        let record = try decoder.decode(Record.self, Self.full)
        #expect(record.id == "r_1")
        #expect(record.count == 3)
        #expect(record.ratio == 0.5)
        #expect(record.flag == true)
        #expect(record.tags == ["a", "b"])
        #expect(record.note == .null)
        #expect(record.owner == "ann")
        #expect(record.extra == ["future": ["x": [1, nil]]])
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func decodingAndEncodingAgainLosesNothing(with decoder: DecoderKind) throws {
        let record = try decoder.decode(Record.self, Self.full)
        let original = try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(Self.full.utf8))
        #expect(try encoded(record) == original)
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func absentOptionalsStayAbsentAndARequiredNullableIsWrittenAsNull(with decoder: DecoderKind) throws {
        let text = #"{"object":"record","id":"r_2","ratio":1,"tags":[],"owner":null}"#
        let record = try decoder.decode(Record.self, text)
        #expect(record.count == nil && record.flag == nil && record.note == nil && record.owner == nil)
        #expect(record.extra.isEmpty)
        #expect(try encoded(record) == ["object": "record", "id": "r_2", "ratio": 1, "tags": [], "owner": nil])
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func aMissingRequiredNullableKeyIsKeyNotFound(with decoder: DecoderKind) throws {
        let text = #"{"object":"record","id":"r_3","ratio":1,"tags":[]}"#
        #expect {
            try decoder.decode(Record.self, text)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "owner"
        }
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func aWrongScalarTypeNamesTheMember(with decoder: DecoderKind) throws {
        let text = #"{"object":"record","id":"r_4","count":"three","ratio":1,"tags":[],"owner":null}"#
        #expect {
            try decoder.decode(Record.self, text)
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["count"]
        }
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func aWrongConstantIsRejected(with decoder: DecoderKind) throws {
        let text = #"{"object":"other","id":"r_5","ratio":1,"tags":[],"owner":null}"#
        #expect(throws: DecodingError.self) { try decoder.decode(Record.self, text) }
    }

    @Test func concurrentDecodesWithFoundationKeepTheirOwnDocumentedNames() async throws {
        // Foundation lists members through `allKeys`; the names refused there are bound per task.
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<200 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        let record = try DecoderKind.foundation.decode(Record.self, Self.full)
                        return (index, record.extra == ["future": ["x": [1, nil]]])
                    }
                    let envelope = try DecoderKind.foundation.decode(Envelope.self, Self.full)
                    return (index, envelope.extra.count == 8 && envelope.extra["id"] == "r_1")
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1.1) }
        }
        #expect(results.count == 200 && results.allSatisfy { $0 })
    }

    @Test func documentedKeysWrittenAfterUndocumentedOnesWin() throws {
        var record = try DecoderKind.runtime.decode(Record.self, Self.full)
        record.extra["id"] = "shadow"
        let text = String(decoding: try JSONCoding.makeEncoder().encode(record), as: UTF8.self)
        #expect(try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(text.utf8))["id"] == "r_1")
    }
}

/// Only the undocumented members of an object, read with the names documented as `names`.
private struct Undocumented: Decodable {
    static let names = TaskLocal<[String]?>(wrappedValue: nil)
    static let separated = TaskLocal<StaticString>(wrappedValue: "")
    var names: [String]

    init(from decoder: any Decoder) throws {
        let container = if let list = Self.names.get() {
            try MemberDecodingContainer(decoder, documented: list)
        } else {
            try MemberDecodingContainer(decoder, documented: Self.separated.get())
        }
        self.names = try container.decodeUndocumented().keys.sorted()
    }
}

/// How a member's name is told documented or not, in both forms generated code passes the names in.
@Suite struct DocumentedNamesTests {
    private func undocumented(_ json: String, separated: StaticString, with decoder: DecoderKind) throws -> [String] {
        try Undocumented.separated.withValue(separated) { try decoder.decode(Undocumented.self, json).names }
    }

    private func undocumented(_ json: String, list: [String], with decoder: DecoderKind) throws -> [String] {
        try Undocumented.names.withValue(list) { try decoder.decode(Undocumented.self, json).names }
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func namesMatchWholeNotByPrefixOrSuffix(with decoder: DecoderKind) throws {
        let json = #"{"id":1,"i":2,"ids":3,"d":4,"object":5,"object_id":6,"bject":7,"id object":8}"#
        #expect(try undocumented(json, separated: "id object", with: decoder) == ["bject", "d", "i", "id object", "ids", "object_id"])
        #expect(try undocumented(json, list: ["id", "object"], with: decoder) == ["bject", "d", "i", "id object", "ids", "object_id"])
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func membersInAnyOrderAreFound(with decoder: DecoderKind) throws {
        let json = #"{"c":1,"extra":2,"a":3,"b":4,"a2":5}"#
        #expect(try undocumented(json, separated: "a b c", with: decoder) == ["a2", "extra"])
        #expect(try undocumented(json, list: ["a", "b", "c"], with: decoder) == ["a2", "extra"])
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func aOneCharacterListAndAnEmptyListWork(with decoder: DecoderKind) throws {
        // A one-scalar literal is a `StaticString` without a pointer: it must still be read.
        #expect(try undocumented(#"{"a":1,"b":2}"#, separated: "a", with: decoder) == ["b"])
        #expect(try undocumented(#"{"a":1,"":2}"#, separated: "", with: decoder) == ["", "a"])
    }

    @Test(arguments: DecoderKind.allCases)
    fileprivate func theListFormTakesNamesWithSpacesAndTheEmptyName(with decoder: DecoderKind) throws {
        let json = #"{"first name":1,"first":2,"name":3,"":4}"#
        #expect(try undocumented(json, list: ["first name", ""], with: decoder) == ["first", "name"])
    }

    @Test func theNamesReadBackAsAList() throws {
        let container = try JSONCoding.makeDecoder().decode(DocumentedList.self, from: Data("{}".utf8))
        #expect(container.separated == ["id", "object", "created_at"])
        #expect(container.list == ["first name", "id"])
    }
}

/// `documented` of a container, in both forms.
private struct DocumentedList: Decodable {
    var separated: [String]
    var list: [String]

    init(from decoder: any Decoder) throws {
        separated = try MemberDecodingContainer(decoder, documented: "id object created_at").documented
        list = try MemberDecodingContainer(decoder, documented: ["first name", "id"]).documented
    }
}

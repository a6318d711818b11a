import Foundation
import SpecwrightRuntime
import Testing

/// A generated-style object with known keys, a nullable optional field, a constant and unknown keys.
private struct Message: Codable, Equatable {
    var id: String
    var title: Nullable<String>?
    var status: Status
    var extra: [String: JSONValue]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, status, object
    }

    init(id: String, title: Nullable<String>?, status: Status, extra: [String: JSONValue] = [:]) {
        self.id = id
        self.title = title
        self.status = status
        self.extra = extra
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try container.decodeConstant("message", forKey: .object)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decodeNullable(String.self, forKey: .title)
        status = try container.decode(Status.self, forKey: .status)
        extra = try AdditionalProperties.decode(from: decoder, knownKeys: Set(CodingKeys.allCases.map(\.stringValue)))
    }

    func encode(to encoder: any Encoder) throws {
        try AdditionalProperties.encode(extra, to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeConstant("message", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encodeNullable(title, forKey: .title)
        try container.encode(status, forKey: .status)
    }
}

@Suite struct CodingSupportTests {
    private func decode(_ text: String) throws -> Message {
        try JSONDecoder().decode(Message.self, from: Data(text.utf8))
    }

    private func encode(_ message: Message) throws -> String {
        String(decoding: try JSONCoding.makeEncoder().encode(message), as: UTF8.self)
    }

    @Test func unknownKeysSurviveDecodeAndEncode() throws {
        let text = #"{"extra_null":null,"future":{"deep":[1,2.5,"x"]},"id":"m_1","object":"message","status":"active","title":"Hi"}"#
        let message = try decode(text)
        #expect(message.extra == ["future": ["deep": [1, 2.5, "x"]], "extra_null": nil])
        #expect(message.extra["id"] == nil)
        #expect(try encode(message) == text)
    }

    @Test func knownPropertiesWinOverCollidingExtras() throws {
        let message = Message(id: "real", title: nil, status: .active, extra: ["id": "fake"])
        #expect(try encode(message).contains(#""id":"real""#))
    }

    @Test func nullableDistinguishesAbsentNullAndValue() throws {
        let absent = try decode(#"{"id":"a","object":"message","status":"active"}"#)
        let null = try decode(#"{"id":"a","object":"message","status":"active","title":null}"#)
        let value = try decode(#"{"id":"a","object":"message","status":"active","title":"T"}"#)
        #expect(absent.title == nil)
        #expect(null.title == .some(.null))
        #expect(value.title == .value("T"))
        #expect(value.title?.value == "T")
        #expect(try !encode(absent).contains("title"))
        #expect(try encode(null).contains(#""title":null"#))
        #expect(try encode(value).contains(#""title":"T""#))
    }

    @Test func nullableOnItsOwn() throws {
        let null: Nullable<Int> = nil
        #expect(null == .null)
        #expect(null.isNull)
        #expect(Nullable(Optional<Int>.none) == .null)
        #expect(Nullable(5).map { $0 * 2 } == .value(10))
        #expect(String(decoding: try JSONEncoder().encode([Nullable<Int>.null, .value(3)]), as: UTF8.self) == "[null,3]")
        #expect(try JSONDecoder().decode([Nullable<Int>].self, from: Data("[null,4]".utf8)) == [.null, .value(4)])
        #expect(Set([Nullable<Int>.null, .null, .value(1)]).count == 2)
    }

    @Test func decodeConstantRejectsOtherValuesNamingTheExpectedOne() throws {
        for text in [#"{"id":"a","object":"thread","status":"active"}"#, #"{"id":"a","status":"active"}"#, #"{"id":"a","object":3,"status":"active"}"#] {
            do {
                _ = try decode(text)
                Issue.record("decoded \(text)")
            } catch DecodingError.dataCorrupted(let context) {
                #expect(context.debugDescription.contains(#""message""#))
                #expect(context.codingPath.last?.stringValue == "object")
            }
        }
    }

    @Test func openEnumKeepsUnknownValues() throws {
        let decoded = try JSONDecoder().decode([Status].self, from: Data(#"["active","paused"]"#.utf8))
        #expect(decoded == [.active, .unknown("paused")])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["active","paused"]"#)
        #expect(Status(rawValue: "locked") == .locked)
        #expect(Status.unknown("paused").description == "paused")
        #expect("\(Status.active)" == "active")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Status.self, from: Data("3".utf8)) }
    }

    @Test func anyCodingKeyForms() {
        #expect(AnyCodingKey("name").stringValue == "name")
        #expect(AnyCodingKey("name").intValue == nil)
        #expect(AnyCodingKey(3).intValue == 3)
        #expect(AnyCodingKey(stringValue: "x") == "x")
    }
}

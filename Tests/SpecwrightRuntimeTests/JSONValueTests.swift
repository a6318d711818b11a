import Foundation
import SpecwrightRuntime
import Testing

@Suite struct JSONValueTests {
    private func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func decodesEveryKind() throws {
        let value = try decode(#"{"a": null, "b": true, "c": 3, "d": 2.5, "e": "x", "f": [1, "y"], "g": {"h": -7}}"#)
        #expect(value == .object([
            "a": .null, "b": .bool(true), "c": .integer(3), "d": .number(2.5), "e": .string("x"),
            "f": .array([.integer(1), .string("y")]), "g": .object(["h": .integer(-7)]),
        ]))
    }

    @Test func integralNumbersDecodeAsIntegersAndOthersAsDoubles() throws {
        guard case .integer(42) = try decode("42") else { Issue.record("42 should be .integer"); return }
        guard case .integer(1) = try decode("1.0") else { Issue.record("1.0 is integral"); return }
        guard case .number = try decode("9223372036854775808") else { Issue.record("Int.max + 1 does not fit Int"); return }
        guard case .number(let fraction) = try decode("0.25") else { Issue.record("0.25 should be .number"); return }
        #expect(fraction == 0.25)
        guard case .number(let huge) = try decode("1e30") else { Issue.record("1e30 does not fit Int"); return }
        #expect(huge == 1e30)
        guard case .bool(true) = try decode("true") else { Issue.record("true should be .bool"); return }
    }

    @Test func numbersCompareAndHashByValue() {
        #expect(JSONValue.integer(1) == .number(1.0))
        #expect(JSONValue.number(1.0) == .integer(1))
        #expect(JSONValue.integer(1) != .number(1.5))
        #expect(JSONValue.integer(1) != .string("1"))
        #expect(JSONValue.bool(true) != .integer(1))
        #expect(Set<JSONValue>([.integer(1), .number(1.0), .number(-0.0), .integer(0)]).count == 2)
        #expect(JSONValue.array([.integer(2)]).hashValue == JSONValue.array([.number(2)]).hashValue)
        #expect(JSONValue.object(["n": 3]) == .object(["n": .number(3)]))
    }

    @Test func roundTripsThroughJSON() throws {
        let original: JSONValue = ["name": "Ünïcode \"quoted\"", "list": [1, 2.5, nil, false], "nested": ["empty": [:]]]
        let data = try JSONEncoder().encode(original)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == original)
    }

    @Test func literalsAndAccessors() {
        let value: JSONValue = ["error": ["message": "Nope", "code": 7, "ratio": 0.5], "items": [true, nil]]
        #expect(value["error"]?["message"]?.stringValue == "Nope")
        #expect(value["error"]?["code"]?.intValue == 7)
        #expect(value["error"]?["ratio"]?.doubleValue == 0.5)
        #expect(value["items"]?[0]?.boolValue == true)
        #expect(value["items"]?[1]?.isNull == true)
        #expect(value["items"]?[2] == nil)
        #expect(value["missing"] == nil)
        #expect(JSONValue.number(3.0).intValue == 3)
        #expect(JSONValue.string("x").intValue == nil)
    }

    @Test func descriptionIsCompactSortedJSON() {
        let value: JSONValue = ["b": [1, "two"], "a": nil]
        #expect(value.description == #"{"a":null,"b":[1,"two"]}"#)
    }
}

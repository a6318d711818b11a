import Foundation
import SpecwrightRuntime
import Testing

/// Shaped like a generated type: documented members, a nested object, a nullable member, undocumented keys.
private struct Ticket: Codable, Hashable, Sendable, JSONModel {
    struct Owner: Codable, Hashable, Sendable, JSONModel {
        var name: String
        var tags: [String]
    }

    var id: String
    var count: Int?
    var owner: Owner
    var note: Nullable<String>?
    var additionalProperties: [String: JSONValue] = [:]

    init(id: String, count: Int? = nil, owner: Owner, note: Nullable<String>? = nil, additionalProperties: [String: JSONValue] = [:]) {
        self.id = id
        self.count = count
        self.owner = owner
        self.note = note
        self.additionalProperties = additionalProperties
    }

    init(from decoder: any Decoder) throws {
        let container = try MemberDecodingContainer(decoder, documented: ["id", "count", "owner", "note"])
        id = try container.decode(String.self, forKey: "id")
        count = try container.decodeIfPresent(Int.self, forKey: "count")
        owner = try container.decode(Owner.self, forKey: "owner")
        note = try container.decodeNullable(String.self, forKey: "note")
        additionalProperties = try container.decodeUndocumented()
    }

    func encode(to encoder: any Encoder) throws {
        var container = MemberEncodingContainer(encoder)
        try container.encodeUndocumented(additionalProperties)
        try container.encode(id, forKey: "id")
        try container.encodeIfPresent(count, forKey: "count")
        try container.encode(owner, forKey: "owner")
        try container.encodeNullable(note, forKey: "note")
    }
}

/// Every kind of value an `Encodable` can write, including the ones `JSONEncoder` treats specially.
private struct Everything: Encodable {
    var data = Data([0, 1, 2, 250])
    var url = URL(string: "https://example.com/a?b=c")!
    var date = Date(timeIntervalSinceReferenceDate: 12.5)
    var small: Int8 = -3
    var unsigned: UInt64 = 7
    var float: Float = 0.5
    var price = Decimal(string: "1.25")!
    var nothing: String? = nil
    var matrix: [[Int]] = [[1, 2], []]
    var map: [String: Bool] = ["yes": true]

    func encode(to encoder: any Encoder) throws {
        enum Key: String, CodingKey { case data, url, date, small, unsigned, float, price, nothing, matrix, map, nested, list, parent }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(data, forKey: .data)
        try container.encode(url, forKey: .url)
        try container.encode(date, forKey: .date)
        try container.encode(small, forKey: .small)
        try container.encode(unsigned, forKey: .unsigned)
        try container.encode(float, forKey: .float)
        try container.encode(price, forKey: .price)
        try container.encodeNil(forKey: .nothing)
        try container.encode(matrix, forKey: .matrix)
        try container.encode(map, forKey: .map)
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: .nested)
        try nested.encode("inner", forKey: .data)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(1)
        try list.encodeNil()
        var element = list.nestedContainer(keyedBy: Key.self)
        try element.encode(true, forKey: .map)
        var parent = container.superEncoder(forKey: .parent).singleValueContainer()
        try parent.encode("written through a super encoder")
    }
}

@Suite struct JSONValueEncodingTests {
    @Test func buildsTheTreeJSONEncoderWouldWrite() throws {
        let value = Everything()
        let written = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
        let built = try JSONValue(encoding: value)
        #expect(built == written)
        #expect(built["data"] == .string("AAEC+g=="))
        #expect(built["url"] == .string("https://example.com/a?b=c"))
        #expect(built["price"] == .number(1.25))
        #expect(built["parent"] == .string("written through a super encoder"))
        #expect(built["list"] == .array([.integer(1), .null, .object(["map": .bool(true)])]))
    }

    @Test func keepsWhatJSONTextCannotHold() throws {
        #expect(try JSONValue(encoding: UInt64.max) == .number(Double(UInt64.max)))
        guard case .number(let infinity) = try JSONValue(encoding: Double.infinity) else {
            Issue.record("infinity should stay a number"); return
        }
        #expect(infinity == .infinity)
    }

    @Test func aValueThatWritesNothingIsAnEmptyObject() throws {
        struct Silent: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(try JSONValue(encoding: Silent()) == .object([:]))
    }
}

@Suite struct JSONModelTests {
    private let owner = Ticket.Owner(name: "ana", tags: ["a", "b"])

    @Test func valuesAreEqualWhenTheirJSONIs() throws {
        let one = Ticket(id: "t1", count: 2, owner: owner, note: .value("hi"), additionalProperties: ["x": .integer(1)])
        let same = Ticket(id: "t1", count: 2, owner: owner, note: .value("hi"), additionalProperties: ["x": .number(1)])
        #expect(one == same)
        #expect(one.hashValue == same.hashValue)
        #expect(Set([one, same]).count == 1)

        var other = one
        other.owner.tags.append("c")
        #expect(one != other)
        other = one
        other.additionalProperties["y"] = .null
        #expect(one != other)
    }

    @Test func nullAndMissingAreDifferentValues() {
        let missing = Ticket(id: "t1", owner: owner)
        let null = Ticket(id: "t1", owner: owner, note: .null)
        #expect(missing != null)
        #expect(Set([missing, null, missing]).count == 2)
    }

    @Test func decodedAndBuiltValuesCompareEqual() throws {
        let json = #"{"owner": {"tags": ["a", "b"], "name": "ana"}, "id": "t1", "extra": [1, 2]}"#
        let decoded = try JSONCoding.makeDecoder().decode(Ticket.self, from: Data(json.utf8))
        let built = Ticket(id: "t1", owner: owner, additionalProperties: ["extra": [1, 2]])
        #expect(decoded == built)
        #expect(decoded.hashValue == built.hashValue)
    }

    @Test func hashValueAgreesWithHashInto() throws {
        // `hashValue` is written once in the protocol's extension rather than synthesized per type: it must
        // be what hashing with `hash(into:)` gives.
        let ticket = Ticket(id: "t1", count: 2, owner: owner)
        var hasher = Hasher()
        ticket.hash(into: &hasher)
        #expect(ticket.hashValue == hasher.finalize())
        #expect(ticket.hashValue != Ticket(id: "t2", count: 2, owner: owner).hashValue)
    }
}

@Suite struct OpenEnumEqualityTests {
    @Test func casesCompareByRawValue() {
        #expect(Status.active == .active)
        #expect(Status.active != .locked)
        #expect(Status.unknown("active") == .active)
        #expect(Status.unknown("archived") == Status(rawValue: "archived"))
        #expect(Set([Status.active, .unknown("active"), .locked]).count == 2)
        #expect(Status.unknown("active").hashValue == Status.active.hashValue)
        #expect(Status.active.hashValue == "active".hashValue)
    }
}

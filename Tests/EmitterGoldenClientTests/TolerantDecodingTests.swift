import EmitterGoldenShapes
import Foundation
import SpecwrightRuntime
import Testing

/// Tolerant decoding of the golden shapes' generated types: every kind of member that can disagree with the
/// docs (scalars, arrays, nullable and optional members, constants, unions with and without a discriminator,
/// nested objects) is kept as it arrived and reported; strict decoding and Foundation's decoder throw.
@Suite struct TolerantDecodingTests {
    /// A widget as documented.
    static let widget: JSONValue = [
        "id": "w_1", "object": "widget", "default": true, "self": "me", "size": "auto",
        "tags": ["a", "b"], "prompt": "hi", "voice": ["id": "v_1"],
        "shape": ["type": "polygon", "points": [["x": 1, "y": 2]], "closed": true, "label": nil],
        "owner": ["name": "Ann", "email": nil],
    ]

    static func decode(_ json: JSONValue, mode: DecodingMode = .tolerant) throws -> (ShapesWidget, [DecodingIssue]) {
        try JSONCoding.makeDecoder(mode: mode).decodeReportingIssues(ShapesWidget.self, from: JSONCoding.makeEncoder().encode(json))
    }

    static func with(_ json: JSONValue, _ path: [String], _ value: JSONValue?) -> JSONValue {
        guard let first = path.first, case .object(var members) = json else { return value ?? json }
        if path.count == 1 {
            members[first] = value
        } else {
            members[first] = with(members[first] ?? [:], Array(path.dropFirst()), value)
        }
        return .object(members)
    }

    @Test func aWidgetAsDocumentedHasNoIssues() throws {
        let (widget, issues) = try Self.decode(Self.widget)
        #expect(issues.isEmpty && widget.deviations.isEmpty)
        #expect(try JSONValue(encoding: widget) == Self.widget)
    }

    @Test(arguments: [
        (["id"], nil, "$.id: absent, documented as required"),
        (["default"], "yes", #"$.default: a string ("yes"), documented as boolean"#),
        (["object"], "gadget", #"$.object: a string ("gadget"), documented as the constant "widget""#),
        // An array of scalars with a null inside is kept whole (an array has no place for one element's JSON).
        (["tags"], ["a", nil], "$.tags[1]: null, documented as non-null string"),
        // An optional member that is null where the docs do not allow it: nil, and the null kept.
        // (Strict decoding accepts it, as Foundation's decoder does.)
        (["ratio"], .null, "$.ratio: null, documented as non-null number"),
        // A required, nullable member of another type.
        (["self"], 7, "$.self: a number (7), documented as string"),
        // An optional, nullable member of another type.
        (["protocol"], 7, "$.protocol: a number (7), documented as string"),
        // Inside a nested object, the nested object keeps it.
        (["owner", "name"], nil, "$.owner.name: absent, documented as required"),
        // Inside the variant a discriminator chose.
        (["shape", "closed"], "no", #"$.shape.closed: a string ("no"), documented as boolean"#),
        // A member of an inline variant: the union member is kept whole.
        (["shape"], ["type": "circle", "radius": "big"], #"$.shape.radius: a string ("big"), documented as number"#),
    ] as [([String], JSONValue?, String)])
    func aMemberThatDisagreesIsKeptAndReported(path: [String], value: JSONValue?, issue: String) throws {
        let json = Self.with(Self.widget, path, value)

        let (widget, issues) = try Self.decode(json)

        #expect(issues.map(\.description) == [issue])
        #expect(widget.deviations.issues == issues)
        #expect(try JSONValue(encoding: widget) == json)
        if path != ["ratio"] {
            #expect(throws: DecodingError.self) { try Self.decode(json, mode: .strict) }
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(ShapesWidget.self, from: JSONCoding.makeEncoder().encode(json)) }
        }
    }

    @Test func fallbacksAreTheEmptyValuesAndSayTheyAreFallbacks() throws {
        var json = Self.with(Self.widget, ["id"], nil)
        json = Self.with(json, ["default"], "yes")
        json = Self.with(json, ["tags"], ["a", nil])

        let (widget, issues) = try Self.decode(json)

        #expect(issues.count == 3)
        // `tags` is optional: its fallback is nil.
        #expect(widget.id == "" && widget.default == false && widget.tags == nil)
        #expect(widget.deviations.fallbacks == ["default", "id", "tags"])
        #expect(widget.deviations.arrived("id") == .some(nil))
        #expect(widget.deviations.arrived("default") == .some("yes"))
        #expect(widget.deviations.arrived("size") == nil)
    }

    @Test func aVariantTrialIsStrictSoTheRightVariantWins() throws {
        // `voice` is a string or an object: a number is neither, and becomes `.unknown` as before rather than
        // an object with every member missing.
        let (widget, issues) = try Self.decode(Self.with(Self.widget, ["voice"], 5))
        #expect(widget.voice == .unknown(5))
        #expect(issues == [DecodingIssue(path: "$.voice", arrived: "a number (5)", documented: "one of ShapesWidget.Voice's variants",
                                         kind: .undocumentedValue)])
        // An object without the object variant's `id` does not fit that variant strictly either.
        let (other, _) = try Self.decode(Self.with(Self.widget, ["voice"], ["name": "x"]))
        #expect(other.voice == .unknown(["name": "x"]))
    }

    @Test func aVariantWithAMatchingConstantWinsOverOneWithAnOpenEnum() throws {
        // The hosted-tool variant comes first in the docs and its `type` is an open enum, which accepts
        // "function" too: tried first, it would take every function choice for a hosted tool of unknown type.
        let decoder = JSONCoding.makeDecoder()
        let function = try decoder.decode(OthersWidget.self, from: Data(#"{"id":"o","color":"red","tool_choice":{"type":"function","name":"lookup"}}"#.utf8))
        let hosted = try decoder.decode(OthersWidget.self, from: Data(#"{"id":"o","color":"red","tool_choice":{"type":"file_search"}}"#.utf8))

        guard case .object2(let choice)? = function.toolChoice, case .object(let tool)? = hosted.toolChoice else {
            Issue.record("expected the function variant and the hosted tool: \(String(describing: function.toolChoice)), \(String(describing: hosted.toolChoice))")
            return
        }
        #expect(choice.name == "lookup")
        #expect(tool.type == .fileSearch)
    }

    @Test func equalityFollowsWhatEncodingWrites() throws {
        let (absent, _) = try Self.decode(Self.with(Self.widget, ["id"], nil))
        let (empty, _) = try Self.decode(Self.with(Self.widget, ["id"], ""))
        // One writes no `id`, the other `"id": ""`: not equal, although both properties hold "".
        #expect(absent.id == empty.id)
        #expect(absent != empty)
    }

    @Test func theMutationPropertyHoldsForTheDocumentedWidget() throws {
        #expect(try Self.decode(Self.widget, mode: .strict).1.isEmpty)
        let text = String(decoding: try JSONCoding.makeEncoder().encode(Self.widget), as: UTF8.self)
        #expect(RoundTrip.toleranceProblems(ShapesWidget.self, json: text) == [])
    }

    // MARK: Values the docs do not list

    @Test func anEnumValueTheDocsDoNotListIsKeptAndReported() throws {
        let json = Self.with(Self.widget, ["size"], "huge")
        let (widget, issues) = try Self.decode(json)
        #expect(widget.size == .unknown("huge") && !widget.size.isDocumented && ShapesWidget.Size.auto.isDocumented)
        #expect(issues.map(\.description) == [#"$.size: a string ("huge"), documented as one of ShapesWidget.Size's values"#])
        #expect(issues.map(\.kind) == [.undocumentedValue])
        // Not a fallback: the property holds what arrived.
        #expect(widget.deviations.fallbacks.isEmpty && widget.deviations.issues == issues)
        #expect(try JSONValue(encoding: widget) == json)
        // Strict decoding keeps it too, and reports nothing (it has nowhere to).
        #expect(try Self.decode(json, mode: .strict).0.size == .unknown("huge"))
    }

    @Test func aVariantTheDocsDoNotListIsReportedAtItsDiscriminator() throws {
        let json = Self.with(Self.widget, ["shape"], ["type": "hexagon", "side": 1])
        let (widget, issues) = try Self.decode(json)
        #expect(widget.shape == .unknown(["type": "hexagon", "side": 1]))
        #expect(issues.map(\.description) == [#"$.shape.type: a string ("hexagon"), documented as one of ShapesWidget.Shape's variants"#])
        #expect(try JSONValue(encoding: widget) == json)
    }

    @Test(arguments: [
        // A member the docs do not list at all.
        ["type": "circle", "radius": 2, "color": "red"],
        // A member of another case.
        ["type": "circle", "radius": 2, "side": 3],
    ] as [JSONValue])
    func aKnownCaseWithMembersItDoesNotListStaysThatCase(shape: JSONValue) throws {
        let json = Self.with(Self.widget, ["shape"], shape)

        let (widget, issues) = try Self.decode(json)

        // An app's `switch` sees the circle it knows; nothing is lost, and nothing is a fallback.
        #expect(widget.shape == .circle(radius: 2))
        #expect(issues.isEmpty && widget.deviations.isEmpty && widget.deviations.fallbacks.isEmpty)
        #expect(try JSONValue(encoding: widget) == json)
        // Set to another value, the property is written as it is now.
        var changed = widget
        changed.shape = .circle(radius: 4)
        #expect(try JSONValue(encoding: changed) == Self.with(Self.widget, ["shape"], ["type": "circle", "radius": 4]))
        // Strictly, as before: a value with members the case does not list is `unknown`.
        #expect(try Self.decode(json, mode: .strict).0.shape == .unknown(shape))
    }

    @Test func inAnArrayEachKnownCaseKeepsItsOtherMembers() throws {
        // The note's `author` is optional: its `null` decodes as nil, which the case leaves out when it writes
        // itself; what arrived is still written back, `null` and the member it does not list included.
        let marks: JSONValue = [["type": "pin", "at": 1], ["type": "note", "text": "hi", "author": nil, "by": "ann"], ["type": "pin", "at": 2, "z": 0]]
        let json = Self.with(Self.widget, ["marks"], marks)

        let (widget, issues) = try Self.decode(json)

        #expect(widget.marks == [.pin(at: 1), .note(text: "hi", author: nil), .pin(at: 2)])
        #expect(issues.isEmpty)
        #expect(try JSONValue(encoding: widget) == json)
        var changed = widget
        changed.marks?.append(.pin(at: 3))
        #expect(try JSONValue(encoding: changed) == Self.with(Self.widget, ["marks"], [["type": "pin", "at": 1], ["type": "note", "text": "hi"], ["type": "pin", "at": 2], ["type": "pin", "at": 3]]))
    }

    @Test func aKnownCaseWithOtherMembersWhoseOwnDoNotFitIsUnknownAsStrictly() throws {
        // The API renamed `at`: the pin cannot be decoded as a pin, and is kept whole as `unknown`, as strict
        // decoding keeps it; the other elements are unharmed.
        let marks: JSONValue = [["type": "pin", "position": 2], ["type": "pin", "at": 1]]
        let json = Self.with(Self.widget, ["marks"], marks)

        let (widget, issues) = try Self.decode(json)

        #expect(widget.marks == [.unknown(["type": "pin", "position": 2]), .pin(at: 1)])
        #expect(issues.map(\.path) == ["$.marks[0].type"])
        #expect(try JSONValue(encoding: widget) == json)
        #expect(try Self.decode(json, mode: .strict).0.marks == widget.marks)
    }

    @Test func aUnionAtTheRootWithOtherMembersIsUnknownAsStrictly() throws {
        // No object above it could keep what the case does not: `unknown` keeps it all.
        let json: JSONValue = ["type": "pin", "at": 1, "z": 0]
        let mark = try JSONCoding.makeDecoder().decode(ShapesWidget.Mark.self, from: JSONCoding.makeEncoder().encode(json))
        #expect(mark == .unknown(json))
        #expect(try JSONValue(encoding: mark) == json)
    }

    @Test func aFailedVariantTrialForgetsWhatItFound() throws {
        // `voice` is a string or an object with a required `id`: the object trial fails, and `unknown` is the
        // one issue (nothing of the failed trial is reported).
        let (widget, issues) = try Self.decode(Self.with(Self.widget, ["voice"], ["name": "x"]))
        #expect(widget.voice == .unknown(["name": "x"]))
        #expect(issues.map(\.path) == ["$.voice"])
    }
}

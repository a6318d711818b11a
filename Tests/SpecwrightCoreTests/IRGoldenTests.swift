import Foundation
import JSONSyntax
import Testing
import SpecModel
import SpecwrightCore

/// The IR of `Specs/` is a public interface: its JSON is compared byte for byte with a checked-in copy.
/// Set `RECORD_GOLDEN=1` to write the copy anew after an intended change, then review the diff.
@Suite("IR golden")
struct IRGoldenTests {
    static let golden = repositoryRoot.appendingPathComponent("Tests/SpecwrightCoreTests/Golden/chatkit.ir.json")

    func render() throws -> String {
        JSONWriter.pretty(IRJSON.encode(try Pipeline.model(paths: [repositoryRoot.appendingPathComponent("Specs").path])))
    }

    @Test func chatKitIRMatchesGolden() throws {
        let actual = try render()
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try actual.write(to: Self.golden, atomically: true, encoding: .utf8)
            Issue.record("Recorded new golden \(Self.golden.path); review it and run again without RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(actual == expected, "IR differs from \(Self.golden.lastPathComponent); if intended, re-record with RECORD_GOLDEN=1")
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try render() == render())
    }

    /// The CLI writes the IR in parallel pieces; the bytes must be those of the plain writer.
    @Test func parallelWriterMatchesThePlainOne() throws {
        let spec = try Pipeline.model(paths: [repositoryRoot.appendingPathComponent("Specs").path])
        #expect(String(decoding: IRJSON.prettyBytes(spec), as: UTF8.self) == JSONWriter.pretty(IRJSON.encode(spec)))
        #expect(IRJSON.prettyBytes(APISpec()) == JSONWriter.prettyBytes(IRJSON.encode(APISpec())))
    }

    @Test func topLevelShape() throws {
        let json = try JSONParser.parseValue(try render())
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["endpoints", "objects", "indexes", "guides", "diagnostics"])
        guard case .array(let endpoints)? = json["endpoints"], case .object(let first)? = endpoints.first else {
            Issue.record("no endpoints")
            return
        }
        let keys = first.map(\.key)
        for key in ["id", "title", "method", "path", "source", "parameters", "requestBodies", "responses", "headers", "baseURL", "returns"] {
            #expect(keys.contains(key), "endpoint lacks \(key)")
        }
        guard case .array(let list)? = json["endpoints"] else { return }
        #expect(list.first?["source"] == .string("chatkit/threads/list.md:1"))
    }
}

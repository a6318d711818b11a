import Foundation
import SpecModel
import SpecParser
import Testing
@testable import SpecDiff

/// `specwright diff`'s model comparison, on the ChatKit pages edited as a docs update would edit them: one
/// change per class of change, each classified and placed on both sides.
@Suite("Spec diff")
struct SpecDiffTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pages = ["chatkit/threads/list.md", "chatkit/threads/object.md", "chatkit/threads/retrieve.md"]
    static let texts: [String: String] = Dictionary(uniqueKeysWithValues: pages.map { path in
        (path, (try? String(contentsOf: root.appendingPathComponent("Specs/\(path)"), encoding: .utf8)) ?? "")
    })

    static func spec(_ texts: [String: String]) -> APISpec {
        SpecAssembler.assemble(texts.sorted { $0.key < $1.key }.map { SpecFile(path: $0.key, text: $0.value) })
    }

    /// The changes when `page` has `old` replaced by `new`.
    static func changes(_ page: String, _ old: String, _ new: String) -> [SpecChange] {
        var edited = texts
        let text = try! #require(edited[page])
        #expect(text.contains(old), "the page has no \(old)")
        edited[page] = text.replacingOccurrences(of: old, with: new)
        return SpecDiff.changes(from: spec(texts), to: spec(edited))
    }

    @Test func theSameDocsHaveNoChanges() {
        #expect(SpecDiff.changes(from: Self.spec(Self.texts), to: Self.spec(Self.texts)).isEmpty)
        #expect(VersionBump([]) == .none)
    }

    @Test(arguments: [
        // A required parameter added: every call must pass it.
        ("chatkit/threads/list.md", "## Parameters\n", "## Parameters\n- `project` (query, string, required): The project.\n",
         "`GET /v1/chatkit/threads`: query parameter `project`", "added, required"),
        // A member removed.
        ("chatkit/threads/object.md", "- `user` (string, required): Free-form string that identifies your end user who owns the thread.\n", "",
         "The thread object: `user`", "removed"),
        // A type changed.
        ("chatkit/threads/object.md", "- `created_at` (integer, required)", "- `created_at` (string, required)",
         "The thread object: `created_at`", "type: integer -> string"),
        // An enum value removed.
        ("chatkit/threads/list.md", "Enum: 'asc', 'desc'.", "Enum: 'desc'.",
         "`GET /v1/chatkit/threads`: query parameter `order`", "enum value \"asc\" removed"),
        // A response member made optional: the property becomes optional.
        ("chatkit/threads/object.md", "- `user` (string, required)", "- `user` (string, optional)",
         "The thread object: `user`", "required -> optional"),
        // A union variant removed.
        ("chatkit/threads/object.md", "  - Variant (object):\n    - `type` (string, required): Status discriminator that is always `active`. Enum: 'active'. Default: `active`.\n", "",
         "The thread object: `status`", "variant \"active\" removed"),
    ])
    func breakingChangesForSwiftSource(page: String, old: String, new: String, subject: String, detail: String) throws {
        let changes = Self.changes(page, old, new)
        let change = try #require(changes.first { $0.subject == subject && $0.detail == detail }, "\(changes.map { "\($0.subject): \($0.detail)" })")
        #expect(change.severity == .breaking)
        #expect(VersionBump(changes) == .major)
    }

    @Test(arguments: [
        // A nullable response member now non-null, a constant changed: values that decoded may no longer.
        // (Not `title`: its own description says it can be null, so it stays nullable.)
        ("chatkit/threads/list.md", "- `first_id` (string | null, required)", "- `first_id` (string, required)", "nullable -> non-null"),
        ("chatkit/threads/object.md", "Enum: 'chatkit.thread'.", "Enum: 'chatkit.conversation'.", "the constant \"chatkit.thread\" -> \"chatkit.conversation\""),
    ])
    func breakingChangesOnTheWire(page: String, old: String, new: String, detail: String) throws {
        let changes = Self.changes(page, old, new)
        let change = try #require(changes.first { $0.detail == detail }, "\(changes.map(\.detail))")
        #expect(change.severity == .wire)
        #expect(change.new?.file == page)
    }

    @Test func anOptionalResponseMemberMadeRequiredBreaksOnTheWire() throws {
        let docs = Self.texts["chatkit/threads/object.md"]!.replacingOccurrences(of: "- `user` (string, required)", with: "- `user` (string, optional)")
        var before = Self.texts
        before["chatkit/threads/object.md"] = docs
        let changes = SpecDiff.changes(from: Self.spec(before), to: Self.spec(Self.texts))
        let change = try #require(changes.first { $0.subject == "The thread object: `user`" })
        #expect(change.severity == .wire && change.detail == "optional -> required")
    }

    @Test(arguments: [
        ("chatkit/threads/list.md", "## Parameters\n", "## Parameters\n- `project` (query, string, optional): The project.\n", "added, optional"),
        ("chatkit/threads/list.md", "Enum: 'asc', 'desc'.", "Enum: 'asc', 'desc', 'relevance'.", "enum value \"relevance\" added"),
        ("chatkit/threads/object.md", "- `user` (string, required)", "- `pinned` (boolean, optional): Pinned.\n- `user` (string, required)", "added, optional"),
    ])
    func additiveChanges(page: String, old: String, new: String, detail: String) throws {
        let changes = Self.changes(page, old, new)
        let change = try #require(changes.first { $0.detail == detail }, "\(changes.map(\.detail))")
        #expect(change.severity == .additive)
        #expect(VersionBump(changes) == .minor)
    }

    @Test func aNewEndpointIsAdditiveAndAGoneOneBreaking() throws {
        var fewer = Self.texts
        fewer["chatkit/threads/retrieve.md"] = nil
        let added = SpecDiff.changes(from: Self.spec(fewer), to: Self.spec(Self.texts))
        #expect(added.map(\.severity) == [.additive] && added.first?.kind == .added)
        #expect(added.first?.new?.file == "chatkit/threads/retrieve.md" && added.first?.old == nil)
        let removed = SpecDiff.changes(from: Self.spec(Self.texts), to: Self.spec(fewer))
        #expect(removed.map(\.severity) == [.breaking] && removed.first?.detail == "the endpoint is gone")
    }

    @Test func aDescriptionIsDocumentationOnly() throws {
        let changes = Self.changes("chatkit/threads/list.md", "List ChatKit threads with optional pagination and user filters.",
                                   "List the ChatKit threads, a page at a time.")
        #expect(changes.map(\.severity) == [.documentation])
        #expect(VersionBump(changes) == .patch)
    }

    @Test func aRenamedMemberIsOneRenameNotARemovalAndAnAddition() throws {
        let changes = Self.changes("chatkit/threads/object.md", "- `user` (string, required)", "- `owner` (string, required)")
        #expect(changes.count == 1, "\(changes.map(\.detail))")
        let change = try #require(changes.first)
        #expect(change.kind == .renamed && change.severity == .breaking)
        #expect(change.detail == "renamed `user` -> `owner`")
        // Placed on both sides.
        #expect(change.old?.line == 21 && change.new?.line == 21)
    }

    @Test func theChangelogGroupsBySectionAndSeverityAndTheJSONIsStable() throws {
        let changes = Self.changes("chatkit/threads/list.md", "Enum: 'asc', 'desc'.", "Enum: 'desc', 'relevance'.")
        let markdown = ChangeReport.markdown(changes, old: "old", new: "new")
        #expect(markdown.contains("1 breaking for swift source, 0 breaking on the wire, 1 additive, 0 documentation only: a **major** version."))
        #expect(markdown.contains("## chatkit\n\n### Breaking for Swift source\n- `GET /v1/chatkit/threads`: query parameter `order`: enum value \"asc\" removed (chatkit/threads/list.md:11)"))
        #expect(markdown.contains("### Additive\n- `GET /v1/chatkit/threads`: query parameter `order`: enum value \"relevance\" added"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ChangeReport.json(changes, old: "old", new: "new").utf8)) as? [String: Any])
        #expect(json["bump"] as? String == "major")
        #expect((json["counts"] as? [String: Int])?["breaking"] == 1)
        let first = try #require((json["changes"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["severity", "kind", "section", "subject", "detail", "old", "new", "symbol"])
        #expect(first["old"] as? String == "chatkit/threads/list.md:11")
    }
}

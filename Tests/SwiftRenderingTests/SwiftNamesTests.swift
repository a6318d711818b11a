import Testing
@testable import SwiftRendering

@Suite("Swift names")
struct SwiftNamesTests {
    @Test("members", arguments: [
        ("created_at", "createdAt"), ("thread_id", "threadID"), ("id", "id"), ("image_url", "imageURL"),
        ("file_ids", "fileIDs"), ("default", "`default`"), ("self", "self_"), ("init", "init_"), ("Type", "type"),
        ("1st_place", "_1stPlace"), ("x-request-id", "xRequestID"), ("has_more", "hasMore"), ("camelCase", "camelCase"),
        ("chatkit.thread", "chatkitThread"), ("gpt-4o", "gpt4o"), ("256x256", "_256x256"), ("", "_"),
    ])
    func member(raw: String, expected: String) {
        #expect(SwiftNames.member(raw) == expected)
    }

    @Test("types", arguments: [
        ("thread", "Thread"), ("vector_store_file", "VectorStoreFile"), ("ChatKit", "ChatKit"), ("chat-kit", "ChatKit"),
        ("3d_model", "_3dModel"), ("json_schema", "JSONSchema"),
    ])
    func type(raw: String, expected: String) {
        #expect(SwiftNames.type(raw) == expected)
    }

    @Test("singulars", arguments: [
        ("threads", "thread"), ("entries", "entry"), ("statuses", "status"), ("data", "data"), ("boxes", "box"), ("class", "class"),
    ])
    func singular(raw: String, expected: String) {
        #expect(SwiftNames.singular(raw) == expected)
    }

    @Test func stringLiterals() {
        #expect(SwiftNames.stringLiteral("a\"b\\c\nd") == #""a\"b\\c\nd""#)
        #expect(SwiftNames.stringLiteral("\u{1}") == #""\u{1}""#)
    }
}

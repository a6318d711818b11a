import Foundation
import JSONSyntax
import Testing
import SpecModel
@testable import SpecParser

/// The ChatKit pages in `Specs/`, asserted field by field against the facts of the seeds.
@Suite("ChatKit specs")
struct ChatKitSpecTests {
    let spec: APISpec

    init() throws {
        let folder = repositoryRoot.appendingPathComponent("Specs")
        let names = ["chatkit/index.md", "chatkit/threads/list.md", "chatkit/threads/object.md", "chatkit/threads/retrieve.md"]
        let files = try names.map { name in
            SpecFile(path: name, text: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        spec = SpecAssembler.assemble(files)
    }

    var retrieve: Endpoint? { spec.endpoints.first { $0.id == "chatkit.threads.retrieve" } }
    var list: Endpoint? { spec.endpoints.first { $0.id == "chatkit.threads.list" } }
    var object: ObjectPage? { spec.objects.first { $0.id == "chatkit.threads.object" } }

    @Test func pagesAndIdentities() {
        #expect(spec.diagnostics.isEmpty, "\(spec.diagnostics)")
        #expect(spec.endpoints.map(\.id) == ["chatkit.threads.list", "chatkit.threads.retrieve"])
        #expect(spec.objects.map(\.id) == ["chatkit.threads.object"])
        #expect(spec.indexes.map(\.id) == ["chatkit"])
        #expect(spec.indexes.first?.title == "ChatKit")
        #expect(spec.indexes.first?.entries.map(\.target) == ["chatkit.threads.list", "chatkit.threads.retrieve", "chatkit.threads.object"])
    }

    @Test func retrieveEndpoint() throws {
        let endpoint = try #require(retrieve)
        #expect(endpoint.title == "Retrieve ChatKit thread")
        #expect(endpoint.method == "GET")
        #expect(endpoint.path == "/v1/chatkit/threads/{thread_id}")
        #expect(endpoint.pathTemplateParameters == ["thread_id"])
        #expect(endpoint.location == SourceLocation(file: "chatkit/threads/retrieve.md", line: 1, column: 1))
        #expect(endpoint.documentationURL == "https://platform.openai.com/docs/api-reference/chatkit/threads/retrieve")
        #expect(endpoint.description == "Retrieve a ChatKit thread")

        let parameter = try #require(endpoint.parameters.first)
        #expect(endpoint.parameters.count == 1)
        #expect(parameter.name == "thread_id" && parameter.location == .path && parameter.required)
        #expect(parameter.schema.kind == .string)
        #expect(parameter.description == "Identifier of the ChatKit thread to retrieve.")
        #expect(parameter.source.line == 10)

        #expect(endpoint.headers.map { "\($0.name): \($0.value)" } == ["OpenAI-Beta: chatkit_beta=v1"])
        #expect(endpoint.baseURL == "https://api.openai.com")
        #expect(endpoint.returns?.links.map(\.target) == ["chatkit.threads.object"])
        #expect(endpoint.returns?.description == "Returns a [Thread](object.md) object.")

        let response = try #require(endpoint.responses.first)
        #expect(endpoint.responses.count == 1)
        #expect(response.status == "200" && response.mediaType == "application/json" && response.summary == "Success")
        try assertThreadSchema(#require(response.schema))

        // One schema example, the curl/javascript/python requests, and the `#### Response` example.
        #expect(endpoint.examples.map(\.role) == [.responseSchema, .request, .request, .request, .response])
        #expect(endpoint.examples.map(\.language) == ["json", "curl", "javascript", "python", "json"])
        #expect(endpoint.examples[0].status == "200")
        #expect(endpoint.examples[4].name == "Retrieve a thread by ID")
        #expect(endpoint.examples[4].location.line == 77)  // the opening fence
    }

    @Test func listEndpointParameters() throws {
        let endpoint = try #require(list)
        #expect(endpoint.method == "GET" && endpoint.path == "/v1/chatkit/threads")
        #expect(endpoint.parameters.map(\.name) == ["limit", "order", "after", "before", "user"])
        #expect(endpoint.parameters.allSatisfy { $0.location == .query && !$0.required })

        let limit = endpoint.parameters[0].schema
        #expect(limit.kind == .integer)
        #expect(limit.defaultValue == 20)
        #expect(limit.constraints.minimum == 0 && limit.constraints.maximum == 100)

        let order = endpoint.parameters[1].schema
        #expect(order.kind == .string && order.enumValues == ["asc", "desc"] && order.defaultValue == "desc")

        let user = endpoint.parameters[4].schema
        #expect(user.constraints.minLength == 1 && user.constraints.maxLength == 512)
        #expect(endpoint.parameters[2].schema.kind == .string && endpoint.parameters[3].schema.kind == .string)
    }

    @Test func listEndpointCursorPage() throws {
        let page = try #require(list?.responses.first?.schema)
        #expect(page.properties?.map(\.name) == ["object", "data", "first_id", "last_id", "has_more"])
        #expect(page["object"].constantValue == "list")
        #expect(page["data"].kind == .array)
        try assertThreadSchema(#require(page["data"].itemSchema))
        #expect(page["first_id"].kind == .string && page["first_id"].nullable)
        #expect(page.property(named: "first_id")?.required == true)
        #expect(page["last_id"].nullable)
        #expect(page["has_more"].kind == .boolean && !page["has_more"].nullable)
        #expect(list?.returns?.links.first?.target == "chatkit.threads.object")
    }

    @Test func threadObjectPage() throws {
        let page = try #require(object)
        #expect(page.title == "The thread object")
        #expect(page.schema.description == "Represents a ChatKit thread and its current status.")
        try assertThreadSchema(page.schema)
        #expect(page.examples.map(\.role) == [.object])
        #expect(page["title"].description == "Optional human-readable title for the thread. Defaults to null when no title has been generated.")
    }

    /// The thread schema, the same wherever it appears.
    func assertThreadSchema(_ thread: Schema) throws {
        #expect(thread.kind == .object)
        #expect(thread.properties?.map(\.name) == ["id", "object", "created_at", "title", "status", "user"])
        #expect(thread.properties?.allSatisfy(\.required) == true)
        #expect(thread["id"].kind == .string && !thread["id"].nullable)
        #expect(thread["object"].constantValue == "chatkit.thread")
        #expect(thread["object"].defaultValue == "chatkit.thread")
        #expect(thread["created_at"].kind == .integer)
        #expect(thread["title"].kind == .string && thread["title"].nullable)
        #expect(thread["user"].kind == .string && !thread["user"].nullable)

        let status = thread["status"]
        #expect(status.kind == .union && !status.nullable)
        #expect(status.description == "Current status for the thread. Defaults to `active` for newly created threads.")
        let variants = try #require(status.variants)
        #expect(variants.map { $0["type"].constantValue } == ["active", "locked", "closed"])
        #expect(variants.map { $0.properties?.map(\.name) ?? [] } == [["type"], ["type", "reason"], ["type", "reason"]])
        for variant in variants.dropFirst() {
            #expect(variant["reason"].kind == .string && variant["reason"].nullable)
            #expect(variant.property(named: "reason")?.required == true)
        }
    }
}

extension ObjectPage {
    subscript(_ name: String) -> Schema { schema[name] }
}

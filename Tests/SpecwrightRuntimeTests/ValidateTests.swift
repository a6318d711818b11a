import SpecwrightRuntime
import Testing

@Suite struct ValidateTests {
    private func reason(_ body: () throws -> Void) -> (name: String, reason: String)? {
        do {
            try body()
            return nil
        } catch let error as APIError {
            if case .invalidArgument(let name, let reason) = error.kind { return (name, reason) }
            return nil
        } catch {
            return nil
        }
    }

    @Test func nonEmpty() throws {
        try Validate.nonEmpty("cthr_1", name: "thread_id")
        #expect(reason { try Validate.nonEmpty("", name: "thread_id") }?.name == "thread_id")
    }

    @Test func range() throws {
        try Validate.range(0, name: "limit", min: 0, max: 100)
        try Validate.range(100, name: "limit", min: 0, max: 100)
        try Validate.range(nil as Int?, name: "limit", min: 0, max: 100)
        try Validate.range(1_000, name: "limit", min: 0, max: nil)
        try Validate.range(0.5, name: "temperature", min: nil, max: 2.0)
        #expect(reason { try Validate.range(101, name: "limit", min: 0, max: 100) }?.reason == "must be at most 100, got 101")
        #expect(reason { try Validate.range(-1, name: "limit", min: 0, max: 100) }?.reason == "must be at least 0, got -1")
        #expect(reason { try Validate.range(2.5, name: "temperature", min: 0, max: 2) }?.name == "temperature")
    }

    @Test func lengthCountsCharacters() throws {
        try Validate.length("é🙂", name: "user", min: 1, max: 2)
        try Validate.length(nil, name: "user", min: 1, max: 2)
        #expect(reason { try Validate.length("", name: "user", min: 1, max: 512) }?.reason == "must be at least 1 characters long, got 0")
        #expect(reason { try Validate.length("abc", name: "user", min: 1, max: 2) }?.reason == "must be at most 2 characters long, got 3")
    }

    @Test func count() throws {
        try Validate.count([1, 2], name: "items", min: 1, max: 2)
        #expect(reason { try Validate.count([Int](), name: "items", min: 1, max: nil) }?.name == "items")
    }
}

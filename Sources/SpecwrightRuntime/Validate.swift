/// Checks generated code runs on arguments before sending, so a call the docs forbid fails at once with a
/// clear `APIError` of kind `.invalidArgument` instead of a round trip and a 400.
public enum Validate {
    /// Rejects an empty string (a path parameter such as an ID must not be empty).
    public static func nonEmpty(_ value: String, name: String) throws {
        if value.isEmpty { throw invalid(name, "must not be empty") }
    }

    /// Rejects a value outside `min...max` (either bound may be absent); `nil` passes.
    public static func range<T: Comparable & Sendable>(_ value: T?, name: String, min: T?, max: T?) throws {
        guard let value else { return }
        if let min, value < min { throw invalid(name, "must be at least \(min), got \(value)") }
        if let max, value > max { throw invalid(name, "must be at most \(max), got \(value)") }
    }

    /// Rejects a string whose length in characters is outside `min...max`; `nil` passes.
    public static func length(_ value: String?, name: String, min: Int?, max: Int?) throws {
        guard let value else { return }
        let count = value.count
        if let min, count < min { throw invalid(name, "must be at least \(min) characters long, got \(count)") }
        if let max, count > max { throw invalid(name, "must be at most \(max) characters long, got \(count)") }
    }

    /// Rejects an array whose element count is outside `min...max`; `nil` passes.
    public static func count<C: Collection>(_ value: C?, name: String, min: Int?, max: Int?) throws {
        guard let value else { return }
        let count = value.count
        if let min, count < min { throw invalid(name, "must have at least \(min) items, got \(count)") }
        if let max, count > max { throw invalid(name, "must have at most \(max) items, got \(count)") }
    }

    private static func invalid(_ name: String, _ reason: String) -> APIError {
        APIError(kind: .invalidArgument(name: name, reason: reason))
    }
}

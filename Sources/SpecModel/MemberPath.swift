/// The way from a schema to one of its members: names of object members and `[]` for an array's elements,
/// written `data[].result`.
public struct MemberPath: Sendable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Hashable {
        case member(String)
        case items
    }

    public var steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// The path `text` spells, nil when it is empty or has an empty name (`a..b`, `.a`).
    public init?(_ text: String) {
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var arrays = 0
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                arrays += 1
            }
            guard !name.isEmpty else { return nil }
            steps.append(.member(String(name)))
            steps += Array(repeating: .items, count: arrays)
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
    }

    public var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .member(let name): text += text.isEmpty ? name : "." + name
            case .items: text += "[]"
            }
        }
        return text
    }
}

/// What following a `MemberPath` into a schema found.
public enum MemberWalk: Sendable, Equatable {
    /// The member was reached and handed over; whether it was changed.
    case applied(changed: Bool)
    /// Nothing is there (any more): what is missing.
    case gone(String)
    /// The path cannot be followed: why.
    case failed(String)
}

extension Schema {
    /// Follows `steps` from this schema to a member and hands it to `body` to read or change. A step into a
    /// union goes into the one variant that has what it asks for (a union with several is an error).
    public mutating func modifyMember(at steps: ArraySlice<MemberPath.Step>, _ body: (inout Property) -> MemberWalk) -> MemberWalk {
        guard let step = steps.first else { return .failed("a path ends at a member, not at an array's elements") }
        if kind == .union, var variants {
            let fitting = variants.indices.filter { variants[$0].reaches(step) }
            guard fitting.count <= 1 else { return .failed("more than one variant of the union has it") }
            guard let index = fitting.first else { return .gone("the member is gone") }
            let walk = variants[index].modifyMember(at: steps, body)
            self.variants = variants
            return walk
        }
        switch step {
        case .items:
            guard kind == .array else { return .failed("`[]` follows an array, and this is \(kind.rawValue)") }
            guard var items = itemSchema else { return .gone("the array's elements are not described") }
            let walk = items.modifyMember(at: steps.dropFirst(), body)
            self.items = Box(items)
            return walk
        case .member(let name):
            guard kind == .object || kind == .any else { return .failed("a member follows an object, and this is \(kind.rawValue)") }
            guard var properties, let index = properties.firstIndex(where: { $0.name == name }) else {
                return .gone("the member is gone")
            }
            let walk: MemberWalk
            if steps.count == 1 {
                walk = body(&properties[index])
                if properties.indices.contains(where: { $0 != index && properties[$0].name == properties[index].name }) {
                    return .failed("another member is called `\(properties[index].name)` already")
                }
            } else {
                walk = properties[index].schema.modifyMember(at: steps.dropFirst(), body)
            }
            self.properties = properties
            return walk
        }
    }

    /// Whether this variant of a union has what `step` asks for.
    func reaches(_ step: MemberPath.Step) -> Bool {
        switch step {
        case .items: kind == .array
        case .member(let name): property(named: name) != nil
        }
    }
}

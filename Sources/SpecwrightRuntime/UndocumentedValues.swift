// Values the docs do not list: an enum value, a union variant, a union case with members it does not list.
// Strict and tolerant decoding both keep them (APIs grow, docs lag behind); tolerant decoding also says so.
//
// - An enum value or a union variant the docs do not list becomes the type's `unknown` case, as always, and
//   tolerant decoding reports it (`DecodingIssue.Kind.undocumentedValue`) at the value, or at a union's
//   discriminator when that is a string: `$.status.type: a string ("paused"), documented as one of
//   ChatKitThread.Status's variants`.
// - A union case with labeled values (`.locked(reason:)`) that arrives with members the case does not list
//   would become `unknown` too, which silently sends every `switch` in an app to its default the day the API
//   adds a member. Decoding tolerantly, it decodes as its case instead, and the whole JSON of the union is
//   kept by the object whose member it is (an enum case has no place for it): that object's `deviations`
//   keep the member as it arrived and what the case writes, so encoding writes back the members the case
//   does not list for as long as the property holds that case, the same rule as for fallbacks. This is no
//   issue, as an object's undocumented members are none.
//
// Both are recorded in the decoding's `DecodingContext`, so union trials forget them when they fail
// (`TreeDecoder.decode(_:)`), and the union is reached through its parents to the nearest object decoded by
// a generated type: `keepOtherMembersOfUnions()`, called once at the end of every object that had any.

/// A union value decoded as its case although it holds members the case does not list.
struct OtherMembers {
    /// The decoder of the union value, through whose parents the object that keeps it is found.
    let decoder: TreeDecoder
    /// What arrived.
    let arrived: JSONValue
    /// What the case writes: `arrived` with the case's own members only.
    let written: JSONValue
}

extension TreeDecoder {
    /// Reports a value of `type` that the docs do not list (`what`: "values" or "variants"), decoding
    /// tolerantly; at the member `discriminator` when that holds a string.
    func reportUndocumentedValue(of type: Any.Type, _ what: String, discriminator: String?) {
        guard context.mode == .tolerant else { return }
        var path = codingPath
        var found = node
        if let discriminator, case .object(let members) = node,
           let tag = members.first(where: { $0.name == discriminator }), case .string = tag.value {
            path.append(MemberName(discriminator))
            found = tag.value
        }
        // `String(reflecting:)` names the module first: `ChatKit.ChatKitThread.Status`.
        let name = String(reflecting: type).split(separator: ".", maxSplits: 1).last.map(String.init) ?? "\(type)"
        context.issues.append(DecodingIssue(
            path: DecodingErrorPath.path(path), arrived: (try? found.jsonValue([])).map(Self.describe) ?? "a number",
            documented: "one of \(name)'s \(what)", kind: .undocumentedValue))
    }

    /// Keeps this union value, which holds members its case (`caseMembers`) does not list, for the object
    /// whose member it is; false when decoding strictly, or when the value cannot be kept as JSON.
    func keepOtherMembers(caseMembers: DocumentedNames) -> Bool {
        guard context.mode == .tolerant, case .object(let members) = node, hasObjectAbove,
              let arrived = try? node.jsonValue([]), case .object(let all) = arrived else { return false }
        var written = all
        for member in members where !caseMembers.contains(member.name) { written[member.name] = nil }
        context.otherMembers.append(OtherMembers(decoder: self, arrived: arrived, written: .object(written)))
        return true
    }

    /// What the union value `keepOtherMembers` kept for this decoder writes, now that its case is decoded.
    func caseWrites(_ written: JSONValue) {
        guard let index = context.otherMembers.lastIndex(where: { $0.decoder === self }) else { return }
        let other = context.otherMembers[index]
        context.otherMembers[index] = OtherMembers(decoder: self, arrived: other.arrived, written: written)
    }

    /// Forgets what `keepOtherMembers` kept for this decoder: its value became `unknown`, which keeps it all.
    func forgetOtherMembers() {
        context.otherMembers.removeAll { $0.decoder === self }
    }

    /// Whether an object is above this value (a generated type's, as a rule), which can keep it: a union at a
    /// document's root has none, and stays `unknown` with members its case does not list, as strictly.
    private var hasObjectAbove: Bool {
        var current = parent
        while let decoder = current {
            if case .object = decoder.node { return true }
            current = decoder.parent
        }
        return false
    }

    /// Takes the union values under this object that `keepOtherMembers` recorded into `kept`, each under the
    /// member of this object it is in (the member itself, or an element of it at any depth).
    func keepOtherMembersOfUnions() {
        guard case .object(let members) = node else { return }
        context.otherMembers.removeAll { other in
            // The steps from this object down to the union value, first step last.
            var steps: [PathStep] = []
            var current: TreeDecoder? = other.decoder
            while let decoder = current, decoder !== self, let step = decoder.step {
                steps.append(step)
                current = decoder.parent
            }
            guard current === self, case .key(let key)? = steps.popLast() else { return false }
            let name = key.stringValue
            if let member = kept[name] {
                // Kept whole already, as a fallback: what arrived is written back anyway.
                if !member.isFallback, let fallback = member.fallback {
                    kept[name]?.fallback = Self.replacing(fallback, at: steps.reversed(), with: other.written)
                }
                return true
            }
            guard let arrived = steps.isEmpty ? other.arrived : members.first(where: { $0.name == name }).flatMap({ try? $0.value.jsonValue([]) }) else { return true }
            kept[name] = KeptMember(arrived: arrived, fallback: Self.replacing(arrived, at: steps.reversed(), with: other.written),
                                    isFallback: false)
            return true
        }
    }

    /// `value` with the value at `steps` (array indices and object keys) replaced by `replacement`.
    private static func replacing(_ value: JSONValue, at steps: some Collection<PathStep>, with replacement: JSONValue) -> JSONValue {
        guard let step = steps.first else { return replacement }
        switch (value, step) {
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            elements[index] = replacing(elements[index], at: steps.dropFirst(), with: replacement)
            return .array(elements)
        case (.object(var members), .key(let key)):
            guard let member = members[key.stringValue] else { return value }
            members[key.stringValue] = replacing(member, at: steps.dropFirst(), with: replacement)
            return .object(members)
        default:
            return value
        }
    }
}

// The entry points of generated code.

extension MemberDecodingContainer {
    /// A union value whose discriminator names a case with labeled values but that holds members the case
    /// does not list (`names`, the case's own JSON names, separated by spaces): true when decoding tolerantly,
    /// and the value decodes as that case while the other members are kept; false decoding strictly, and the
    /// value is `unknown`.
    public func keepsOtherMembers(writing names: StaticString) -> Bool {
        (decoder as? TreeDecoder)?.keepOtherMembers(caseMembers: DocumentedNames(separatedBySpaces: names)) ?? false
    }

    /// The form for names that hold a space.
    public func keepsOtherMembers(writing names: [String]) -> Bool {
        (decoder as? TreeDecoder)?.keepOtherMembers(caseMembers: DocumentedNames(names)) ?? false
    }

    /// A value of a case with labeled values whose other members `keepsOtherMembers` keeps: `value`, or, when a
    /// value of the case does not fit, `otherwise` (the `unknown` case, as strict decoding gives), the other
    /// members then kept no more. What the case writes is recorded, so that encoding writes back what arrived
    /// while the property holds this case (a `null` that decodes as nil is left out by the case).
    public func decodeCase<Union: Encodable>(_ value: @autoclosure () throws -> Union, otherwise: @autoclosure () throws -> Union) throws -> Union {
        guard let tree = decoder as? TreeDecoder else { return try value() }
        do {
            let decoded = try value()
            if let written = try? JSONValue(encoding: decoded) { tree.caseWrites(written) }
            return decoded
        } catch {
            tree.forgetOtherMembers()
            return try otherwise()
        }
    }
}

extension JSONValue {
    /// The JSON of a value that is none of the variants the docs list for `union`, for its `unknown` case;
    /// reported when decoding tolerantly, at the member `discriminator` when that holds a string.
    public init(undocumentedVariantOf union: Any.Type, from decoder: any Decoder, discriminator: String? = nil) throws {
        try self.init(from: decoder)
        (decoder as? TreeDecoder)?.reportUndocumentedValue(of: union, "variants", discriminator: discriminator)
    }
}

/// Reports `value`, which the docs of its enum do not list, when decoding tolerantly.
func reportUndocumentedValue<Value: OpenEnum>(_ value: Value, of decoder: any Decoder) {
    (decoder as? TreeDecoder)?.reportUndocumentedValue(of: Value.self, "values", discriminator: nil)
}

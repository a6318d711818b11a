// How a tolerant `MemberDecodingContainer` (DecodingMode.tolerant) goes on when a member does not fit: the
// decoder of the object records the issue, keeps the member's JSON and hands out a fallback.
//
// Why at the member of an object and nowhere deeper: an object's type has a place to keep what arrived (its
// `deviations`), an array or a scalar has none. A member that fails deeper down (a `null` among the strings
// of a `[String]`) is kept whole, with a fallback for the whole member (`[]`), so encoding still writes back
// what arrived; objects inside it tolerate their own members and do not fail in the first place.
//
// Union types try their variants through the single value container (`try? single.decode(Variant.self)`):
// those trials decode strictly (`DecodingContext.strictTrials`), or the first object variant would always
// win; a union whose variants all fail becomes `.unknown` with the JSON, as before, and is reported. What a
// union or an enum does with values the docs do not list is in UndocumentedValues.swift.

extension TreeDecoder {
    /// Whether generated containers over this decoder go on past members that do not fit.
    var isTolerant: Bool { context.mode == .tolerant && context.strictTrials == 0 }

    /// `error` happened while decoding the member `key` of this object as a required, non-null `T`: records
    /// the issue and keeps what arrived; the fallback for the property. Rethrows `error` when `T` has none.
    func tolerate<T: Decodable>(_ error: DecodingError, member key: String, as type: T.Type) throws -> T {
        guard isTolerant, let fallback = Self.fallback(T.self, userInfo: context.userInfo),
              let encodable = fallback as? any Encodable, let fallbackJSON = try? JSONValue(encoding: encodable) else { throw error }
        try keep(key, error, fallback: fallbackJSON)
        return fallback
    }

    /// `error` happened while decoding the member `key`, whose property then holds nil, which encodes as
    /// `fallback` (`nil`: the member is left out): records the issue and keeps what arrived.
    func tolerate(_ error: DecodingError, member key: String, fallback: JSONValue?) throws {
        guard isTolerant else { throw error }
        try keep(key, error, fallback: fallback)
    }

    /// The optional member `key` holds `null`, which its docs do not allow: kept, so that encoding writes the
    /// `null` back (the property is nil, which would leave the member out), and reported.
    func tolerateNull<T>(member key: String, as type: T.Type) {
        guard isTolerant else { return }
        kept[key] = KeptMember(arrived: .null, fallback: nil)
        context.issues.append(DecodingIssue(
            path: DecodingErrorPath.path(codingPath + [MemberName(key)]), arrived: "null",
            documented: "non-null \(Self.documentedName(T.self))"))
    }

    /// The constant member `key` is missing or holds another value than `value`.
    func tolerateConstant(_ error: DecodingError, _ value: String, member key: String) throws {
        guard isTolerant else { throw error }
        try keep(key, error, fallback: .string(value), documented: "the constant \"\(value)\"")
    }

    private func keep(_ key: String, _ error: DecodingError, fallback: JSONValue?, documented: String? = nil) throws {
        var arrived: JSONValue?
        if case .object(let members) = node, let member = members.first(where: { $0.name == key }) {
            // A number beyond Double's range cannot be kept as a JSONValue: that member stays an error.
            guard let value = try? member.value.jsonValue([]) else { throw error }
            arrived = value
        }
        kept[key] = KeptMember(arrived: arrived, fallback: fallback)
        context.issues.append(issue(for: error, member: key, arrived: arrived, documented: documented))
    }

    /// The issue `error` stands for; `arrived` is the JSON of the member the error happened in.
    private func issue(for error: DecodingError, member key: String, arrived: JSONValue?, documented: String?) -> DecodingIssue {
        let memberPath = codingPath + [MemberName(key)]
        let errorPath: [any CodingKey]
        let expected: String
        switch error {
        case .keyNotFound(let missing, let context):
            errorPath = context.codingPath + [missing]
            expected = "required"
        case .valueNotFound(let type, let context):
            errorPath = context.codingPath
            expected = "non-null \(Self.documentedName(type))"
        case .typeMismatch(let type, let context):
            errorPath = context.codingPath
            expected = Self.documentedName(type)
        case .dataCorrupted(let context):
            errorPath = context.codingPath
            expected = context.debugDescription
        @unknown default:
            errorPath = memberPath
            expected = String(describing: error)
        }
        // The error's path goes through the member's: what arrived there is found in the member's JSON.
        let inner = errorPath.count > memberPath.count ? Array(errorPath[memberPath.count...]) : []
        var found = arrived
        for step in inner {
            switch found {
            case .array(let elements)?:
                found = step.intValue.flatMap { elements.indices.contains($0) ? elements[$0] : nil }
            case .object(let members)?:
                found = members[step.stringValue]
            default:
                found = nil
            }
        }
        let path = errorPath.count >= memberPath.count ? errorPath : memberPath
        return DecodingIssue(path: DecodingErrorPath.path(path), arrived: Self.describe(found),
                             documented: documented ?? expected)
    }

    /// A value of `T` for a member that did not fit: the scalars' zero values, else `T` decoded (tolerantly,
    /// reporting nothing) from the first of `{}`, `[]`, `""`, `0`, `false` it accepts.
    static func fallback<T: Decodable>(_ type: T.Type, userInfo: [CodingUserInfoKey: any Sendable]) -> T? {
        switch T.self {
        case is String.Type: return "" as? T
        case is Int.Type: return 0 as? T
        case is Double.Type: return 0.0 as? T
        case is Bool.Type: return false as? T
        default: break
        }
        let candidates: [JSONNode] = [.object([]), .array([]), .string(""), .number("0"), .bool(false)]
        for candidate in candidates {
            let quiet = DecodingContext(mode: .tolerant, userInfo: userInfo)
            if let value = try? TreeDecoder(node: candidate, context: quiet).decodeValue(T.self) { return value }
        }
        return nil
    }

    /// The docs' word for what `type` decodes: `string`, `integer`, `object`; the Swift type for others.
    static func documentedName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: return "string"
        case is Int.Type, is Int64.Type, is Int32.Type, is Int16.Type, is Int8.Type,
             is UInt.Type, is UInt64.Type, is UInt32.Type, is UInt16.Type, is UInt8.Type: return "integer"
        case is Double.Type, is Float.Type: return "number"
        case is Bool.Type: return "boolean"
        case is [String: Any].Type: return "object"
        case is [Any].Type: return "array"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array<") ? "array" : name.hasPrefix("Dictionary<") ? "object" : name
        }
    }

    /// What arrived, in words: `absent`, `null`, `a number (12)`, `a string ("chatkit_thread")`.
    static func describe(_ value: JSONValue?) -> String {
        switch value {
        case nil: return "absent"
        case .null?: return "null"
        case .bool(let flag)?: return "a boolean (\(flag))"
        case .integer(let number)?: return "a number (\(number))"
        case .number(let number)?: return "a number (\(number))"
        case .string(let text)?:
            let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
            return "a string (\(shown.debugDescription))"
        case .array(let elements)?: return elements.isEmpty ? "an empty array" : "an array of \(elements.count)"
        case .object?: return "an object"
        }
    }
}

// The entry points of `MemberDecodingContainer`'s inlinable code, which cannot name the internal decoder:
// each finds it behind `any Decoder` (on the paths where something did not fit, and once per object at its
// end); with another decoder, or decoding strictly, errors are rethrown.

/// What the object `decoder` stands for kept, with the issues found inside it.
@usableFromInline
func keptDeviations(of decoder: any Decoder) -> DecodingDeviations {
    guard let tree = decoder as? TreeDecoder else { return .none }
    if !tree.context.otherMembers.isEmpty { tree.keepOtherMembersOfUnions() }
    guard tree.context.issues.count > tree.firstIssue || !tree.kept.isEmpty else { return .none }
    return DecodingDeviations(issues: Array(tree.context.issues[tree.firstIssue...]), kept: tree.kept)
}

@usableFromInline
func tolerate<T: Decodable>(_ error: DecodingError, member key: String, of decoder: any Decoder, as type: T.Type) throws -> T {
    guard let tree = decoder as? TreeDecoder else { throw error }
    return try tree.tolerate(error, member: key, as: T.self)
}

@usableFromInline
func tolerate(_ error: DecodingError, member key: String, of decoder: any Decoder, fallback: JSONValue?) throws {
    guard let tree = decoder as? TreeDecoder else { throw error }
    try tree.tolerate(error, member: key, fallback: fallback)
}

@usableFromInline
func tolerateNull<T>(member key: String, of decoder: any Decoder, as type: T.Type) {
    (decoder as? TreeDecoder)?.tolerateNull(member: key, as: T.self)
}

@usableFromInline
func tolerateConstant(_ error: DecodingError, _ value: String, member key: String, of decoder: any Decoder) throws {
    guard let tree = decoder as? TreeDecoder else { throw error }
    try tree.tolerateConstant(error, value, member: key)
}

// How `MemberDecodingContainer` finds the members the docs do not list when the decoder is the runtime's own:
// straight from the parsed document, without building `allKeys`.

/// The members of the object `decoder` stands for whose names `documented` does not hold, or nil when
/// `decoder` is not the runtime's own or does not stand for an object.
@usableFromInline
func undocumentedMembers(of decoder: any Decoder, documented: DocumentedNames) throws -> [String: JSONValue]? {
    guard let tree = decoder as? TreeDecoder, case .object(let members) = tree.node else { return nil }
    var undocumented: [String: JSONValue] = [:]
    var cursor = 0
    for member in members {
        if documented.contains(member.name, cursor: &cursor) || undocumented[member.name] != nil { continue }
        undocumented[member.name] = try member.value.jsonValue(tree.codingPath + [AnyCodingKey(member.name)])
    }
    return undocumented
}

/// The names of the members `undocumentedMembers(of:documented:)` returns, without reading their values.
@usableFromInline
func undocumentedNames(of decoder: any Decoder, documented: DocumentedNames) -> [String]? {
    guard let tree = decoder as? TreeDecoder, case .object(let members) = tree.node else { return nil }
    var names: [String] = []
    var cursor = 0
    for member in members {
        if documented.contains(member.name, cursor: &cursor) || names.contains(member.name) { continue }
        names.append(member.name)
    }
    return names
}

import SpecModel

/// A field's type as the docs write it: `string | array<string | object> | null`.
indirect enum TypeExpression: Hashable, Sendable {
    /// `string`, `integer`, `number`, `boolean`, `object`.
    case named(String)
    /// `array<element>`.
    case array(TypeExpression)
    case union([TypeExpression])
    case null

    /// The type names the format uses; anything else is a malformed type.
    static let knownNames: Set<String> = ["string", "integer", "number", "boolean", "object"]

    /// The deepest `array<array<...>>` accepted. Generated Swift nests one type per level, and the compiler's
    /// time grows steeply with it (24 levels took 5.5 s to parse, 40 did not finish in a minute); the whole
    /// OpenAI reference nests 2. The limit also bounds the parser's recursion.
    static let maximumArrayNesting = 8

    /// How many `array<` enclose the deepest element (`array<string | array<integer>>` is 2).
    var arrayNesting: Int {
        switch self {
        case .named, .null: 0
        case .array(let element): 1 + element.arrayNesting
        case .union(let terms): terms.map(\.arrayNesting).max() ?? 0
        }
    }

    /// The alternatives other than `null`, duplicates removed, in written order.
    var alternatives: [TypeExpression] {
        var result: [TypeExpression] = []
        for term in flattened where term != .null && !result.contains(term) {
            result.append(term)
        }
        return result
    }

    /// Whether `null` is one of the alternatives (`string | null | null` counts once).
    var isNullable: Bool { flattened.contains(.null) }

    private var flattened: [TypeExpression] {
        if case .union(let terms) = self { return terms.flatMap(\.flattened) }
        return [self]
    }

    /// Parses a type expression; the error says what is wrong and at which character offset.
    static func parse(_ text: String) -> Result<TypeExpression, TypeExpressionError> {
        var parser = Parser(characters: Array(text.utf8))
        return Result { try parser.parseWhole() }.mapError { $0 as? TypeExpressionError ?? .init(message: "\($0)", offset: 0) }
    }

    private struct Parser {
        /// UTF-8 bytes: every token of the grammar is ASCII.
        let characters: [UInt8]
        var index = 0

        mutating func parseWhole() throws -> TypeExpression {
            let expression = try parseUnion(depth: 0)
            skipSpaces()
            if index < characters.count {
                throw TypeExpressionError(message: "unexpected '\(character(at: index))'", offset: index)
            }
            return expression
        }

        func isNameCharacter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_")
        }

        /// The (possibly multi-byte) character starting at byte `index`, for messages.
        func character(at index: Int) -> String {
            let end = characters[(index + 1)...].firstIndex { $0 & 0xC0 != 0x80 } ?? characters.endIndex
            return String(decoding: characters[index..<end], as: UTF8.self)
        }

        mutating func skipSpaces() {
            while index < characters.count, characters[index] == UInt8(ascii: " ") { index += 1 }
        }

        /// `depth`: the `array<` around this expression.
        mutating func parseUnion(depth: Int) throws -> TypeExpression {
            var terms = [try parseTerm(depth: depth)]
            while true {
                skipSpaces()
                guard index < characters.count, characters[index] == UInt8(ascii: "|") else { break }
                index += 1
                terms.append(try parseTerm(depth: depth))
            }
            return terms.count == 1 ? terms[0] : .union(terms)
        }

        mutating func parseTerm(depth: Int) throws -> TypeExpression {
            skipSpaces()
            let start = index
            while index < characters.count, isNameCharacter(characters[index]) {
                index += 1
            }
            let name = String(decoding: characters[start..<index], as: UTF8.self)
            if name.isEmpty {
                let found = index < characters.count ? "'\(character(at: index))'" : "the end"
                throw TypeExpressionError(message: "expected a type name, found \(found)", offset: start)
            }
            if name == "null" { return .null }
            if name == "array" {
                skipSpaces()
                guard index < characters.count, characters[index] == UInt8(ascii: "<") else {
                    throw TypeExpressionError(message: "expected '<' after 'array'", offset: index)
                }
                guard depth < TypeExpression.maximumArrayNesting else {
                    throw TypeExpressionError(
                        message: "arrays nested deeper than \(TypeExpression.maximumArrayNesting) levels (generated Swift would take the compiler too long)",
                        offset: start)
                }
                index += 1
                let element = try parseUnion(depth: depth + 1)
                skipSpaces()
                guard index < characters.count, characters[index] == UInt8(ascii: ">") else {
                    throw TypeExpressionError(message: "expected '>' to close 'array<'", offset: index)
                }
                index += 1
                return .array(element)
            }
            guard TypeExpression.knownNames.contains(name) else {
                throw TypeExpressionError(
                    message: "unknown type \(Diagnostic.quoted(name, limit: 40)) (expected string, integer, number, boolean, object, array<...> or null)",
                    offset: start
                )
            }
            return .named(name)
        }
    }
}

struct TypeExpressionError: Error, Hashable {
    var message: String
    /// Offset in characters from the start of the expression.
    var offset: Int
}

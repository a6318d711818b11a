/// Turns names from the docs (`created_at`, `chatkit.thread`, `gpt-4o`, `256x256`) into Swift identifiers.
/// All naming goes through here, never through templates.
public enum SwiftNames {
    /// Words Swift reserves in declarations, expressions and statements, and in patterns; a member with
    /// one of these names is written in backticks.
    static let keywords: Set<String> = [
        // declarations
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var",
        // statements
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard",
        "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        // expressions and types
        "Any", "as", "await", "false", "is", "nil", "Self", "super", "throws", "true", "try",
        // contextual words that break as member names
        "some", "any",
    ]

    /// Names that backticks cannot save: a parameter `self` shadows the instance in an initializer, and
    /// `value.init`, `value.Type` and `value.Protocol` mean something else. They get a trailing underscore.
    static let unusableMembers: Set<String> = ["self", "init", "Type", "Protocol", "deinit", "subscript"]

    /// Words written in capitals when they stand in a name (`thread_id` -> `threadID`, `image_url` -> `imageURL`).
    static let acronyms: Set<String> = ["id", "ids", "url", "urls", "uri", "api", "json", "http", "https", "sdp", "ip", "mcp", "html", "xml", "ui", "uuid"]

    /// Splits a raw name into words at `_`, `-`, `.`, spaces, `/` and lower-to-upper case changes.
    static func words(_ raw: String) -> [String] {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(raw) }
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in raw {
            if character.isLetter || character.isNumber {
                if let previous, previous.isLowercase || previous.isNumber, character.isUppercase, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words` on bytes, for the names that are ASCII (nearly all): Character classification consults Unicode
    /// tables, which was a noticeable share of the generator's time.
    private static func asciiWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previous: UInt8 = 0
        for byte in raw.utf8 {
            let isLower = byte >= 0x61 && byte <= 0x7A, isUpper = byte >= 0x41 && byte <= 0x5A, isDigit = byte >= 0x30 && byte <= 0x39
            if isLower || isUpper || isDigit {
                let previousLowerOrDigit = (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x30 && previous <= 0x39)
                if previousLowerOrDigit, isUpper, !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            previous = byte
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func capitalized(_ word: String) -> String {
        if let first = word.utf8.first, word.utf8.allSatisfy({ $0 < 0x80 }) {
            let lowered = word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            let lower = String(decoding: lowered, as: UTF8.self)
            if acronyms.contains(lower) { return lower == "ids" ? "IDs" : lower == "urls" ? "URLs" : lower.uppercased() }
            var bytes = Array(word.utf8)
            if first >= 0x61 && first <= 0x7A { bytes[0] = first - 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let lower = word.lowercased()
        if acronyms.contains(lower) { return lower == "ids" ? "IDs" : lower == "urls" ? "URLs" : lower.uppercased() }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `created_at` -> `createdAt`, `thread_id` -> `threadID`, `id` -> `id`; escaped when needed.
    public static func member(_ raw: String) -> String {
        let parts = words(raw)
        guard let first = parts.first else { return "_" }
        let name = first.lowercased() + parts.dropFirst().map(capitalized).joined()
        return escaped(identifierSafe(name))
    }

    /// `chatkit.thread` -> `chatkitThread`, `gpt-4o` -> `gpt4o`, `256x256` -> `_256x256`.
    public static func enumCase(_ raw: String) -> String {
        member(raw)
    }

    /// `thread` -> `Thread`, `vector_store_file` -> `VectorStoreFile`, `ChatKit` stays `ChatKit`.
    public static func type(_ raw: String) -> String {
        let name = words(raw).map(capitalized).joined()
        return name.isEmpty ? "Value" : identifierSafe(name)
    }

    /// A name that starts like an identifier: digits first get an underscore.
    static func identifierSafe(_ name: String) -> String {
        guard let first = name.first else { return "_" }
        return first.isNumber ? "_" + name : name
    }

    /// Backticks around keywords: `default` -> `` `default` ``; `self` -> `self_`.
    public static func escaped(_ name: String) -> String {
        if unusableMembers.contains(name) { return name + "_" }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// The name without backticks, for use inside other names.
    public static func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// A singular form for naming elements of arrays and instances of resources:
    /// `threads` -> `thread`, `entries` -> `entry`, `statuses` -> `status`, `data` stays.
    public static func singular(_ word: String) -> String {
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("uses") || word.hasSuffix("xes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), word.count > 3 { return String(word.dropLast()) }
        return word
    }

    /// Swift string literal text for `value`: quotes, backslashes and control characters escaped.
    /// JSON names as the runtime's member containers take them (`documented:`): one string literal with the
    /// names separated by spaces, a constant in the binary; an array literal when a name is empty or holds a
    /// space.
    public static func nameListLiteral(_ names: [String]) -> String {
        if names.contains(where: { $0.isEmpty || $0.contains(" ") }) {
            return "[" + names.map(stringLiteral).joined(separator: ", ") + "]"
        }
        return stringLiteral(names.joined(separator: " "))
    }

    public static func stringLiteral(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

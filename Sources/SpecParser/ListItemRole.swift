import MarkdownSyntax

/// What a bullet of a field list is, judged by its first paragraph.
enum ListItemRole {
    /// `` - `name` ([location, ]type, required|optional)[:] description ``
    case field(FieldLine)
    /// `- Variant (object):` — one alternative of a union, its fields nested below.
    case variant(typeText: String)
    /// `- Items:` — the element schema of an array, nested below.
    case items
    /// `- ...` — the docs cut the schema here.
    case truncated
    /// ``- Schema type: `string` `` — a body whose schema is not a field list.
    case schemaType(String)
    /// Anything else: a bullet of a description.
    case description

    /// Classifies `item` (a list item node).
    init(item: MarkdownNode) {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph else {
            self = .description
            return
        }
        if let field = FieldLine(paragraph: paragraph) {
            self = .field(field)
            return
        }
        let text = paragraph.inlineMarkdown
        switch text {
        case "Items:": self = .items
        case "...", "…": self = .truncated
        default:
            if text.hasPrefix("Variant ("), text.hasSuffix("):") {
                self = .variant(typeText: String(text.dropFirst("Variant (".count).dropLast(2)))
            } else if text.hasPrefix("Schema type: `"), text.hasSuffix("`"), text.count > "Schema type: ``".count {
                self = .schemaType(String(text.dropFirst("Schema type: `".count).dropLast()))
            } else {
                self = .description
            }
        }
    }
}

/// The parts of a field line: `` `name` (query, string | null, optional): description ``.
struct FieldLine {
    var name: String
    /// `path`, `query`, ... when the parenthesis starts with a location.
    var location: String?
    var typeText: String
    var required: Bool
    /// The text after the parenthesis (and its optional colon): the start of the description.
    var description: String
    /// Where the type expression starts, for diagnostics.
    var typePosition: SourcePosition
    /// Bytes of the type on its first line, when a line break (LF or CR) falls inside it: columns exist only
    /// up to there.
    var typeFirstLineLength: Int?
    var start: SourcePosition

    static let locations: Set<String> = ["path", "query", "header", "cookie"]

    /// Nil when the paragraph is not a field line. A code span followed by a parenthesis that does not end in
    /// `required` or `optional` (``- `auto` (default value) selects…``) is description text, not a field.
    init?(paragraph: MarkdownNode) {
        let inlines = paragraph.children
        guard inlines.count >= 2, inlines[0].kind == .code, inlines[1].kind == .text else { return nil }
        let rest = MarkdownNode.inlineMarkdown(inlines.dropFirst())
        // On UTF-8 bytes (the punctuation is ASCII): Character by Character, this was most of the parsing time.
        let bytes = rest.utf8
        guard let open = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }), bytes[open] == UInt8(ascii: "("),
              let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let inside = rest[bytes.index(after: open)..<close]
        var parts = inside.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .map { Self.trimmingSpaces(Substring($0)) }
        guard parts.count >= 2, let flag = parts.last, flag == "required" || flag == "optional" else { return nil }
        parts.removeLast()
        name = inlines[0].literal
        required = flag == "required"
        if parts.count >= 2, Self.locations.contains(parts[0]) {
            location = parts.removeFirst()
        } else {
            location = nil
        }
        // A parenthesis broken over lines (`(string,⏎ required)`; cmark takes a lone CR as a break too) is one
        // field line: the breaks count as spaces.
        let joined = parts.joined(separator: ", ")
        typeFirstLineLength = joined.utf8.firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            .map { joined.utf8.distance(from: joined.utf8.startIndex, to: $0) }
        typeText = Self.trimmingSpaces(Substring(String(decoding: joined.utf8.map { Self.isBreak($0) ? UInt8(ascii: " ") : $0 }, as: UTF8.self)))

        // Column of the type: the text node's column plus the bytes before the type inside it.
        let typeStartInRest = bytes.distance(from: bytes.startIndex, to: open)
            + 1 + (location.map { $0.utf8.count + 2 } ?? 0)
            + inside.utf8.prefix(while: { $0 == UInt8(ascii: " ") }).count
        typePosition = SourcePosition(line: inlines[1].start.line, column: inlines[1].start.column + typeStartInRest)
        start = paragraph.start

        var description = rest[bytes.index(after: close)...]
        if description.utf8.first == UInt8(ascii: ":") { description = description.dropFirst() }
        self.description = String(description.drop(while: { $0 == " " }))
    }

    /// `text` without leading and trailing spaces and line breaks.
    private static func trimmingSpaces(_ text: Substring) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") && !isBreak($0) }),
              let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") && !isBreak($0) }) else { return "" }
        return String(text[first...last])
    }

    private static func isBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }
}

extension StringProtocol {
    /// The text without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        guard let first = firstIndex(where: { $0 != character }),
              let last = lastIndex(where: { $0 != character }) else { return "" }
        return String(self[first...last])
    }
}

import SpecModel

/// Which fields of a `multipart/form-data` body are files.
///
/// The format writes a file as `(string, required)` and leaves the rest to the description (FORMAT.md):
/// "The File object (not file name) to be uploaded.", "The image(s) to edit.", "The consent audio recording
/// file.", "The chunk of bytes for this Part.". The subject of the first sentence decides: the words before
/// the first preposition or relative pronoun name a file, an image or a recording, and not its ID or name
/// ("The consent recording ID" is text, and so is "A text description of the desired image(s)", whose subject
/// is "a text description"). Enum strings are never files.
enum FileFields {
    /// Marks the top-level file fields of a multipart body, including `string | array<string>` unions of files.
    static func mark(in body: inout Schema) {
        guard var properties = body.properties else { return }
        for index in properties.indices where describesFile(properties[index].schema.description) {
            markStrings(&properties[index].schema)
        }
        body.properties = properties
    }

    /// A string, an array of strings, or a union of those: every string becomes a file.
    private static func markStrings(_ schema: inout Schema) {
        switch schema.kind {
        case .string where schema.enumValues == nil:
            schema.isFile = true
        case .array:
            if var items = schema.itemSchema, items.kind == .string, items.enumValues == nil {
                items.isFile = true
                schema.items = Box(items)
            }
        case .union:
            guard var variants = schema.variants else { return }
            for index in variants.indices { markStrings(&variants[index]) }
            schema.variants = variants
        default:
            break
        }
    }

    private static let fileNouns: Set<String> = ["file", "image", "image(s)", "images", "recording", "audio"]
    private static let subjectEnds: Set<String> = [
        "of", "to", "for", "whose", "that", "which", "in", "with", "from", "used", "generated", "the", "is", "must",
    ]
    private static let notTheFile: Set<String> = ["id", "name", "names", "url", "urls", "type", "format", "path"]

    static func describesFile(_ description: String?) -> Bool {
        guard let description else { return false }
        let sentence = description.prefix { $0 != "." && $0 != "\n" }.lowercased()
        if sentence.contains(" of bytes") { return true }
        let words = sentence.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" }).map(String.init)
        var subject: [String] = []
        for (offset, word) in words.enumerated() {
            if offset > 0, subjectEnds.contains(word) { break }
            subject.append(word)
        }
        // Text in parentheses qualifies the subject ("The File object (not file name)") and does not count.
        var depth = 0
        let plain = subject.filter { word in
            if word.hasPrefix("(") && !word.hasSuffix(")") { depth += 1 }
            defer { if word.hasSuffix(")") && depth > 0 { depth -= 1 } }
            return depth == 0 && !(word.hasPrefix("(") && word.hasSuffix(")"))
        }
        guard let last = plain.last, !notTheFile.contains(last) else { return false }
        return plain.contains { fileNouns.contains($0) }
    }
}

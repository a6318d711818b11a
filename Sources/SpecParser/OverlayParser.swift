import MarkdownSyntax
import SpecModel

/// Reads an overlay: corrections to pages a maintainer does not own, written in the pages' own syntax so that
/// a docs writer can read and review them in a diff.
///
/// ```markdown
/// # Corrections to the OpenAI reference        <- a title, and any prose: ignored
///
/// ## usage/completions.md                      <- a page, relative to the specs folder (text, code or a link)
/// - `data[].result` (array<object>, required): Name: `results`. The API and the page's example say `results`.
///
/// ## responses/object.md
/// - `output` (array<object>, required): Items: `item` in `responses-streaming/response/output_item/added.md`.
///
/// ## admin-api-keys/list.md
/// - `data[].name` (string | null, required): The API sends `null` for keys made before names existed.
/// ```
///
/// Each entry is a field line whose name is the path of the member it corrects, from the page's properties
/// (object pages) or its first successful response (endpoints): object members by name, `[]` for an array's
/// elements, and a member of a union is found in the one variant that has it. A `### Parameters`,
/// `### Request body [(media/type)]` or `### Response [status]` heading under the page starts from another
/// part of it. What the field line says is what generation uses: required or optional, nullable, and the
/// type, with its nested fields, `Items:` and variants written as the docs write them. Two sentences of the
/// description act too: `Name: `x`.` (the JSON name the API uses) and `Items: `path` in `page.md`.` (the
/// elements of an `array<object>` are the schema given there); the rest of it is the entry's reason, kept
/// for readers and not applied. How entries apply, and when they warn, is `OverlayApplication`'s.
public enum OverlayParser {
    /// The overlay in `text`, read from `path`, and what was wrong with it (errors: entries that cannot be
    /// read are left out).
    public static func parse(_ text: String, path: String) -> (overlay: Overlay, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        func at(_ position: SourcePosition) -> SourceLocation {
            SourceLocation(file: path, line: position.line, column: position.column)
        }
        if let crowded = PathologicalInput.crowdedBrackets(in: text) {
            diagnostics.error(.limitExceeded, at: SourceLocation(file: path, line: crowded.line, column: 1),
                              "more than \(PathologicalInput.maximumBracketsPerParagraph) '[' in one paragraph: the overlay is skipped")
            return (Overlay(), diagnostics.all)
        }
        let document = MarkdownDocument(parsing: text)
        var overlay = Overlay()
        var page: String?
        var section = Overlay.Section.primary
        for block in document.root.children {
            switch block.headingLevel {
            case 1?:
                continue
            case 2?:
                page = pageReference(in: block)
                section = .primary
                if page == nil {
                    diagnostics.error(.invalidOverlay, at: at(block.start),
                                      "an overlay's '##' heading names a page, a path ending in .md: \(Diagnostic.quoted(block.inlineMarkdown))")
                }
            case 3?:
                guard let parsed = Self.section(block.inlineMarkdown) else {
                    diagnostics.error(.invalidOverlay, at: at(block.start),
                                      "an overlay's '###' heading is Properties, Parameters, Request body [(media/type)] or Response [status], not \(Diagnostic.quoted(block.inlineMarkdown))")
                    section = .primary
                    continue
                }
                section = parsed
            case _?:
                diagnostics.error(.invalidOverlay, at: at(block.start), "an overlay has '##' headings for pages and '###' for their parts only")
            case nil:
                guard block.isList else { continue }
                guard let page else {
                    diagnostics.error(.invalidOverlay, at: at(block.start), "an overlay entry comes after the '## page.md' heading of the page it corrects")
                    continue
                }
                var schemas = SchemaParser(file: path)
                let children = schemas.children(of: [block])
                // The prose of an entry is its reason: "arrives null" there corrects nothing.
                diagnostics.append(contentsOf: schemas.diagnostics.all.filter { $0.kind != .correctedFact })
                if let stray = children.variants.first?.location ?? children.items.first.map({ at($0.position) })
                    ?? children.truncated.map(at) {
                    diagnostics.error(.invalidOverlay, at: stray, "an overlay entry is a field line: `path` (type, required or optional): reason")
                }
                for field in children.fields {
                    guard let memberPath = MemberPath(field.name) else {
                        diagnostics.error(.invalidOverlay, at: field.location,
                                          "\(Diagnostic.quoted(field.name)) is no member path (`name`, `a.b`, `list[].name`)")
                        continue
                    }
                    var member = field
                    member.schema = asWritten(member.schema)
                    var entry = Overlay.Entry(page: page, section: section, path: memberPath, member: member, location: field.location)
                    let description = field.schema.description ?? ""
                    if let name = codeSpan(after: "Name:", in: description) {
                        entry.name = name
                    }
                    if let items = itemsReference(in: description) {
                        guard let itemsPath = MemberPath(items.path) else {
                            diagnostics.error(.invalidOverlay, at: field.location, "\(Diagnostic.quoted(items.path)) is no member path")
                            continue
                        }
                        entry.items = Overlay.SchemaReference(page: items.page, path: itemsPath)
                    } else if description.contains("Items:") {
                        diagnostics.error(.invalidOverlay, at: field.location,
                                          "an `Items:` sentence of an overlay names a member and its page: Items: `item` in `page.md`.")
                        continue
                    }
                    overlay.entries.append(entry)
                }
            }
        }
        return (overlay, diagnostics.all)
    }

    /// The page a `##` heading names: its link's destination, or its text without code marks.
    static func pageReference(in heading: MarkdownNode) -> String? {
        var text = trimmed(heading.inlineMarkdown, of: " `")
        if let link = heading.children.first(where: { if case .link = $0.kind { true } else { false } }),
           case .link(let destination) = link.kind {
            text = destination
        }
        return text.hasSuffix(".md") && !text.contains(" ") ? text : nil
    }

    /// `text` without the characters `characters` at its ends.
    static func trimmed(_ text: String, of characters: String) -> String {
        String(text.drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }

    /// `Parameters`, `Request body (multipart/form-data)`, `Response 200`, `Properties`.
    static func section(_ title: String) -> Overlay.Section? {
        let words = title.split(separator: " ").map(String.init)
        switch words.first?.lowercased() {
        case "properties" where words.count == 1: return .primary
        case "parameters" where words.count == 1: return .parameters
        case "request" where words.count >= 2 && words[1].lowercased() == "body":
            guard words.count <= 3 else { return nil }
            return .requestBody(mediaType: words.count == 3 ? trimmed(words[2], of: "()`") : nil)
        case "response", "responses":
            guard words.count <= 2 else { return nil }
            return .response(status: words.count == 2 ? words[1] : nil)
        default: return nil
        }
    }

    /// The code span right after `label` in `text`: `results` in "Name: `results`.".
    static func codeSpan(after label: String, in text: String) -> String? {
        guard let range = text.range(of: label) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        guard rest.first == "`", let end = rest.dropFirst().firstIndex(of: "`") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<end])
    }

    /// `Items: `item` in `page.md`.` (or `in [the event](page.md)`): the member path and the page.
    static func itemsReference(in text: String) -> (path: String, page: String)? {
        guard let path = codeSpan(after: "Items:", in: text), let range = text.range(of: "`\(path)` in ") else { return nil }
        let rest = text[range.upperBound...]
        if rest.first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
            let page = String(rest[rest.index(after: rest.startIndex)..<end])
            return page.hasSuffix(".md") ? (path, page) : nil
        }
        if rest.first == "[", let open = rest.range(of: "]("), let close = rest[open.upperBound...].firstIndex(of: ")") {
            let page = String(rest[open.upperBound..<close])
            return page.hasSuffix(".md") ? (path, page) : nil
        }
        return nil
    }

    /// `schema` as its type line says, without what its description would correct (see `NullableInProse`).
    static func asWritten(_ schema: Schema) -> Schema {
        var schema = schema
        if schema.nullableFromDescription {
            schema.nullable = false
            schema.corrections.removeAll { $0.origin == .description }
        }
        schema.properties = schema.properties?.map { property in
            var property = property
            property.schema = asWritten(property.schema)
            return property
        }
        if let items = schema.itemSchema { schema.items = Box(asWritten(items)) }
        schema.variants = schema.variants?.map(asWritten)
        return schema
    }
}

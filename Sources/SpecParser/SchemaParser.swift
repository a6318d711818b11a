import JSONSyntax
import MarkdownSyntax
import SpecModel

/// Turns field lists (and the markers nested in them) into schemas. The format's conventions for fields,
/// `Variant`, `Items`, `...` and description facts live here and nowhere else.
struct SchemaParser {
    let file: String
    var diagnostics = Diagnostics()
    /// Field lists (fields, `Variant`s, `Items:`) open around the one being read.
    private var depth = 0

    /// The deepest schema accepted, field lists and arrays counted together: the whole OpenAI reference
    /// nests 9; every later stage walks schemas by recursion, on worker threads with small stacks, so the
    /// depth must be bounded here, where it can be reported at its line.
    static let maximumDepth = 32

    init(file: String) {
        self.file = file
    }

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// The nested content of a field or marker, sorted by role.
    struct Children {
        var fields: [Property] = []
        var variants: [Schema] = []
        /// `Items:` markers: their nested blocks and where they are.
        var items: [(blocks: ArraySlice<MarkdownNode>, position: SourcePosition)] = []
        var truncated: SourcePosition?
        var schemaType: (text: String, position: SourcePosition)?
        /// Paragraphs, code blocks and bullets that are description, as Markdown text.
        var description: [String] = []
    }

    // MARK: - Lists of fields

    /// Reads `blocks` (the content of a field, marker or body section) and sorts it into fields, markers and
    /// description. Field names must be unique within one level.
    mutating func children(of blocks: some Sequence<MarkdownNode>) -> Children {
        var result = Children()
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            if let first = blocks.first(where: { _ in true }) {
                diagnostics.error(.limitExceeded, at: location(first.start),
                                  "fields nested deeper than \(Self.maximumDepth) levels; the content below is ignored")
            }
            return result
        }
        var seen: [String: SourcePosition] = [:]
        for block in blocks {
            guard block.isList else {
                result.description.append(block.blockMarkdown)
                continue
            }
            var bullets: [MarkdownNode] = []
            for item in block.children {
                switch ListItemRole(item: item) {
                case .field(let line):
                    let property = self.property(line, item: item)
                    if let first = seen[line.name] {
                        diagnostics.error(.duplicateField, at: location(line.start),
                                          "duplicate field '\(line.name)' (first defined at line \(first.line))")
                    } else {
                        seen[line.name] = line.start
                        result.fields.append(property)
                    }
                case .variant(let typeText):
                    let type = parseType(typeText, at: item.start) ?? .named("object")
                    let nested = children(of: item.children.dropFirst())
                    result.variants.append(schema(for: type, children: nested, at: item.start))
                case .items:
                    result.items.append((item.children.dropFirst(), item.start))
                case .truncated:
                    result.truncated = result.truncated ?? item.start
                case .schemaType(let text):
                    result.schemaType = (text, item.start)
                case .description:
                    bullets.append(item)
                }
            }
            if !bullets.isEmpty {
                var list = block
                list.children = bullets
                result.description.append(list.blockMarkdown)
            }
        }
        return result
    }

    /// One field line and everything nested under it.
    mutating func property(_ line: FieldLine, item: MarkdownNode) -> Property {
        let nested = children(of: item.children.dropFirst())
        let at = location(line.start)
        var schema: Schema
        if let type = parseType(line.typeText, at: line.typePosition, firstLineLength: line.typeFirstLineLength) {
            schema = self.schema(for: type, children: nested, at: line.start)
        } else {
            schema = Schema(.any, location: at)
        }
        let text = ([line.description] + nested.description).filter { !$0.isEmpty }.joined(separator: "\n\n")
        applyDescription(text, to: &schema)
        // Required members only, and no parameters: there "Defaults to null" means "not sent unless set" (and an
        // optional member that arrives null is kept by tolerant decoding anyway).
        if line.required, line.location == nil, !schema.nullable, schema.kind != .any, NullableInProse.says(text) {
            schema.nullable = true
            schema.corrections.append(Correction(.nullable, from: .description, at: at, documentedFlag: false))
            diagnostics.warning(.correctedFact, at: at,
                                "`\(line.name)` is documented as non-null, but its description says it can be null: generated as nullable")
        }
        return Property(name: line.name, required: line.required, schema: schema, location: at)
    }

    /// `firstLineLength`: for a type broken over lines, its bytes on the first; an error further on is reported
    /// at the type's start, since columns past the line's end do not exist.
    mutating func parseType(_ text: String, at position: SourcePosition, firstLineLength: Int? = nil) -> TypeExpression? {
        switch TypeExpression.parse(text) {
        case .success(let type):
            guard depth + type.arrayNesting <= Self.maximumDepth else {
                diagnostics.error(.limitExceeded, at: location(position),
                                  "\(Diagnostic.quoted(text)) nests too deep here: fields and arrays together may nest \(Self.maximumDepth) levels")
                return nil
            }
            return type
        case .failure(let error):
            var at = location(position)
            if let firstLineLength, error.offset >= firstLineLength {} else { at.column += error.offset }
            diagnostics.error(.malformedType, at: at, "malformed type \(Diagnostic.quoted(text)): \(error.message)")
            return nil
        }
    }

    // MARK: - Schemas from types and nested content

    /// The schema of a value of type `type` whose nested content is `children`.
    mutating func schema(for type: TypeExpression, children: Children, at position: SourcePosition) -> Schema {
        let alternatives = type.alternatives
        var schema: Schema
        if alternatives.isEmpty {
            schema = Schema(.any, location: location(position))  // `null` alone: only ever null
        } else if alternatives.count == 1 {
            schema = single(alternatives[0], children: children, at: position)
        } else {
            schema = union(alternatives, children: children, at: position)
        }
        if type.isNullable { schema.nullable = true }
        if schema.kind != .any, children.truncated != nil {
            // `- ...` beside listed fields: what is listed is known, the rest is cut.
            schema.truncated = true
        }
        return schema
    }

    /// A union: each object alternative takes the `Variant`s, the array alternative the `Items:`.
    private mutating func union(_ alternatives: [TypeExpression], children: Children, at position: SourcePosition) -> Schema {
        var variants: [Schema] = []
        let objectAlternatives = alternatives.filter { $0 == .named("object") }.count
        for alternative in alternatives {
            var own = Children()
            own.description = children.description
            switch alternative {
            case .named("object"):
                own.fields = children.fields
                own.variants = children.variants
                own.truncated = children.truncated
                if children.variants.count > 1, objectAlternatives == 1 {
                    // `string | object` with several object variants: each variant is an alternative.
                    variants.append(contentsOf: children.variants)
                    continue
                }
            case .array:
                own.items = children.items
                if objectAlternatives == 0 { own.variants = children.variants }
            default:
                break
            }
            variants.append(single(alternative, children: own, at: position))
        }
        if let marker = children.schemaType {
            unexpected("'Schema type' under a field", at: marker.position)
        }
        return Schema(.union, location: location(position), variants: variants)
    }

    /// One non-null alternative.
    private mutating func single(_ type: TypeExpression, children: Children, at position: SourcePosition) -> Schema {
        let at = location(position)
        switch type {
        case .named("object"):
            if !children.items.isEmpty { unexpected("'Items:' under an object", at: children.items[0].position) }
            switch children.variants.count {
            case 0:
                if !children.fields.isEmpty { return Schema(.object, location: at, properties: children.fields) }
                if children.truncated != nil {
                    // Only `- ...` below: the shape is unknown, but it is still the object written here.
                    var unknown = Schema(.any, location: at)
                    unknown.truncated = true
                    return unknown
                }
                return Schema(.object, location: at)  // open object: no known fields
            case 1 where children.fields.isEmpty:
                // `object | null` with one Variant is simply a (nullable) object.
                return children.variants[0]
            default:
                if !children.fields.isEmpty {
                    unexpected("fields beside 'Variant' markers", at: children.fields[0].location)
                }
                return Schema(.union, location: at, variants: children.variants)
            }
        case .named(let name):
            let kind = Schema.Kind(rawValue: name) ?? .any
            if let field = children.fields.first { unexpected("fields under a \(name)", at: field.location) }
            if let variant = children.variants.first { unexpected("'Variant' under a \(name)", at: variant.location) }
            if let items = children.items.first { unexpected("'Items:' under a \(name)", at: location(items.position)) }
            return Schema(kind, location: at)
        case .array(let element):
            var elementChildren = Children()
            if let marker = children.items.first {
                elementChildren = self.children(of: marker.blocks)
                if children.items.count > 1 { unexpected("a second 'Items:'", at: location(children.items[1].position)) }
            } else {
                elementChildren.variants = children.variants
            }
            if let field = children.fields.first { unexpected("fields under an array without 'Items:'", at: field.location) }
            let elementPosition = children.items.first?.position ?? position
            var item: Schema
            if element.alternatives.contains(.named("object")),
               elementChildren.fields.isEmpty, elementChildren.variants.isEmpty, elementChildren.truncated == nil,
               element.alternatives.count == 1 {
                // `array<object>` with no `Items:`: the element's shape is unknown.
                item = Schema(.any, location: location(elementPosition))
            } else {
                item = schema(for: element, children: elementChildren, at: elementPosition)
            }
            if element.isNullable { item.nullable = true }
            if !elementChildren.description.isEmpty {
                item.description = elementChildren.description.joined(separator: "\n\n")
            }
            return Schema(.array, location: at, items: item)
        case .union, .null:
            // `alternatives` never yields these; a nested union is flattened by the parser.
            return schema(for: type, children: children, at: position)
        }
    }

    private mutating func unexpected(_ what: String, at location: SourceLocation) {
        diagnostics.warning(.notUnderstood, at: location, "not understood: \(what); it is not in the model")
    }

    private mutating func unexpected(_ what: String, at position: SourcePosition) {
        unexpected(what, at: location(position))
    }
}

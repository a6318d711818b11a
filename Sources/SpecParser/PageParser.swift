import MarkdownSyntax
import SpecModel

/// Parses one Markdown page of the API reference into the model.
///
/// The page kind follows from its content: a `` `METHOD /path` `` line makes an endpoint page,
/// `## Properties` an object page, `## Contents` an index page; anything else is a guide (prose).
public struct PageParser {
    /// The page's path relative to the folder the user named (`chatkit/threads/retrieve.md`).
    public let path: String
    var schemas: SchemaParser

    public init(path: String) {
        self.path = path
        self.schemas = SchemaParser(file: path)
    }

    /// The page and the diagnostics found while reading it. Never fails: what cannot be understood
    /// becomes a diagnostic, and a page without a title is no page at all.
    public static func parse(_ text: String, path: String) -> (page: Page?, diagnostics: [Diagnostic]) {
        var parser = PageParser(path: path)
        let page = parser.parse(text)
        return (page, parser.schemas.diagnostics.all)
    }

    var diagnostics: Diagnostics {
        get { schemas.diagnostics }
        _modify { yield &schemas.diagnostics }
    }

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: path, line: position.line, column: position.column)
    }

    mutating func notUnderstood(_ what: String, at position: SourcePosition) {
        diagnostics.warning(.notUnderstood, at: location(position), "not understood: \(what); it is not in the model")
    }

    private mutating func parse(_ text: String) -> Page? {
        if let crowded = PathologicalInput.crowdedBrackets(in: text) {
            diagnostics.error(.limitExceeded, at: SourceLocation(file: path, line: crowded.line, column: 1),
                              "more than \(PathologicalInput.maximumBracketsPerParagraph) '[' in one paragraph: libcmark 0.30 takes quadratic time on so many link brackets, so the page is skipped")
            return nil
        }
        let document = MarkdownDocument(parsing: text)
        if let deep = document.exceededDepth {
            diagnostics.error(.notUnderstood, at: location(deep),
                              "Markdown nested deeper than \(MarkdownDocument.maximumDepth) levels; the content below is ignored")
        }
        let structure = PageStructure(document: document.root)
        guard let title = structure.title else {
            let first = document.root.children.first?.start ?? SourcePosition(line: 1, column: 1)
            let what = document.root.children.isEmpty ? "the page is empty" : "the page has no '# Title' heading"
            diagnostics.error(.notUnderstood, at: location(first), "not understood: \(what); the page is skipped")
            return nil
        }
        for block in structure.beforeTitle {
            notUnderstood("text before the page title", at: block.start)
        }
        let id = Page.id(forPath: path)
        let titleText = title.inlineMarkdown
        let description = MarkdownNode.blockMarkdown(structure.description)

        if let operation = structure.operation {
            var endpoint = Endpoint(id: id, title: titleText, method: operation.method, path: operation.path,
                                    location: location(title.start))
            endpoint.documentationURL = structure.sourceURL
            endpoint.description = description.isEmpty ? nil : description
            endpoint.pathTemplateParameters = Self.templateParameters(in: operation.path)
            readEndpointSections(structure.sections, into: &endpoint)
            return .endpoint(endpoint)
        }
        if structure.sections.contains(where: { $0.title == "Properties" }) {
            return .object(objectPage(id: id, title: title, structure: structure, description: description))
        }
        if let contents = structure.sections.first(where: { $0.title == "Contents" }) {
            var index = IndexPage(id: id, title: titleText, location: location(title.start))
            index.description = description.isEmpty ? nil : description
            index.entries = links(in: contents.blocks)
            for section in structure.sections where section.title != "Contents" {
                notUnderstood("section '## \(section.title)' on an index page", at: section.heading.start)
            }
            return .index(index)
        }
        let text = MarkdownNode.blockMarkdown(structure.description + structure.sections.flatMap { [$0.heading] + $0.blocks })
        return .guide(GuidePage(id: id, title: titleText, text: text, location: location(title.start)))
    }

    /// `{thread_id}` names in a path template, in order.
    static func templateParameters(in path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private mutating func objectPage(id: String, title: MarkdownNode, structure: PageStructure, description: String) -> ObjectPage {
        let at = location(title.start)
        var page = ObjectPage(id: id, title: title.inlineMarkdown, schema: Schema(.object, location: at), location: at)
        page.documentationURL = structure.sourceURL
        page.description = description.isEmpty ? nil : description
        for section in structure.sections {
            switch section.title {
            case "Properties":
                var schema = bodySchema(section.blocks, at: section.heading.start)
                if schema.description == nil, !description.isEmpty { schema.description = description }
                page.schema = schema
            case "Example", "Examples":
                for block in section.blocks {
                    if case .codeBlock(let info) = block.kind {
                        var example = Example(role: .object, name: nil, language: Self.language(info),
                                              code: block.literal, location: location(block.start))
                        example.codeLine = block.codeStartLine
                        page.examples.append(example)
                    } else {
                        notUnderstood("\(Self.describe(block)) in '## \(section.title)'", at: block.start)
                    }
                }
            default:
                notUnderstood("section '## \(section.title)' on an object page", at: section.heading.start)
            }
        }
        return page
    }

    /// The schema a field list describes: an object of its fields, a union of its variants, or the
    /// type a `Schema type:` marker names.
    mutating func bodySchema(_ blocks: some Sequence<MarkdownNode>, at position: SourcePosition) -> Schema {
        let children = schemas.children(of: blocks)
        var schema: Schema
        if let marker = children.schemaType {
            if let type = schemas.parseType(marker.text, at: marker.position) {
                schema = schemas.schema(for: type, children: SchemaParser.Children(), at: marker.position)
            } else {
                schema = Schema(.any, location: location(marker.position))
            }
            if !children.fields.isEmpty || !children.variants.isEmpty {
                notUnderstood("fields beside a 'Schema type' marker", at: marker.position)
            }
        } else {
            schema = schemas.schema(for: .named("object"), children: children, at: position)
        }
        let description = children.description.joined(separator: "\n\n")
        if !description.isEmpty { schemas.applyDescription(description, to: &schema) }
        return schema
    }

    /// Every link in `blocks` whose destination is another spec page (relative, ending in `.md`).
    func links(in blocks: some Sequence<MarkdownNode>) -> [PageLink] {
        var result: [PageLink] = []
        var stack = Array(blocks.reversed())
        while let node = stack.popLast() {
            if case .link(let destination) = node.kind {
                let target = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                if !destination.contains("://"), !destination.hasPrefix("#"), !destination.hasPrefix("mailto:"),
                   target.hasSuffix(".md") {
                    result.append(PageLink(title: node.inlineMarkdown, destination: destination, target: nil,
                                           location: location(node.start)))
                }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    static func language(_ info: String) -> String {
        String(info.split(separator: " ").first ?? "")
    }

    static func describe(_ block: MarkdownNode) -> String {
        switch block.kind {
        case .paragraph: "a paragraph"
        case .list: "a list"
        case .codeBlock: "a code block"
        case .heading(let level): "a level-\(level) heading '\(block.inlineMarkdown)'"
        case .blockQuote: "a block quote"
        case .htmlBlock: "an HTML block"
        case .thematicBreak: "a horizontal rule"
        default: "content"
        }
    }
}

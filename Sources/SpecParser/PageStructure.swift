import MarkdownSyntax

/// A heading and the blocks under it, up to the next heading of the same or a higher level.
struct Section {
    var heading: MarkdownNode
    var blocks: ArraySlice<MarkdownNode>

    var title: String { heading.inlineMarkdown }

    /// Splits `blocks` at headings of `level`: the blocks before the first such heading, and the sections.
    /// Deeper headings stay inside their section; a shallower heading also ends one (and starts none:
    /// callers report it through `leading`/`stray`).
    static func split(_ blocks: ArraySlice<MarkdownNode>, level: Int) -> (leading: ArraySlice<MarkdownNode>, sections: [Section]) {
        var sections: [Section] = []
        var leadingEnd = blocks.endIndex
        var current: (heading: MarkdownNode, start: Int)?
        for index in blocks.indices {
            guard let headingLevel = blocks[index].headingLevel, headingLevel <= level else { continue }
            if let open = current {
                sections.append(Section(heading: open.heading, blocks: blocks[open.start..<index]))
            } else {
                leadingEnd = index
            }
            current = (blocks[index], index + 1)
        }
        if let open = current {
            sections.append(Section(heading: open.heading, blocks: blocks[open.start..<blocks.endIndex]))
        }
        return (blocks[blocks.startIndex..<leadingEnd], sections)
    }
}

/// The skeleton every page shares: `# Title`, `Source: url`, an optional `` `METHOD /path` `` line,
/// free description, then `## Sections`.
struct PageStructure {
    var title: MarkdownNode?
    /// Blocks before the title (there should be none).
    var beforeTitle: ArraySlice<MarkdownNode>
    var sourceURL: String?
    /// The `` `GET /v1/path` `` paragraph, split into method and path.
    var operation: (method: String, path: String, node: MarkdownNode)?
    /// Description blocks between the title and the first `##` section.
    var description: [MarkdownNode]
    var sections: [Section]

    init(document: MarkdownNode) {
        let blocks = document.children[...]
        let titleIndex = blocks.firstIndex { $0.headingLevel == 1 }
        title = titleIndex.map { blocks[$0] }
        beforeTitle = blocks[blocks.startIndex..<(titleIndex ?? blocks.startIndex)]
        let body = titleIndex.map { blocks[($0 + 1)...] } ?? blocks
        let (preamble, sections) = Section.split(body, level: 2)
        self.sections = sections
        description = []
        for block in preamble {
            if block.kind == .paragraph, sourceURL == nil, let url = Self.sourceURL(in: block) {
                sourceURL = url
            } else if block.kind == .paragraph, operation == nil, let (method, path) = Self.operation(in: block) {
                operation = (method, path, block)
            } else {
                description.append(block)
            }
        }
    }

    private static func sourceURL(in paragraph: MarkdownNode) -> String? {
        let text = paragraph.inlineMarkdown
        guard text.hasPrefix("Source: ") else { return nil }
        var url = text.dropFirst("Source: ".count)
        // cmark leaves a bare URL as text; an autolink `<https://…>` becomes a link node.
        if url.hasPrefix("["), let open = url.lastIndex(of: "("), url.hasSuffix(")") {
            url = url[url.index(after: open)..<url.index(before: url.endIndex)]
        }
        return String(url)
    }

    /// A paragraph that is a single code span `METHOD /path`.
    private static func operation(in paragraph: MarkdownNode) -> (String, String)? {
        guard paragraph.children.count == 1, paragraph.children[0].kind == .code else { return nil }
        let parts = paragraph.children[0].literal.split(separator: " ")
        guard parts.count == 2, parts[1].hasPrefix("/"),
              !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase })
        else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}

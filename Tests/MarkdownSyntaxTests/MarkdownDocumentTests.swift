import MarkdownSyntax
import Testing

/// cmark's tree copied into Swift values: its shape, the positions cmark reports, raw HTML kept,
/// Markdown rendered back from nodes, and the depth limit.
@Suite("Markdown document")
struct MarkdownDocumentTests {
    /// A small page in the docs' style. Line numbers are referred to below.
    static let page = """
        # Retrieve a thread

        Returns a <Thread> with `thread_id` and *more*.

        - `limit` (query, integer, optional): How many.
          - nested `item` here
          - second
        - two

        ```json
        {"id": "thr_1"}
        ```
        """

    /// The kinds of a node and its descendants, depth first, indented by depth.
    private static func outline(_ node: MarkdownNode, depth: Int = 0) -> [String] {
        let name: String
        switch node.kind {
        case .document: name = "document"
        case .heading(let level): name = "heading(\(level))"
        case .paragraph: name = "paragraph"
        case .list(let ordered): name = ordered ? "orderedList" : "list"
        case .item: name = "item"
        case .codeBlock(let info): name = "codeBlock(\(info))"
        case .text: name = "text \(node.literal.debugDescription)"
        case .code: name = "code \(node.literal.debugDescription)"
        case .htmlInline: name = "htmlInline \(node.literal.debugDescription)"
        case .emphasis: name = "emphasis"
        case .strong: name = "strong"
        case .softBreak: name = "softBreak"
        default: name = "\(node.kind)"
        }
        return [String(repeating: "  ", count: depth) + name] + node.children.flatMap { outline($0, depth: depth + 1) }
    }

    /// The deepest chain of nodes under `root`, counted without recursion.
    private static func depth(of root: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            stack.append(contentsOf: node.children.map { ($0, depth + 1) })
        }
        return deepest
    }

    @Test("copies the tree of a small page")
    func treeShape() {
        let document = MarkdownDocument(parsing: Self.page)
        #expect(document.exceededDepth == nil)
        #expect(Self.outline(document.root) == [
            "document",
            "  heading(1)",
            "    text \"Retrieve a thread\"",
            "  paragraph",
            "    text \"Returns a \"",
            "    htmlInline \"<Thread>\"",
            "    text \" with \"",
            "    code \"thread_id\"",
            "    text \" and \"",
            "    emphasis",
            "      text \"more\"",
            "    text \".\"",
            "  list",
            "    item",
            "      paragraph",
            "        code \"limit\"",
            "        text \" (query, integer, optional): How many.\"",
            "      list",
            "        item",
            "          paragraph",
            "            text \"nested \"",
            "            code \"item\"",
            "            text \" here\"",
            "        item",
            "          paragraph",
            "            text \"second\"",
            "    item",
            "      paragraph",
            "        text \"two\"",
            "  codeBlock(json)",
        ])
        let blocks = document.root.children
        #expect(blocks[0].headingLevel == 1)
        #expect(blocks[2].isList)
        #expect(blocks[3].isCodeBlock)
        #expect(blocks[3].literal == "{\"id\": \"thr_1\"}\n")
    }

    @Test("records where blocks start and end")
    func blockPositions() {
        let blocks = MarkdownDocument(parsing: Self.page).root.children
        #expect(blocks.map(\.start) == [
            SourcePosition(line: 1, column: 1),
            SourcePosition(line: 3, column: 1),
            SourcePosition(line: 5, column: 1),
            SourcePosition(line: 10, column: 1),
        ])
        #expect(blocks[0].end.line == 1)
        // (A list's end is left alone: cmark 0.30 lets it run over a trailing blank line.)
        #expect(blocks[3].end.line == 12)

        let items = blocks[2].children
        #expect(items.map(\.start) == [SourcePosition(line: 5, column: 1), SourcePosition(line: 8, column: 1)])
        // The item's paragraph starts after the marker.
        #expect(items[0].children[0].start == SourcePosition(line: 5, column: 3))
        let nested = items[0].children[1]
        #expect(nested.start == SourcePosition(line: 6, column: 3))
        #expect(nested.children.map(\.start) == [SourcePosition(line: 6, column: 3), SourcePosition(line: 7, column: 3)])
        #expect(nested.children[0].children[0].start == SourcePosition(line: 6, column: 5))
    }

    @Test("records where inline nodes start, in UTF-8 bytes")
    func inlinePositions() {
        let blocks = MarkdownDocument(parsing: Self.page).root.children
        // Heading text after `# `.
        #expect(blocks[0].children[0].start == SourcePosition(line: 1, column: 3))

        // `Returns a <Thread> with `thread_id` and *more*.`
        let inlines = blocks[1].children
        #expect(inlines.map(\.start.column) == [1, 11, 19, 26, 36, 41, 47])
        #expect(inlines.allSatisfy { $0.start.line == 3 })

        // `- `limit` (query, …` and `  - nested `item` here`: cmark places a code span at its content
        // (after the opening backtick, up to the last character before the closing one); the text after
        // a code span starts right after its closing backtick.
        let field = blocks[2].children[0].children[0].children
        #expect(field.map(\.start) == [SourcePosition(line: 5, column: 4), SourcePosition(line: 5, column: 10)])
        #expect(field[0].end == SourcePosition(line: 5, column: 8))
        let nested = blocks[2].children[0].children[1].children[0].children[0].children
        #expect(nested.map(\.start) == [
            SourcePosition(line: 6, column: 5),
            SourcePosition(line: 6, column: 13),
            SourcePosition(line: 6, column: 18),
        ])

        // Columns count bytes: `é` is two, so the code span's content `x` is at byte 5.
        let accented = MarkdownDocument(parsing: "é `x` é").root.children[0].children
        #expect(accented.map(\.start.column) == [1, 5, 7])
    }

    @Test("keeps <Thread> as inline HTML, and inlineMarkdown keeps it")
    func rawHTMLKept() {
        let paragraph = MarkdownDocument(parsing: Self.page).root.children[1]
        #expect(paragraph.children.contains { $0.kind == .htmlInline && $0.literal == "<Thread>" })
        #expect(paragraph.inlineMarkdown == "Returns a <Thread> with `thread_id` and *more*.")
        #expect(MarkdownNode.inlineMarkdown(paragraph.children.prefix(3)) == "Returns a <Thread> with ")

        let returns = MarkdownDocument(parsing: "Returns a [Thread](object.md) or <Thread> object.").root.children[0]
        #expect(returns.inlineMarkdown == "Returns a [Thread](object.md) or <Thread> object.")
    }

    static let inlineCases: [(markdown: String, expected: String)] = [
        ("plain text", "plain text"),
        ("**bold** and _em_", "**bold** and *em*"),
        ("a `code` span", "a `code` span"),
        ("``a ` b``", "`` a ` b ``"),
        ("[link](https://example.com/x)", "[link](https://example.com/x)"),
        ("![alt](image.png)", "![alt](image.png)"),
        ("line one\nline two", "line one\nline two"),
        ("hard  \nbreak", "hard\nbreak"),
        ("`<T>` and <T>", "`<T>` and <T>"),
    ]

    @Test("renders inline content back to Markdown", arguments: inlineCases)
    func inlineMarkdown(markdown: String, expected: String) {
        let paragraph = MarkdownDocument(parsing: markdown).root.children[0]
        #expect(paragraph.inlineMarkdown == expected)
    }

    @Test("a code span that holds a double backtick survives rendering")
    func codeSpanHoldingDoubleBacktick() {
        let paragraph = MarkdownDocument(parsing: "Use ``` a``b ``` here.").root.children[0]
        #expect(paragraph.children.map(\.literal) == ["Use ", "a``b", " here."])
        let reparsed = MarkdownDocument(parsing: paragraph.inlineMarkdown).root.children[0]
        #expect(reparsed.children.map(\.literal) == ["Use ", "a``b", " here."])
    }

    @Test("renders nested lists back to Markdown with the same shape")
    func nestedListMarkdown() {
        let list = MarkdownDocument(parsing: Self.page).root.children[2]
        let markdown = list.blockMarkdown
        #expect(markdown == """
            - `limit` (query, integer, optional): How many.

              - nested `item` here
              - second
            - two
            """)
        let reparsed = MarkdownDocument(parsing: markdown).root
        #expect(Self.outline(reparsed).dropFirst() == Self.outline(list, depth: 1)[...])

        let ordered = MarkdownDocument(parsing: "1. first\n   continued\n2. second\n   - inner").root
        #expect(ordered.blockMarkdown == "1. first\n   continued\n2. second\n\n   - inner")
        #expect(Self.outline(MarkdownDocument(parsing: ordered.blockMarkdown).root) == Self.outline(ordered))
    }

    @Test("renders code blocks back to Markdown with their info string")
    func codeBlockMarkdown() {
        let code = MarkdownDocument(parsing: Self.page).root.children[3]
        #expect(code.blockMarkdown == "```json\n{\"id\": \"thr_1\"}\n```")

        let tilde = MarkdownDocument(parsing: "~~~python title=x\nprint(1)\n\n~~~").root.children[0]
        #expect(tilde.kind == .codeBlock(info: "python title=x"))
        #expect(tilde.blockMarkdown == "```python title=x\nprint(1)\n\n```")

        let indented = MarkdownDocument(parsing: "    let x = 1\n    let y = 2").root.children[0]
        #expect(indented.kind == .codeBlock(info: ""))
        #expect(indented.blockMarkdown == "```\nlet x = 1\nlet y = 2\n```")

        let inList = MarkdownDocument(parsing: "- Example:\n\n  ```bash\n  curl -X GET\n  ```\n").root
        #expect(inList.blockMarkdown == "- Example:\n\n  ```bash\n  curl -X GET\n  ```")
    }

    @Test("a code block that holds a fence survives rendering")
    func codeBlockHoldingFence() {
        let source = "````markdown\n```json\n{}\n```\n````"
        let code = MarkdownDocument(parsing: source).root.children[0]
        #expect(code.literal == "```json\n{}\n```\n")
        let reparsed = MarkdownDocument(parsing: code.blockMarkdown).root.children
        #expect(reparsed.count == 1)
        #expect(reparsed.first?.literal == code.literal)
    }

    @Test("an empty document has no blocks")
    func emptyDocument() {
        let document = MarkdownDocument(parsing: "")
        #expect(document.root.kind == .document)
        #expect(document.root.children.isEmpty)
        #expect(document.exceededDepth == nil)
        #expect(document.root.blockMarkdown == "")
    }

    @Test("stops copying at the depth limit for 10,000 nested list levels, without crashing")
    func deepListNesting() {
        // `- - - … x`: every marker opens a list inside the previous item.
        let text = "Intro\n\n" + String(repeating: "- ", count: 10_000) + "x\n\nAfter\n"
        let document = MarkdownDocument(parsing: text)
        let exceeded = document.exceededDepth
        #expect(exceeded != nil)
        #expect(exceeded?.line == 3)
        // document, then list and item alternate: the first node not copied is item 100, at byte 199.
        #expect(exceeded?.column == 2 * (MarkdownDocument.maximumDepth / 2) - 1)
        #expect(Self.depth(of: document.root) <= MarkdownDocument.maximumDepth)
        // The blocks around the deep list are kept.
        #expect(document.root.children.count == 3)
        #expect(document.root.children.last?.inlineMarkdown == "After")
        // The recursive renderers cope with what is left.
        #expect(!document.root.blockMarkdown.isEmpty)
    }

    @Test("deep nesting of other containers is cut as well")
    func deepQuoteAndIndentedListNesting() {
        let quotes = MarkdownDocument(parsing: String(repeating: ">", count: 10_000) + " deep")
        #expect(quotes.exceededDepth == SourcePosition(line: 1, column: MarkdownDocument.maximumDepth))
        #expect(Self.depth(of: quotes.root) <= MarkdownDocument.maximumDepth)

        // Indented nesting, one level per line.
        let lines = (0..<300).map { String(repeating: "  ", count: $0) + "- level \($0)" }
        let indented = MarkdownDocument(parsing: lines.joined(separator: "\n"))
        #expect(indented.exceededDepth != nil)
        #expect(Self.depth(of: indented.root) <= MarkdownDocument.maximumDepth)
    }

    @Test("nesting within the limit is kept whole")
    func shallowNesting() {
        let document = MarkdownDocument(parsing: String(repeating: "- ", count: 50) + "x")
        #expect(document.exceededDepth == nil)
        // document + 50 × (list, item) + paragraph + text
        #expect(Self.depth(of: document.root) == 1 + 2 * 50 + 2)
    }
}

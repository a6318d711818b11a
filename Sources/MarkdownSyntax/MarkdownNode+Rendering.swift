/// Turns nodes back into Markdown text. Descriptions in the model keep their Markdown (links, code spans,
/// lists) so that later stages can render doc comments; cmark has already normalised escapes and entities.
extension MarkdownNode {
    /// The Markdown text of this node's inline content (for a paragraph or heading: its line of text).
    /// Soft breaks become newlines. Raw inline HTML such as `<Thread>` is kept, not dropped.
    public var inlineMarkdown: String {
        var output = ""
        appendInlines(of: self, to: &output)
        return output
    }

    /// The Markdown text of a sequence of blocks, separated by blank lines.
    public static func blockMarkdown(_ blocks: some Sequence<MarkdownNode>) -> String {
        var parts: [String] = []
        for block in blocks {
            let text = block.blockMarkdown
            if !text.isEmpty { parts.append(text) }
        }
        return parts.joined(separator: "\n\n")
    }

    /// The Markdown text of this block.
    public var blockMarkdown: String {
        switch kind {
        case .paragraph:
            return inlineMarkdown
        case .heading(let level):
            return String(repeating: "#", count: level) + " " + inlineMarkdown
        case .codeBlock(let info):
            var body = literal
            if body.hasSuffix("\n") { body.removeLast() }
            // The fence must be longer than any run of backticks inside, or the code would close early.
            let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(in: body) + 1))
            return "\(fence)\(info)\n\(body)\n\(fence)"
        case .htmlBlock:
            var body = literal
            while body.hasSuffix("\n") { body.removeLast() }
            return body
        case .thematicBreak:
            return "---"
        case .blockQuote:
            return Self.blockMarkdown(children)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { "> " + $0 }
                .joined(separator: "\n")
        case .list(let ordered):
            return children.enumerated().map { index, item in
                let marker = ordered ? "\(index + 1). " : "- "
                return Self.indentItem(Self.blockMarkdown(item.children), marker: marker)
            }.joined(separator: "\n")
        case .item:
            return Self.indentItem(Self.blockMarkdown(children), marker: "- ")
        case .document:
            return Self.blockMarkdown(children)
        default:
            return inlineMarkdown
        }
    }

    static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, current = 0
        for byte in text.utf8 {
            current = byte == UInt8(ascii: "`") ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    private static func indentItem(_ text: String, marker: String) -> String {
        let padding = String(repeating: " ", count: marker.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 ? marker + line : (line.isEmpty ? "" : padding + line)
        }.joined(separator: "\n")
    }

    private func appendInlines(of node: MarkdownNode, to output: inout String) {
        for child in node.children {
            switch child.kind {
            case .text, .htmlInline:
                output += child.literal
            case .code:
                // A code span that holds backticks needs a longer fence than its longest run, padded with
                // spaces (which CommonMark strips again) so that a backtick at either end stays inside.
                let run = Self.longestBacktickRun(in: child.literal)
                if run == 0 {
                    output += "`" + child.literal + "`"
                } else {
                    let fence = String(repeating: "`", count: run + 1)
                    output += fence + " " + child.literal + " " + fence
                }
            case .softBreak, .lineBreak:
                output += "\n"
            case .emphasis:
                output += "*"
                appendInlines(of: child, to: &output)
                output += "*"
            case .strong:
                output += "**"
                appendInlines(of: child, to: &output)
                output += "**"
            case .link(let destination):
                output += "["
                appendInlines(of: child, to: &output)
                output += "](\(destination))"
            case .image(let source):
                output += "!["
                appendInlines(of: child, to: &output)
                output += "](\(source))"
            default:
                output += child.blockMarkdown
            }
        }
    }
}

extension MarkdownNode {
    /// The Markdown text of a run of inline nodes (part of a paragraph).
    public static func inlineMarkdown(_ inlines: some Sequence<MarkdownNode>) -> String {
        MarkdownNode(kind: .paragraph, children: Array(inlines), start: .init(line: 0, column: 0), end: .init(line: 0, column: 0))
            .inlineMarkdown
    }
}

import CCMark
import Foundation

/// A Markdown document parsed by cmark and copied into Swift values.
public struct MarkdownDocument: Sendable {
    /// The document node; its children are the top-level blocks.
    public var root: MarkdownNode
    /// True when the document nests deeper than `maximumDepth`; nodes below that depth were dropped.
    /// Real pages nest a dozen levels at most; the limit keeps hostile input from exhausting the stack
    /// of every recursive walk further down the pipeline.
    public var exceededDepth: SourcePosition?

    /// Deeper nodes are not copied (see `exceededDepth`).
    public static let maximumDepth = 200

    /// Parses `text` as CommonMark. Never fails: cmark accepts every input, replacing invalid UTF-8.
    public init(parsing text: String) {
        var text = text
        let options = CMARK_OPT_VALIDATE_UTF8
        let tree: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let tree else {
            root = MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
            return
        }
        defer { cmark_node_free(tree) }
        (root, exceededDepth) = text.withUTF8 { Self.copy(tree, source: $0) }
    }

    /// Copies cmark's tree with its iterator rather than by recursion, so that depth costs heap, not stack.
    private static func copy(_ tree: OpaquePointer, source: UnsafeBufferPointer<UInt8>) -> (MarkdownNode, SourcePosition?) {
        guard let iterator = cmark_iter_new(tree) else {
            return (MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)), nil)
        }
        defer { cmark_iter_free(iterator) }

        var stack: [MarkdownNode] = []
        var result: MarkdownNode?
        var exceeded: SourcePosition?
        var skippedDepth = 0  // > 0 while inside a subtree that is too deep to keep
        var lineStarts: [Int] = []  // byte offsets of the lines, made when the first code block needs them

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let isLeaf = Self.isLeaf(cmark_node_get_type(node))

            if event == CMARK_EVENT_ENTER {
                if skippedDepth > 0 || stack.count >= maximumDepth {
                    if exceeded == nil { exceeded = position(start: node) }
                    if !isLeaf { skippedDepth += 1 }
                    continue
                }
                var copied = makeNode(node)
                if case .codeBlock = copied.kind { copied.isFenced = isFence(copied, in: source, lines: &lineStarts) }
                if isLeaf {
                    stack[stack.count - 1].children.append(copied)
                } else {
                    stack.append(copied)
                }
            } else if event == CMARK_EVENT_EXIT {
                if skippedDepth > 0 {
                    skippedDepth -= 1
                    continue
                }
                let finished = stack.removeLast()
                if stack.isEmpty {
                    result = finished
                } else {
                    stack[stack.count - 1].children.append(finished)
                }
            }
        }
        let root = result ?? MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        return (root, exceeded)
    }

    /// Whether the code block `node` is fenced: cmark 0.30 does not say, so the source is read where the block
    /// starts. A fenced block starts with its fence; an indented one with its first line, which may look like a
    /// fence too (`    ```` is code), but then its literal starts with the same run, which in a fenced block
    /// would have closed it.
    private static func isFence(_ node: MarkdownNode, in source: UnsafeBufferPointer<UInt8>, lines: inout [Int]) -> Bool {
        if lines.isEmpty { lines = lineStartOffsets(source) }
        guard node.start.line >= 1, node.start.line <= lines.count else { return false }
        var index = lines[node.start.line - 1] + max(node.start.column - 1, 0)
        guard index < source.count, source[index] == UInt8(ascii: "`") || source[index] == UInt8(ascii: "~") else { return false }
        let fence = source[index]
        var length = 0
        while index < source.count, source[index] == fence {
            length += 1
            index += 1
        }
        guard length >= 3 else { return false }
        return !node.literal.utf8.starts(with: repeatElement(fence, count: length))
    }

    /// The byte offset of every line's start, lines ending as cmark ends them (LF, CR LF, a lone CR).
    private static func lineStartOffsets(_ source: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "\r") {
                if index + 1 < source.count, source[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            } else if source[index] == UInt8(ascii: "\n") {
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK,
             CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func position(start node: OpaquePointer) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    private static func makeNode(_ node: OpaquePointer) -> MarkdownNode {
        let kind: MarkdownNode.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST: kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT: kind = .text
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK: kind = .link(destination: string(cmark_node_get_url(node)))
        case CMARK_NODE_IMAGE: kind = .image(source: string(cmark_node_get_url(node)))
        default: kind = .custom
        }
        return MarkdownNode(
            kind: kind,
            literal: string(cmark_node_get_literal(node)),
            start: position(start: node),
            end: SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        )
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

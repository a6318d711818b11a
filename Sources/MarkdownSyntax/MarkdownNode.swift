/// A position in a Markdown source: 1-based line, and 1-based column counted in UTF-8 bytes,
/// exactly as cmark reports it.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One node of a parsed Markdown document: a plain Swift value copied out of cmark's tree,
/// so that the rest of the pipeline never sees a C pointer and can share trees across tasks.
public struct MarkdownNode: Sendable {
    public enum Kind: Sendable, Hashable {
        // Blocks
        case document
        case blockQuote
        case list(ordered: Bool)
        case item
        /// A fenced or indented code block; `info` is the fence's info string (`json`, `bash`, or empty).
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        // Inlines
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(destination: String)
        case image(source: String)
        /// cmark's custom nodes, which the CommonMark parser never produces; kept for completeness.
        case custom
    }

    public var kind: Kind
    /// The literal content of leaf nodes: text, inline code, code blocks and raw HTML. Empty otherwise.
    public var literal: String
    public var children: [MarkdownNode]
    public var start: SourcePosition
    public var end: SourcePosition

    public init(
        kind: Kind,
        literal: String = "",
        children: [MarkdownNode] = [],
        start: SourcePosition,
        end: SourcePosition
    ) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.start = start
        self.end = end
    }

    public var isList: Bool {
        if case .list = kind { return true }
        return false
    }

    /// For a code block: whether it is fenced (```` ``` ```` or `~~~`) rather than indented.
    public var isFenced = false

    /// For a code block, the line of the literal's first line: after the opening fence of a fenced block,
    /// the block's own first line for an indented one.
    public var codeStartLine: Int { isFenced ? start.line + 1 : start.line }

    public var isCodeBlock: Bool {
        if case .codeBlock = kind { return true }
        return false
    }

    /// The heading level, or nil when this node is not a heading.
    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }
}

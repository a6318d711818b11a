/// A scan of a page's bytes, before cmark sees them, for input on which libcmark 0.30 (Debian's) takes
/// quadratic time: link and image brackets by the thousand in one paragraph (`![[]()` 20,000 times, 124 KB,
/// took 10-20 s inside `cmark_parse_document`). The corpus has at most 68 brackets in a paragraph, so the
/// limit stops nothing real; a page over it is reported at the paragraph and not parsed.
enum PathologicalInput {
    /// The most `[` one paragraph (text between blank lines, outside fenced code) may hold.
    static let maximumBracketsPerParagraph = 2_000

    /// The first line of the first paragraph with more brackets than the limit, and how many it has.
    static func crowdedBrackets(in text: String) -> (line: Int, count: Int)? {
        var line = 1
        var paragraphStart: Int?  // nil between paragraphs
        var count = 0
        var lineIsBlank = true
        var fence: (byte: UInt8, length: Int)?  // the fence of the code block we are in
        var marker: (byte: UInt8, length: Int) = (0, 0)  // the line's leading run of ` or ~
        var inLeadingRun = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                if marker.length >= 3 {
                    if let open = fence {
                        if open.byte == marker.byte, marker.length >= open.length { fence = nil }
                    } else {
                        fence = marker
                    }
                }
                if lineIsBlank {
                    paragraphStart = nil
                    count = 0
                }
                line += 1
                lineIsBlank = true
                marker = (0, 0)
                inLeadingRun = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                if !lineIsBlank { inLeadingRun = false }
            default:
                lineIsBlank = false
                if paragraphStart == nil { paragraphStart = line }
                if inLeadingRun, byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~"), marker.length == 0 || marker.byte == byte {
                    marker = (byte, marker.length + 1)
                } else {
                    inLeadingRun = false
                }
                if byte == UInt8(ascii: "["), fence == nil {
                    count += 1
                    if count > maximumBracketsPerParagraph { return (paragraphStart ?? line, count) }
                }
            }
        }
        return nil
    }
}

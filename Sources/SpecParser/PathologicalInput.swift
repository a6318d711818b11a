/// A scan of a page's bytes, before cmark sees them, for input on which libcmark 0.30 (Debian's) takes
/// quadratic time: link and image brackets by the thousand in one paragraph (`![[]()` 20,000 times, 124 KB,
/// took 10-20 s inside `cmark_parse_document`). A page over the limit is reported at the paragraph and not
/// parsed.
///
/// It counts every `[` between blank lines, code included: telling code from prose would mean parsing
/// Markdown, and a scan that a stray fence could fool would be no defence. The whole OpenAI reference has at
/// most 68 in such a stretch; 5,000 cost cmark 0.05 s here.
enum PathologicalInput {
    /// The most `[` one stretch of non-blank lines may hold.
    static let maximumBracketsPerParagraph = 5_000

    /// The first line of the first stretch of non-blank lines with more brackets than the limit, and how many.
    static func crowdedBrackets(in text: String) -> (line: Int, count: Int)? {
        var line = 1
        var paragraphStart: Int?  // nil between paragraphs
        var count = 0
        var lineIsBlank = true
        var afterCR = false
        for byte in text.utf8 {
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }  // CR LF ends one line
            }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):  // cmark ends lines at LF, CR LF and a lone CR
                if lineIsBlank {
                    paragraphStart = nil
                    count = 0
                }
                line += 1
                lineIsBlank = true
                afterCR = byte == UInt8(ascii: "\r")
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                break
            default:
                lineIsBlank = false
                if paragraphStart == nil { paragraphStart = line }
                if byte == UInt8(ascii: "[") {
                    count += 1
                    if count > maximumBracketsPerParagraph { return (paragraphStart ?? line, count) }
                }
            }
        }
        return nil
    }
}

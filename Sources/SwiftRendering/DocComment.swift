/// Doc comment lines from the docs' Markdown descriptions.
enum DocComment {
    /// The description's lines, trailing spaces (and a CR of a CRLF) removed; no lines for no description.
    ///
    /// On UTF-8 bytes: splitting the String itself walks Characters, which made this a tenth of the
    /// generator's work (and kept a CRLF together, as one Character).
    static func lines(_ text: String?) -> [String] {
        guard var text, !text.isEmpty else { return [] }
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), carriageReturn = UInt8(ascii: "\r")
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline { end += 1 }
                let next = end + 1
                while end > start, bytes[end - 1] == space || bytes[end - 1] == carriageReturn { end -= 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = next
            }
            return lines
        }
    }

    /// Description lines, then a blank line and the remarks (`- Remark: ...`), skipping what is empty.
    static func lines(_ text: String?, remarks: [String]) -> [String] {
        var result = lines(text)
        if !remarks.isEmpty {
            if !result.isEmpty { result.append("") }
            result += remarks
        }
        return result
    }
}

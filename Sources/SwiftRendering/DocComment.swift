/// Doc comment lines from the docs' Markdown descriptions.
enum DocComment {
    /// The description's lines, trailing spaces removed; no lines for no description.
    static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last == " " { line.removeLast() }
            return String(line)
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

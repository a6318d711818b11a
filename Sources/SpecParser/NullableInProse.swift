/// Whether a member's description says the member can be `null`, when its type line says it cannot. The
/// parser asks it for required members (not parameters) only: see `SchemaParser.property`.
///
/// The reference often carries the truth beside the mistake: `last_error (object, required): ... Will be
/// `null` if there are no errors.` The API sends `null` there, so the member is generated as nullable (and the
/// lint says so at the member's line; the IR keeps the docs as written and marks the correction).
///
/// Only phrases that say it of the member itself count: "will be null", "can be null", "defaults to null",
/// "null if ...", "or null", "otherwise null". "Is null" alone is not enough (`Used when `bar` is null.` speaks
/// of another member), nor is any "null" after "non", "not", "never" or "cannot".
enum NullableInProse {
    static func says(_ description: String) -> Bool {
        let words = Self.words(description)
        for (index, word) in words.enumerated() where word == "null" {
            let before = index > 0 ? words[index - 1] : ""
            let twoBefore = index > 1 ? words[index - 2] : ""
            let after = index + 1 < words.count ? words[index + 1] : ""
            if ["non", "not", "never", "cannot"].contains(before) || ["not", "never", "cannot"].contains(twoBefore) { continue }
            if before == "be", ["will", "can", "may", "could", "might", "would", "also"].contains(twoBefore) { return true }
            if before == "to", twoBefore == "defaults" || twoBefore == "default" || twoBefore == "set" { return true }
            if before == "is", twoBefore == "default" { return true }
            if before == "or" || before == "otherwise" { return true }
            if ["if", "when", "unless", "otherwise", "until"].contains(after), before != "is" || twoBefore == "value" { return true }
        }
        return false
    }

    /// The description's words, lowercased, without Markdown code marks and punctuation; `non-null` is two
    /// words, `non` and `null`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if ("A"..."Z").contains(scalar) {
                current.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

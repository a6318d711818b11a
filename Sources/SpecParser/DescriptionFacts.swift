/// The machine-readable sentences a description carries, in the format's style:
/// `Enum: 'asc', 'desc'.`, ``Default: `desc`.``, a trailing `Deprecated.`, and this project's extension for
/// bounds the format otherwise cannot state: `Minimum: 0.`, `Maximum: 100.`, `Minimum length: 1.`,
/// `Maximum length: 512.`, `Minimum items: 1.`, `Maximum items: 10.`
struct DescriptionFacts: Equatable {
    enum EnumValue: Equatable {
        /// `'asc'`
        case quoted(String)
        /// `24000`
        case bare(String)
    }

    var enumValues: [EnumValue]?
    /// The text between the backticks of ``Default: `…`.``
    var defaultLiteral: String?
    var deprecated = false
    /// Raw numbers of the bound sentences, keyed by sentence (`Minimum`, `Maximum length`, ...).
    var bounds: [Bound: String] = [:]

    enum Bound: String, CaseIterable {
        case minimumLength = "Minimum length"
        case maximumLength = "Maximum length"
        case minimumItems = "Minimum items"
        case maximumItems = "Maximum items"
        case minimum = "Minimum"
        case maximum = "Maximum"
    }

    /// Finds the fact sentences in `text` and returns the text without them.
    /// A sentence counts only where it starts a line or follows a space, and ends with a period followed by
    /// a space, a newline or the end: `Maximum number of tokens` is prose, `Maximum: 100.` is a fact.
    static func extract(from text: String) -> (text: String, facts: DescriptionFacts) {
        var facts = DescriptionFacts()
        guard text.contains(":") || text.contains("Deprecated.") else { return (text, facts) }
        var remaining = Substring(text)
        var kept = ""
        while let next = nextFact(in: remaining, facts: &facts) {
            var before = remaining[..<next.range.lowerBound]
            // Drop the space that separated the sentence from the one before it.
            if before.last == " " { before.removeLast() }
            kept += before
            remaining = remaining[next.range.upperBound...]
        }
        kept += remaining
        return (tidy(kept), facts)
    }

    private static let markers = ["Enum: ", "Default: `", "Deprecated."] + Bound.allCases.map { $0.rawValue + ": " }

    /// The range of the next recognised sentence, after recording its fact.
    private static func nextFact(in text: Substring, facts: inout DescriptionFacts) -> (range: Range<Substring.Index>, Void)? {
        var searchStart = text.startIndex
        while searchStart < text.endIndex {
            // The earliest marker from here on.
            var best: (marker: String, range: Range<Substring.Index>)?
            for marker in markers {
                if let range = text[searchStart...].firstRange(of: marker),
                   best == nil || range.lowerBound < best!.range.lowerBound {
                    best = (marker, range)
                }
            }
            guard let (marker, range) = best else { return nil }
            let startsSentence = range.lowerBound == text.startIndex
                || text[text.index(before: range.lowerBound)] == " "
                || text[text.index(before: range.lowerBound)] == "\n"
            if startsSentence, let end = parse(marker: marker, at: range, in: text, facts: &facts) {
                return (range.lowerBound..<end, ())
            }
            searchStart = text.index(after: range.lowerBound)
        }
        return nil
    }

    /// Parses the sentence starting with `marker`; returns where it ends, or nil when it is not a fact.
    private static func parse(
        marker: String, at range: Range<Substring.Index>, in text: Substring, facts: inout DescriptionFacts
    ) -> Substring.Index? {
        let rest = text[range.upperBound...]
        switch marker {
        case "Enum: ":
            guard let (values, end) = parseEnumValues(rest) else { return nil }
            facts.enumValues = values
            return end
        case "Default: `":
            guard let close = rest.firstIndex(of: "`") else { return nil }
            let afterClose = rest.index(after: close)
            guard let end = sentenceEnd(rest, at: afterClose) else { return nil }
            facts.defaultLiteral = String(rest[..<close])
            return end
        case "Deprecated.":
            guard range.upperBound == text.endIndex || text[range.upperBound] == " " || text[range.upperBound] == "\n"
            else { return nil }
            facts.deprecated = true
            return range.upperBound
        default:
            let name = String(marker.dropLast(2))
            guard let bound = Bound(rawValue: name) else { return nil }
            var index = rest.startIndex
            while index < rest.endIndex, rest[index].isNumber || rest[index] == "-" || rest[index] == "." && rest.index(after: index) < rest.endIndex && rest[rest.index(after: index)].isNumber {
                index = rest.index(after: index)
            }
            guard index > rest.startIndex, let end = sentenceEnd(rest, at: index) else { return nil }
            facts.bounds[bound] = String(rest[..<index])
            return end
        }
    }

    /// `.` followed by a space, a newline or the end: returns the index after the period.
    private static func sentenceEnd(_ text: Substring, at index: Substring.Index) -> Substring.Index? {
        guard index < text.endIndex, text[index] == "." else { return nil }
        let after = text.index(after: index)
        guard after == text.endIndex || text[after] == " " || text[after] == "\n" else { return nil }
        return after
    }

    /// `'a', 'b', 'c'.` or `1, 2.`; a quoted value ends at a quote followed by `, ` or the final period,
    /// so that values holding an apostrophe survive.
    private static func parseEnumValues(_ text: Substring) -> ([EnumValue], Substring.Index)? {
        var values: [EnumValue] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "'" {
                var close = text.index(after: index)
                var found: Substring.Index?
                while let quote = text[close...].firstIndex(of: "'") {
                    let after = text.index(after: quote)
                    if text[after...].hasPrefix(", ") || sentenceEnd(text, at: after) != nil {
                        found = quote
                        break
                    }
                    close = after
                }
                guard let quote = found else { return nil }
                values.append(.quoted(String(text[text.index(after: index)..<quote])))
                index = text.index(after: quote)
            } else {
                let start = index
                while index < text.endIndex, text[index].isNumber || text[index] == "-" || text[index] == "." && text.index(after: index) < text.endIndex && text[text.index(after: index)].isNumber {
                    index = text.index(after: index)
                }
                guard index > start else { return nil }
                values.append(.bare(String(text[start..<index])))
            }
            if text[index...].hasPrefix(", ") {
                index = text.index(index, offsetBy: 2)
                continue
            }
            guard let end = sentenceEnd(text, at: index) else { return nil }
            return (values, end)
        }
        return nil
    }

    /// Removes the blank space a removed sentence leaves: trailing spaces on lines, and whole text.
    private static func tidy(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
        var result = lines.joined(separator: "\n")
        while result.last == "\n" || result.last == " " { result.removeLast() }
        while result.first == "\n" || result.first == " " { result.removeFirst() }
        return result
    }
}

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
    /// Works on UTF-8 bytes in one pass: descriptions are the bulk of every page.
    static func extract(from text: String) -> (text: String, facts: DescriptionFacts) {
        var facts = DescriptionFacts()
        var bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "D") || byte == UInt8(ascii: "M"),
               index == 0 || bytes[index - 1] == space || bytes[index - 1] == newline,
               let end = Scanner(bytes: bytes).fact(at: index, into: &facts) {
                // Drop the space that separated the sentence from the one before it.
                if kept.last == space { kept.removeLast() }
                index = end
                continue
            }
            kept.append(byte)
            index += 1
        }
        swap(&bytes, &kept)
        return (tidy(bytes), facts)
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")

    /// Reads one fact sentence from UTF-8 bytes.
    private struct Scanner {
        let bytes: [UInt8]

        func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            let start = prefix.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
            return true
        }

        /// Records the fact starting at `index` and returns where its sentence ends, or nil.
        func fact(at index: Int, into facts: inout DescriptionFacts) -> Int? {
            if hasPrefix("Enum: ", at: index) {
                guard let (values, end) = enumValues(from: index + 6) else { return nil }
                facts.enumValues = values
                return end
            }
            if hasPrefix("Default: `", at: index) {
                let start = index + 10
                guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "`")),
                      let end = sentenceEnd(at: close + 1) else { return nil }
                facts.defaultLiteral = String(decoding: bytes[start..<close], as: UTF8.self)
                return end
            }
            if hasPrefix("Deprecated.", at: index) {
                let end = index + 11
                guard end == bytes.count || bytes[end] == space || bytes[end] == newline else { return nil }
                facts.deprecated = true
                return end
            }
            for bound in Bound.allCases {
                let marker = bound.rawValue + ": "
                guard marker.utf8.elementsEqual(bytes[index..<min(bytes.count, index + marker.utf8.count)]) else { continue }
                let start = index + marker.utf8.count
                let numberEnd = number(from: start)
                guard numberEnd > start, let end = sentenceEnd(at: numberEnd) else { return nil }
                facts.bounds[bound] = String(decoding: bytes[start..<numberEnd], as: UTF8.self)
                return end
            }
            return nil
        }

        /// The end of a number (`-1`, `0.25`), or `index` when there is none.
        func number(from index: Int) -> Int {
            var end = index
            while end < bytes.count {
                let byte = bytes[end]
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                let isSign = byte == UInt8(ascii: "-") && end == index
                let isPoint = byte == UInt8(ascii: ".") && end + 1 < bytes.count
                    && bytes[end + 1] >= UInt8(ascii: "0") && bytes[end + 1] <= UInt8(ascii: "9")
                guard isDigit || isSign || isPoint else { break }
                end += 1
            }
            return end
        }

        /// `.` followed by a space, a newline or the end: the index after the period.
        func sentenceEnd(at index: Int) -> Int? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
            let after = index + 1
            guard after == bytes.count || bytes[after] == space || bytes[after] == newline else { return nil }
            return after
        }

        /// `'a', 'b', 'c'.` or `1, 2.`; a quoted value ends at a quote followed by `, ` or the final period,
        /// so that values holding an apostrophe survive.
        func enumValues(from start: Int) -> ([EnumValue], Int)? {
            var values: [EnumValue] = []
            var index = start
            let quote = UInt8(ascii: "'")
            while index < bytes.count {
                if bytes[index] == quote {
                    var search = index + 1
                    var close: Int?
                    while let candidate = bytes[search...].firstIndex(of: quote) {
                        if hasPrefix(", ", at: candidate + 1) || sentenceEnd(at: candidate + 1) != nil {
                            close = candidate
                            break
                        }
                        search = candidate + 1
                    }
                    guard let close else { return nil }
                    values.append(.quoted(String(decoding: bytes[(index + 1)..<close], as: UTF8.self)))
                    index = close + 1
                } else {
                    let end = number(from: index)
                    guard end > index else { return nil }
                    values.append(.bare(String(decoding: bytes[index..<end], as: UTF8.self)))
                    index = end
                }
                if hasPrefix(", ", at: index) {
                    index += 2
                    continue
                }
                guard let end = sentenceEnd(at: index) else { return nil }
                return (values, end)
            }
            return nil
        }
    }

    /// Removes the blank space a removed sentence leaves: spaces at line ends, and around the whole text.
    private static func tidy(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte == newline {
                while result.last == space { result.removeLast() }
            }
            result.append(byte)
        }
        while let last = result.last, last == newline || last == space { result.removeLast() }
        let start = result.firstIndex { $0 != newline && $0 != space } ?? result.endIndex
        return String(decoding: result[start...], as: UTF8.self)
    }
}

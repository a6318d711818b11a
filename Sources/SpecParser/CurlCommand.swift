import SpecModel

/// What the docs' curl examples tell that the field lists do not: the server they call and the headers
/// every request needs (`OpenAI-Beta: chatkit_beta=v1`).
struct CurlCommand {
    var url: String
    var headers: [(name: String, value: String)]

    /// Headers that are not the endpoint's own: authentication, and the body's media type.
    static let ignoredHeaders: Set<String> = ["authorization", "content-type"]

    /// The curl requests among `examples`, merged: headers in first-seen order, first URL wins.
    static func requests(in examples: [Example], parser: inout PageParser) -> CurlSummary {
        var summary = CurlSummary()
        for example in examples where example.role == .request && example.language == "curl" {
            guard let command = CurlCommand(shell: example.code) else { continue }
            summary.urls.append((command.url, example.location))
            for header in command.headers where !ignoredHeaders.contains(header.name.lowercased()) {
                if !summary.headers.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
                    summary.headers.append(Header(name: header.name, value: header.value, location: example.location))
                }
            }
        }
        return summary
    }

    /// Reads the first `curl` command of a shell snippet. Nil when there is none.
    init?(shell: String) {
        let words = Self.words(shell)
        guard let start = words.firstIndex(of: "curl") else { return nil }
        var url: String?
        var headers: [(String, String)] = []
        var index = start + 1
        // Options of curl that take a value; their values are not the URL.
        let takesValue: Set<String> = ["-X", "--request", "-d", "--data", "--data-binary", "--data-raw", "-F", "--form",
                                       "-o", "--output", "-u", "--user", "-A", "--user-agent", "--data-urlencode"]
        while index < words.count {
            let word = words[index]
            if word == "|" || word == ";" || word == "&&" { break }
            if word == "-H" || word == "--header", index + 1 < words.count {
                let header = words[index + 1]
                if let colon = header.firstIndex(of: ":") {
                    let name = header[..<colon].trimmingCharacters(in: " ")
                    let value = header[header.index(after: colon)...].trimmingCharacters(in: " ")
                    headers.append((name, value))
                }
                index += 2
                continue
            }
            if takesValue.contains(word) { index += 2; continue }
            if !word.hasPrefix("-"), url == nil, word.contains("://") { url = word }
            index += 1
        }
        guard let url else { return nil }
        self.url = url
        self.headers = headers
    }

    /// Splits shell text into words: quotes group, backslash-newline continues, `#` starts a comment.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = next() {
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"", let escaped = next() {
                    current.append(escaped)
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inWord = true
            case "\\":
                if let escaped = next(), escaped != "\n" {
                    current.append(escaped)
                    inWord = true
                }
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
                if character == "\n" { words.append(";") }
            case "#" where !inWord:
                while let skipped = next(), skipped != "\n" {}
                words.append(";")
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

struct CurlSummary {
    var urls: [(url: String, location: SourceLocation)] = []
    var headers: [Header] = []

    /// The server part of the first URL that ends with the endpoint's path: for
    /// `https://api.openai.com/v1/chatkit/threads/cthr_123` and `/v1/chatkit/threads/{thread_id}`,
    /// `https://api.openai.com`. Path parameters match any segment (`cthr_123`, `$THREAD_ID`).
    func baseURL(for path: String) -> String? {
        urls.lazy.compactMap { Self.server(of: $0.url, path: path) }.first
    }

    static func url(_ url: String, matches path: String) -> Bool {
        server(of: url, path: path) != nil
    }

    /// The part of `url` before `path`, or nil when the URL does not end with the path.
    private static func server(of url: String, path: String) -> String? {
        // On UTF-8 bytes (the separators are ASCII): splitting on Characters walks grapheme clusters, slowly.
        let slash = UInt8(ascii: "/")
        let template = path.utf8.split(separator: slash).map(Substring.init)
        // The scheme is looked for in the URL without its query: an index into one string is no index into another
        // (a `?` before `://` made the query-less string shorter than the scheme's end, and the slice trapped).
        let withoutQuery = String(Substring(url.utf8.prefix { $0 != UInt8(ascii: "?") }))
        guard let schemeEnd = withoutQuery.firstRange(of: "://") else { return nil }
        let afterScheme = withoutQuery[schemeEnd.upperBound...]
        let hostEnd = afterScheme.utf8.firstIndex(of: slash) ?? afterScheme.endIndex
        let origin = withoutQuery[..<hostEnd]
        let segments = afterScheme[hostEnd...].utf8.split(separator: slash).map(Substring.init)
        guard segments.count >= template.count else { return nil }
        let matches = zip(segments.suffix(template.count), template).allSatisfy { segment, part in
            (part.hasPrefix("{") && part.hasSuffix("}")) || segment == part
        }
        guard matches else { return nil }
        let prefix = segments.prefix(segments.count - template.count)
        return String(origin) + prefix.map { "/" + $0 }.joined()
    }
}

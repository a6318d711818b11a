import SpecModel

/// Names that follow from the docs' structure: group prefixes from index pages, type names from object
/// page titles, resource names from paths, file names from page identities.
struct Naming {
    /// Index page titles by their identity (`chatkit` -> `ChatKit`): the human names of the groups.
    let groupTitles: [String: String]
    /// The path segment every endpoint starts with when it is an API version (`/v1`), moved into the base URL.
    let versionPrefix: String
    let defaultBaseURL: String
    /// The environment variable the curl examples read the key from (`OPENAI_API_KEY`).
    let apiKeyVariable: String?

    init(spec: APISpec) {
        var titles: [String: String] = [:]
        for index in spec.indexes { titles[index.id] = index.title }
        groupTitles = titles
        let firstSegments = Set(spec.endpoints.map { $0.path.split(separator: "/").first.map(String.init) ?? "" })
        if firstSegments.count == 1, let segment = firstSegments.first, segment.first == "v", segment.dropFirst().allSatisfy(\.isNumber),
           segment.count > 1 {
            versionPrefix = "/" + segment
        } else {
            versionPrefix = ""
        }
        var servers: [String: Int] = [:]
        for endpoint in spec.endpoints { if let url = endpoint.baseURL { servers[url, default: 0] += 1 } }
        let server = servers.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key ?? "http://localhost"
        defaultBaseURL = server + versionPrefix
        apiKeyVariable = Self.apiKeyVariable(in: spec)
    }

    private static func apiKeyVariable(in spec: APISpec) -> String? {
        for endpoint in spec.endpoints {
            for example in endpoint.examples where example.language == "curl" {
                guard let range = example.code.firstRange(of: "Bearer $") else { continue }
                let name = example.code[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { return String(name) }
            }
        }
        return nil
    }

    /// `chatkit.threads.object` -> `chatkit.threads.object.swift`: unique per module, derived from the
    /// page alone so that the build plugin can name outputs before generating (see `PageIdentity`).
    static func fileName(for pageID: String) -> String { pageID + ".swift" }

    /// Whether a page belongs to a beta section: one whose folder has the word `beta` (`realtime-beta-sessions`).
    static func isBetaSection(_ pageID: String) -> Bool {
        let section = pageID.prefix { $0 != "." }
        return section.split(separator: "-").contains("beta")
    }

    /// The prefix that names types of a group: the index page's title (`ChatKit`), else the folder name.
    func groupPrefix(_ components: [String]) -> String {
        guard let first = components.first else { return "" }
        return SwiftNames.type(groupTitles[first] ?? first)
    }

    /// `The thread object` in `chatkit/threads` -> `ChatKitThread`.
    func objectTypeName(_ object: ObjectPage, types: TypeBuilder) -> String {
        // An event page titled by its type (`response.created`, `Stream Event (transcript.text.delta)`) is named
        // after the type, as OpenAI's SDKs name events: `ResponseCreatedEvent`.
        if let type = StreamEvents.titledEventType(of: object) {
            return types.claimTopLevelName(SwiftNames.type(String(type.map { $0 == "." ? "_" : $0 })) + "Event",
                                           fallbackPrefix: groupPrefix(object.id.split(separator: ".").map(String.init)))
        }
        var noun = object.title
        for prefix in ["The ", "the "] where noun.hasPrefix(prefix) { noun.removeFirst(prefix.count) }
        for suffix in [" object", " Object"] where noun.hasSuffix(suffix) { noun.removeLast(suffix.count) }
        let components = object.id.split(separator: ".").map(String.init)
        let prefix = groupPrefix(components)
        let name = SwiftNames.type(noun)
        let fallback = components.dropLast().dropFirst().map { SwiftNames.type($0) }.joined()
        // The noun alone when it already names the group (`Assistant` in Assistants, `ChatCompletion` in Chat
        // Completions) and is free; else with the group's name in front (`ChatKitThread`, `AudioVoice`).
        let qualified = name.hasPrefix(prefix) ? name : prefix + name
        if name != qualified, Self.namesGroup(name, prefix: prefix) {
            if types.isAvailableTopLevelName(name) { return types.claimTopLevelName(name, fallbackPrefix: fallback) }
            // `Thread` and `Response` would shadow Foundation's and are reserved: `ThreadObject`, not `ThreadsThread`.
            if name == SwiftNames.singular(prefix), types.isAvailableTopLevelName(name + "Object") {
                return types.claimTopLevelName(name + "Object", fallbackPrefix: fallback)
            }
        }
        return types.claimTopLevelName(qualified, fallbackPrefix: fallback)
    }

    /// Whether `name` starts with the singular of the group prefix (`AdminAPIKey...` in `AdminAPIKeys`).
    static func namesGroup(_ name: String, prefix: String) -> Bool {
        let singular = SwiftNames.singular(prefix)
        return singular.count > 2 && name.hasPrefix(singular)
    }

    /// Resource path components of an endpoint: `chatkit.threads.retrieve` -> `["chatkit", "threads"]`.
    static func resourcePath(_ endpoint: Endpoint) -> [String] {
        Array(endpoint.id.split(separator: ".").dropLast().map(String.init))
    }

    /// `["chatkit", "threads"]` -> `ChatKitThreadsResource`.
    func resourceTypeName(_ path: [String]) -> String {
        guard !path.isEmpty else { return "Client" }
        return groupPrefix(path) + path.dropFirst().map { SwiftNames.type($0) }.joined() + "Resource"
    }

    /// The name stem for an endpoint's own types: `chatkit.threads.list` -> `ChatKitThreadList`.
    func endpointStem(_ endpoint: Endpoint) -> String {
        let path = Self.resourcePath(endpoint)
        let operation = endpoint.id.split(separator: ".").last.map(String.init) ?? ""
        let resource = path.dropFirst().last.map { SwiftNames.type(SwiftNames.singular($0)) } ?? ""
        let prefix = groupPrefix(path)
        let rest = resource + SwiftNames.type(operation)
        // `assistants.createAssistant` -> `CreateAssistant`, not `AssistantsCreateAssistant`: the operation
        // already names the group. (Types are claimed with the group in front when the short name is taken.)
        if resource.isEmpty, rest.contains(SwiftNames.singular(prefix)), SwiftNames.singular(prefix).count > 2 { return rest }
        return prefix + rest
    }

    /// The path as Swift string interpolation, without the version prefix:
    /// `/v1/chatkit/threads/{thread_id}` -> `/chatkit/threads/\(PathEncoding.segment(threadID))`.
    func pathExpression(_ endpoint: Endpoint, argumentNames: [String: String]) -> String {
        var path = endpoint.path
        if !versionPrefix.isEmpty, path.hasPrefix(versionPrefix) { path.removeFirst(versionPrefix.count) }
        var result = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += Self.escapeLiteral(rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            result += "\\(PathEncoding.segment(\(argumentNames[name] ?? SwiftNames.member(name))))"
            rest = rest[rest.index(after: close)...]
        }
        return "\"" + result + Self.escapeLiteral(rest) + "\""
    }

    private static func escapeLiteral(_ text: Substring) -> String {
        String(SwiftNames.stringLiteral(String(text)).dropFirst().dropLast())
    }
}

import SpecModel

/// Which event pages an endpoint's `text/event-stream` carries.
///
/// The docs say it through links, in either direction: event pages link the endpoint that emits them ("Only
/// emitted when you [create a transcription](createTranscription.md)"), a streaming section's index links its
/// endpoints ("When you [create a Response](../responses/create.md) with `stream` set to `true`"), or the
/// endpoint links an event page or a streaming index (its `Returns`, its `stream` parameter). Failing those,
/// the section `<section>-streaming` of the endpoint's own section holds its events (`images-streaming`), or
/// the group of it whose events the endpoint's examples show (`image_edit.*` for image edits).
///
/// An event page is an object page whose `type` is a constant: the discriminator of the stream's union.
struct StreamEvents {
    /// Event pages in identity order.
    private let eventPages: [ObjectPage]
    private let eventPageIDs: Set<String>
    private let indexIDs: Set<String>
    /// Page identities each page links to, from descriptions (object and index pages).
    private let linksByPage: [String: Set<String>]

    init(spec: APISpec) {
        eventPages = spec.objects.filter { Self.eventType(of: $0) != nil }
        eventPageIDs = Set(eventPages.map(\.id))
        indexIDs = Set(spec.indexes.map(\.id))
        var links: [String: Set<String>] = [:]
        for page in spec.objects {
            links[page.id] = Self.links(in: page.description ?? "", folder: Self.folder(ofPage: page.id))
        }
        for index in spec.indexes {
            links[index.id] = Self.links(in: index.description ?? "", folder: index.id)
        }
        linksByPage = links
    }

    /// What the events of an endpoint's stream are.
    enum Family: Equatable {
        /// The pages of these events, in identity order.
        case events([ObjectPage])
        /// The docs have a streaming section for the endpoint but no typed events in it (events are told
        /// apart by the SSE `event:` name): the stream delivers `ServerSentEvent`s.
        case untyped
        /// Nothing in the docs says.
        case unknown
    }

    func family(of endpoint: Endpoint) -> Family {
        var indexes: Set<String> = []
        var seeds: Set<String> = []
        // Pages that link the endpoint.
        for (page, targets) in linksByPage where targets.contains(endpoint.id) {
            if eventPageIDs.contains(page) { seeds.insert(page) } else if indexIDs.contains(page) { indexes.insert(page) }
        }
        // Pages the endpoint links.
        let folder = Self.folder(ofPage: endpoint.id)
        var outgoing = Set(endpoint.returns?.links.compactMap(\.target) ?? [])
        for parameter in endpoint.parameters where parameter.name == "stream" {
            outgoing.formUnion(Self.links(in: parameter.description ?? "", folder: folder))
        }
        for body in endpoint.requestBodies {
            if let stream = body.schema.property(named: "stream") {
                outgoing.formUnion(Self.links(in: stream.schema.description ?? "", folder: folder))
            }
        }
        for target in outgoing {
            if eventPageIDs.contains(target) {
                seeds.formUnion(siblings(of: target))
            } else if indexIDs.contains(target), target.hasSuffix("-streaming") {
                indexes.insert(target)
            }
        }
        if seeds.isEmpty, indexes.isEmpty, let section = endpoint.id.split(separator: ".").first,
           indexIDs.contains(section + "-streaming") {
            indexes.insert(section + "-streaming")
        }
        if seeds.isEmpty, indexes.count == 1, let index = indexes.first {
            seeds = groupEvents(in: index, shownBy: endpoint)
        } else {
            for index in indexes {
                seeds.formUnion(eventPages.lazy.map(\.id).filter { $0.hasPrefix(index + ".") })
            }
        }
        if !seeds.isEmpty { return .events(eventPages.filter { seeds.contains($0.id) }) }
        return indexes.isEmpty ? .unknown : .untyped
    }

    /// The event pages of a streaming index, or of one of its groups when the index holds only groups (its
    /// events all in subfolders: `images-streaming/image_edit/...`, `images-streaming/image_generation/...`)
    /// and the endpoint's own response examples show events of that group alone: image edits stream
    /// `image_edit.*` events, not `image_generation.*` ones.
    private func groupEvents(in index: String, shownBy endpoint: Endpoint) -> Set<String> {
        let pages = eventPages.filter { $0.id.hasPrefix(index + ".") }
        let all = Set(pages.map(\.id))
        var pagesByGroup: [Substring: [ObjectPage]] = [:]
        for page in pages {
            let rest = page.id.dropFirst(index.count + 1).split(separator: ".")
            guard rest.count > 1, let group = rest.first else { return all }  // an event at the index's top level
            pagesByGroup[group, default: []].append(page)
        }
        guard pagesByGroup.count > 1 else { return all }
        let shown = Self.eventTypes(shownIn: endpoint)
        let groups = pagesByGroup.filter { $0.value.contains { Self.eventType(of: $0).map(shown.contains) == true } }
        guard groups.count == 1, let group = groups.first else { return all }
        return Set(group.value.map(\.id))
    }

    /// The event types an endpoint's response examples show: `event: image_edit.completed` lines and
    /// `"type": "..."` members of their `data:` lines.
    static func eventTypes(shownIn endpoint: Endpoint) -> Set<String> {
        var types: Set<String> = []
        for example in endpoint.examples where example.role == .response {
            for line in example.code.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                let text = line.drop { $0 == " " || $0 == "\t" }
                if text.hasPrefix("event:") {
                    let name = text.dropFirst("event:".count).drop { $0 == " " }.prefix { $0 != " " && $0 != "\t" }
                    types.insert(String(name))
                } else if text.hasPrefix("data:"), let range = text.firstRange(of: "\"type\":") {
                    let value = text[range.upperBound...].drop { $0 == " " }
                    if value.first == "\"", let end = value.dropFirst().firstIndex(of: "\"") {
                        types.insert(String(value[value.index(after: value.startIndex)..<end]))
                    }
                }
            }
        }
        return types
    }

    /// A linked event page and the event pages of its folder whose types share its prefix: a link to
    /// `transcript.text.delta` brings `transcript.text.done` and `transcript.text.segment`.
    private func siblings(of pageID: String) -> Set<String> {
        guard let page = eventPages.first(where: { $0.id == pageID }), let type = Self.eventType(of: page) else { return [pageID] }
        let prefix = type.split(separator: ".").dropLast().joined(separator: ".") + "."
        let folder = Self.folder(ofPage: pageID)
        var result: Set<String> = [pageID]
        for other in eventPages where Self.folder(ofPage: other.id) == folder && prefix.count > 1 {
            if let otherType = Self.eventType(of: other), otherType.hasPrefix(prefix) { result.insert(other.id) }
        }
        return result
    }

    /// The constant `type` of an event page.
    static func eventType(of page: ObjectPage) -> String? {
        guard let property = page.schema.property(named: "type") else { return nil }
        return TypeBuilder.constantValue(of: property)
    }

    /// The type of an event page titled by it: `response.created`, `Stream Event (transcript.text.delta)`.
    static func titledEventType(of page: ObjectPage) -> String? {
        guard let type = eventType(of: page), page.title == type || page.title.hasSuffix("(\(type))") else { return nil }
        return type
    }

    /// A name for the union of `pages`: the prefix their types share (`response.` -> `ResponseStreamEvent`),
    /// else the streaming section's name (`images-streaming` -> `ImagesStreamEvent`).
    static func unionName(_ pages: [ObjectPage]) -> String {
        let types = pages.compactMap(eventType(of:)).map { $0.split(separator: ".").map(String.init) }
        var shared = types.first ?? []
        for type in types.dropFirst() {
            shared = Array(zip(shared, type).prefix { $0.0 == $0.1 }.map(\.0))
        }
        if types.count > 1, shared.count == types.map(\.count).min() { shared.removeLast() }
        if shared.isEmpty, let section = pages.first?.id.split(separator: ".").first {
            var name = String(section)
            if name.hasSuffix("-streaming") { name.removeLast("-streaming".count) }
            shared = [name]
        }
        return SwiftNames.type(shared.joined(separator: "_")) + "StreamEvent"
    }

    /// The folder of a page (`audio.transcript-text-delta-event` -> `audio`).
    static func folder(ofPage id: String) -> String {
        id.split(separator: ".").dropLast().joined(separator: ".")
    }

    /// Identities of the `.md` pages that Markdown `text` links, relative to `folder`.
    static func links(in text: String, folder: String) -> Set<String> {
        var result: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "](") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            var destination = String(rest[..<close])
            if let hash = destination.firstIndex(of: "#") { destination = String(destination[..<hash]) }
            guard destination.hasSuffix(".md"), !destination.contains("://") else { continue }
            var components = folder.isEmpty ? [] : folder.split(separator: ".").map(String.init)
            for part in destination.split(separator: "/") {
                if part == ".." { _ = components.popLast() } else if part != "." { components.append(String(part)) }
            }
            result.insert(PageIdentity.id(forPath: components.joined(separator: "/")))
        }
        return result
    }
}

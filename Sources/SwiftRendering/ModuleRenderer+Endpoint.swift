import JSONSyntax
import SpecModel

extension ModuleRenderer {
    /// The first successful JSON response with a structure: what the method decodes and returns. (A bare
    /// `string` under `application/json` is a file's content, not JSON text: `files/retrieve-contents`.)
    static func successResponse(_ endpoint: Endpoint) -> Response? {
        let json = endpoint.responses.filter { response in
            guard let mediaType = response.mediaType, let schema = response.schema else { return false }
            return BodyKind(mediaType) == .json && !(schema.kind == .string && schema.enumValues == nil)
        }
        return json.first { $0.status.hasPrefix("2") } ?? json.first { $0.status == "default" }
    }

    /// The first successful response that is not JSON nor an event stream: bytes or text.
    static func otherSuccessResponse(_ endpoint: Endpoint) -> ResponseShape? {
        for response in endpoint.responses where response.status.hasPrefix("2") {
            guard let mediaType = response.mediaType, !isEventStream(mediaType) else { continue }
            switch BodyKind(mediaType) {
            case .text: return .text(mediaType: mediaType)
            case .json: return .data(mediaType: "application/octet-stream")  // a bare string: see `successResponse`
            default: return .data(mediaType: mediaType)
            }
        }
        return nil
    }

    static func isEventStream(_ mediaType: String) -> Bool { mediaType.lowercased().hasPrefix("text/event-stream") }

    /// An endpoint page's file: the types it declares and the methods it adds to its resource.
    mutating func endpointFile(_ endpoint: Endpoint) -> (FileModel, ResourceExtensionModel) {
        // (The extension is dropped by the caller when the client is not generated.)
        var scope = TypeBuilder.Scope(qualifiedName: nil)
        let stem = naming.endpointStem(endpoint)
        let fallback = Naming.resourcePath(endpoint).map { SwiftNames.type($0) }.joined()

        // The response type: reused when its structure is known, else declared here.
        var shape = ResponseShape.none
        var cursorPage: CursorPageModel?
        if let response = Self.successResponse(endpoint), let schema = response.schema {
            var returnType: String
            // An object page's type, or a page of items, named after them (`CertificatePage`), is used as it is;
            // another endpoint's response gets this endpoint's name too (see `TypeBuilder.alias`).
            if let existing = types.existingName(for: schema),
               types.isPageOwnType(existing) || (Self.isCursorPage(schema) && !existing.contains(".")) {
                returnType = existing
            } else {
                var preferred = stem + "Response"
                if Self.isCursorPage(schema), let items = schema.property(named: "data")?.schema.itemSchema,
                   let itemType = types.existingName(for: items) {
                    // A nested item type (`Owner.User`) gives its own last name: `UserPage`.
                    preferred = (itemType.split(separator: ".").last.map(String.init) ?? itemType) + "Page"
                }
                let name = types.claimTopLevelName(preferred, fallbackPrefix: fallback)
                returnType = types.typeReference(for: schema, suggestedName: name, in: &scope)
            }
            // Every cursor-shaped struct conforms to CursorPage where it is declared (see TypeBuilder.structure).
            if types.cursorPageTypes.contains(returnType) { cursorPage = Self.cursorPage(schema, types: types) }
            pageTypes[endpoint.id] = returnType
            shape = .json(returnType)
        } else if let other = Self.otherSuccessResponse(endpoint) {
            shape = other
        }
        // Without the client, the methods (and the parameter and body types only they use) are not declared.
        var methods: [MethodModel] = []
        if options.emitsClient {
            let parts = methodParts(endpoint, stem: stem, scope: &scope)
            let events = eventStream(endpoint, stem: stem, fallbackPrefix: fallback, shape: shape, scope: &scope)
            if case .none = shape, let events, !events.hasStreamFlag {
                shape = .events(events.type)  // the endpoint only streams
            } else {
                methods.append(method(endpoint, parts: parts, variant: .main(shape), cursorPage: cursorPage))
                if case .data = shape { methods.append(method(endpoint, parts: parts, variant: .byteStream, cursorPage: nil)) }
                if let events {
                    methods.append(method(endpoint, parts: parts, variant: .eventStream(eventType: events.type, eventDocs: events.docs),
                                          cursorPage: nil))
                }
            }
            if case .events = shape { methods.append(method(endpoint, parts: parts, variant: .main(shape), cursorPage: nil)) }
            // A plain-text alternative of the body gets its own overload: `create(sdp: String)` beside
            // `create(body:)` (Realtime calls take multipart or a bare SDP offer).
            let pathCount = endpoint.parameters.filter { $0.location == .path }.count
            let preferred = Self.preferredBody(endpoint)
            let streamsOnly = if case .events = shape { true } else { false }
            for alternative in endpoint.requestBodies where !streamsOnly && alternative != preferred
                && BodyKind(alternative.mediaType) == .text && alternative.schema.kind == .string {
                let subtype = alternative.mediaType.split(separator: "/").last.map { String($0.prefix { $0 != ";" }) } ?? "text"
                let label = SwiftNames.member(subtype)
                let plan = BodyPlan(parameter: "\(label): String", statements: [], argument: "Data(\(SwiftNames.bare(label)).utf8)",
                                    contentType: SwiftNames.stringLiteral(alternative.mediaType))
                let textParts = parts.replacingBody(with: plan, mediaType: alternative.mediaType, pathParameters: pathCount)
                methods.append(method(endpoint, parts: textParts, variant: .main(shape), cursorPage: nil))
            }
        }
        let file = FileModel(fileName: Naming.fileName(for: endpoint.id), source: endpoint.location.file, template: "types",
                             imports: Self.imports, declarations: scope.declarations, resourceExtensions: [],
                             client: nil, tests: [], testedModule: nil, suiteType: nil, suiteName: nil)
        return (file, ResourceExtensionModel(resourceType: naming.resourceTypeName(Naming.resourcePath(endpoint)),
                                             methods: methods))
    }

    /// The event type of an endpoint that streams: it has a `text/event-stream` response or a `stream`
    /// parameter. Nil when it does not stream.
    private mutating func eventStream(
        _ endpoint: Endpoint, stem: String, fallbackPrefix: String, shape: ResponseShape, scope: inout TypeBuilder.Scope
    ) -> (type: String, docs: String, hasStreamFlag: Bool)? {
        let streamResponse = endpoint.responses.first { $0.status.hasPrefix("2") && $0.mediaType.map(Self.isEventStream) == true }
        let streamParameter = endpoint.parameters.contains { $0.name == "stream" && $0.schema.kind == .boolean }
            || Self.preferredBody(endpoint)?.schema.property(named: "stream")?.schema.kind == .boolean
        guard streamResponse != nil || streamParameter else { return nil }
        // The docs describe the events in place (chat completion chunks).
        if let schema = streamResponse?.schema, let properties = schema.properties, !properties.isEmpty {
            let name = types.topLevelName(for: schema, preferred: stem + "StreamEvent", fallbackPrefix: fallbackPrefix)
            let type = types.typeReference(for: schema, suggestedName: name, in: &scope)
            return (type, "each event is a `\(type)`.", streamParameter)
        }
        switch streamEvents.family(of: endpoint) {
        case .events(let pages):
            var union = Schema(.union, location: endpoint.location, variants: pages.map(\.schema))
            union.description = "An event of the stream of " + pages.map { "`\(StreamEvents.eventType(of: $0) ?? $0.id)`" }.prefix(3).joined(separator: ", ")
                + (pages.count > 3 ? " and \(pages.count - 3) more" : "") + "; events the docs do not list arrive as `unknown`."
            if pages.count == 1, let only = types.existingName(for: pages[0].schema) {
                return (only, "each event is a `\(only)`.", streamParameter)
            }
            types.payloadUnions.insert(types.typeKey(union))
            // Named after its events, not the endpoint: another endpoint streaming the same events uses it as it is.
            let name = types.existingName(for: union) ?? types.claimTopLevelName(StreamEvents.unionName(pages), fallbackPrefix: fallbackPrefix)
            let type = types.typeReference(for: union, suggestedName: name, in: &scope)
            return (type, "events are `\(type)` cases chosen by their `type`, and events the docs do not list arrive as `.unknown`.", streamParameter)
        case .untyped:
            return (Self.untypedEvents.type, Self.untypedEvents.docs, streamParameter)
        case .unknown:
            if case .json(let type) = shape {
                return (type, "each event's data is a `\(type)`.", streamParameter)
            }
            return (Self.untypedEvents.type, Self.untypedEvents.docs, streamParameter)
        }
    }

    /// Events of a stream whose docs name no event types: as they come.
    private static let untypedEvents = (
        type: "ServerSentEvent", docs: "the docs name no event types, so events arrive as `ServerSentEvent`s (`event` and `data`)."
    )

    static func isCursorPage(_ schema: Schema) -> Bool { TypeBuilder.isCursorPage(schema) }

    static func cursorPage(_ schema: Schema, types: TypeBuilder) -> CursorPageModel? {
        guard let items = schema.property(named: "data")?.schema.itemSchema, let itemType = types.existingName(for: items)
            ?? TypeBuilder.scalarType(items) else { return nil }
        return TypeBuilder.cursorPageModel(schema, itemType: itemType)
    }
}

import JSONSyntax
import SpecModel

extension ModuleRenderer {
    /// What an endpoint's method returns and how the client reads the response.
    enum ResponseShape: Equatable {
        /// A JSON body decoded into the type.
        case json(String)
        /// Bytes (audio, file contents); the method has a `...ByteStream` companion for large bodies.
        case data(mediaType: String)
        /// Text (`application/sdp`, `text/plain`).
        case text(mediaType: String)
        /// No body the docs describe: the raw response.
        case none
        /// Only an event stream: the method streams.
        case events(String)
    }

    /// The parts of an endpoint's methods that do not depend on which variant is built: parameters with their
    /// docs and validation, the query, the body.
    struct MethodParts {
        var name: String
        var parameters: [String] = []
        var docParameters: [String] = []
        var validations: [String] = []
        var queryStatements: [String] = []
        var callArguments: [String] = []
        var afterArgument: String?
        /// The `stream` query parameter's position in `parameters`, if the endpoint has one.
        var streamQueryParameter: Int?
        var body: BodyPlan?
        var headers: [String] = []
        var path = ""
    }

    /// Parameters, validation, query and body of `endpoint`'s methods; declares the types they use.
    mutating func methodParts(_ endpoint: Endpoint, stem: String, scope: inout TypeBuilder.Scope) -> MethodParts {
        var parts = MethodParts(name: SwiftSymbols.methodName(endpoint))
        var argumentNames: [String: String] = [:]
        let ordered = endpoint.parameters.filter { $0.location == .path } + endpoint.parameters.filter { $0.location != .path }
        for parameter in ordered {
            let member = SwiftNames.member(parameter.name)
            argumentNames[parameter.name] = member
            let suggested = stem + SwiftNames.type(parameter.name)
            var valueType: String
            if parameter.schema.kind == .string, let values = parameter.schema.enumValues, values.count > 1 {
                let typeName = types.topLevelName(for: parameter.schema, preferred: suggested, fallbackPrefix: "")
                valueType = types.typeReference(for: parameter.schema, suggestedName: typeName, in: &scope)
            } else {
                valueType = types.typeReference(for: parameter.schema, suggestedName: suggested, in: &scope)
            }
            let defaultLiteral = DefaultLiteral.swift(parameter.schema.defaultValue, type: valueType, schema: parameter.schema)
            var declaration: String
            var optional: Bool
            if parameter.required || parameter.location == .path {
                declaration = "\(member): \(valueType)"
                optional = false
            } else if let defaultLiteral {
                declaration = "\(member): \(valueType) = \(defaultLiteral)"
                optional = false
            } else {
                declaration = "\(member): \(valueType)? = nil"
                optional = true
            }
            if parameter.name == "stream", parameter.location == .query, valueType == "Bool" {
                parts.streamQueryParameter = parts.parameters.count
            }
            parts.parameters.append(declaration)
            parts.callArguments.append("\(member): \(member)")
            if parameter.name == "after", parameter.location == .query { parts.afterArgument = member }
            parts.docParameters.append("  - \(SwiftNames.bare(member)): " + (parameter.description?.split(separator: "\n").joined(separator: " ") ?? parameter.name))
            parts.validations += Self.validations(parameter, member: member, valueType: valueType)
            if parameter.location == .query {
                parts.queryStatements.append(Self.queryStatement(parameter, member: member, valueType: valueType, optional: optional))
            }
        }
        if let body = Self.preferredBody(endpoint) {
            let plan = bodyPlan(body, stem: stem, scope: &scope)
            parts.insertBody(plan, mediaType: body.mediaType, at: endpoint.parameters.filter { $0.location == .path }.count)
        }
        parts.headers = endpoint.headers.map { "\(SwiftNames.stringLiteral($0.name)): \(SwiftNames.stringLiteral($0.value))" }
        parts.path = naming.pathExpression(endpoint, argumentNames: argumentNames)
        return parts
    }

    /// Validation of what the docs state, before anything is sent.
    private static func validations(_ parameter: Parameter, member: String, valueType: String) -> [String] {
        var validations: [String] = []
        let label = SwiftNames.stringLiteral(SwiftNames.bare(member))
        if parameter.location == .path, valueType == "String" {
            validations.append("try Validate.nonEmpty(\(member), name: \(label))")
        }
        let bounds = parameter.schema.constraints
        if bounds.minimum != nil || bounds.maximum != nil, valueType == "Int" || valueType == "Double" {
            let format = { (value: Double?) -> String in
                guard let value else { return "nil" }
                return valueType == "Int" ? String(Int(value)) : String(value)
            }
            validations.append("try Validate.range(\(member), name: \(label), min: \(format(bounds.minimum)), max: \(format(bounds.maximum)))")
        }
        if bounds.minLength != nil || bounds.maxLength != nil, valueType == "String" {
            validations.append("try Validate.length(\(member), name: \(label), min: \(bounds.minLength.map(String.init) ?? "nil"), max: \(bounds.maxLength.map(String.init) ?? "nil"))")
        }
        return validations
    }

    private static func queryStatement(_ parameter: Parameter, member: String, valueType: String, optional: Bool) -> String {
        let key = SwiftNames.stringLiteral(parameter.name)
        let arrayName = parameter.name.hasSuffix("[]") ? parameter.name : parameter.name + "[]"
        if valueType.hasPrefix("[String: ") {
            // An object in the query is written member by member: `effective_at[gt]=1`.
            let unwrapped = optional ? "(\(member) ?? [:])" : member
            let base = SwiftNames.stringLiteral(parameter.name).dropLast()
            return "for (name, value) in \(unwrapped).sorted(by: { $0.key < $1.key }) { query.add(\(base)[\\(name)]\", value.stringValue ?? value.description) }"
        } else if valueType.hasPrefix("[") {
            let unwrapped = optional ? "\(member) ?? []" : member
            return "for element in \(unwrapped) { query.add(\(SwiftNames.stringLiteral(arrayName)), element) }"
        }
        return "query.add(\(key), \(member))"
    }

    /// Which variant of an endpoint's method to build.
    enum MethodVariant {
        /// The method itself, returning the response as `shape` says.
        case main(ResponseShape)
        /// `...ByteStream`: the body as it arrives.
        case byteStream
        /// `...Stream`: server-sent events decoded as `eventType`, with `stream` set where the docs have it.
        case eventStream(eventType: String, eventDocs: String)
    }

    /// One method of an endpoint from its parts.
    func method(_ endpoint: Endpoint, parts: MethodParts, variant: MethodVariant, cursorPage: CursorPageModel?) -> MethodModel {
        var parts = parts
        var bodyStatements = parts.body?.statements ?? []
        var name = parts.name
        var returns: String
        var send: String
        var headers = parts.headers
        var summary: [String] = []
        switch variant {
        case .main(let shape):
            switch shape {
            case .json(let type):
                returns = "APIResponse<\(type)>"
                send = "try await core.send(request, options: options)"
            case .data(let mediaType):
                returns = "APIResponse<Data>"
                send = "try await core.sendData(request, options: options)"
                headers.append("\"Accept\": \(SwiftNames.stringLiteral(mediaType))")
            case .text(let mediaType):
                returns = "APIResponse<String>"
                send = "try await core.sendText(request, options: options)"
                headers.append("\"Accept\": \(SwiftNames.stringLiteral(mediaType))")
            case .none:
                returns = "HTTPResponse"
                send = "try await core.sendRaw(request, options: options)"
            case .events(let type):
                returns = "EventStream<\(type)>"
                send = "try await core.sendEvents(request, options: options)"
            }
        case .byteStream:
            name = SwiftNames.escaped(SwiftNames.bare(name) + "ByteStream")
            returns = "StreamedResponse"
            send = "try await core.sendStreamed(request, options: options)"
            summary = ["The same request as `\(SwiftNames.bare(parts.name))`, returning as soon as the response's headers are in: its",
                       "body arrives chunk by chunk (`for try await chunk in response.body`), for bodies too large to hold at once.", ""]
        case .eventStream(let eventType, let eventDocs):
            name = SwiftNames.escaped(SwiftNames.bare(name) + "Stream")
            returns = "EventStream<\(eventType)>"
            send = "try await core.sendEvents(request, options: options)"
            var how = "server-sent events"
            if let index = parts.streamQueryParameter {
                // The body parameter, if any, was inserted before the query parameters.
                let position = index + (parts.body == nil ? 0 : 1)
                parts.parameters.remove(at: position)
                parts.docParameters.remove(at: position)
                parts.queryStatements = parts.queryStatements.map { $0 == "query.add(\"stream\", stream)" ? "query.add(\"stream\", true)" : $0 }
                how += " (`stream=true` is sent)"
            } else if let flag = parts.body?.streamFlag {
                bodyStatements = ["var body = body", flag.statement] + bodyStatements
                how += " (\(flag.note))"
            }
            summary = ["The same request as `\(SwiftNames.bare(parts.name))`, answered with \(how): \(eventDocs)", ""]
        }
        if headers.isEmpty { headers = [":"] }
        var arguments = [
            "method: \(SwiftNames.stringLiteral(endpoint.method))",
            "path: \(parts.path)",
            "query: \(parts.queryStatements.isEmpty ? "[]" : "query.items")",
            "headers: [\(headers.joined(separator: ", "))]",
        ]
        if let body = parts.body {
            arguments.append("body: \(body.argument)")
            arguments.append("contentType: \(body.contentType)")
        }

        var docs = summary + DocComment.lines(endpoint.description ?? endpoint.title)
        docs.append("")
        docs.append("- Parameters:")
        docs += parts.docParameters
        docs.append("  - options: Timeout, retries and headers for this request only.")
        if case .main = variant, let returnsText = endpoint.returns?.description, !returnsText.isEmpty {
            docs.append("- Returns: " + returnsText.split(separator: "\n").joined(separator: " "))
        }
        docs.append("- Remark: HTTP `\(endpoint.method) \(endpoint.path)`, generated from `\(endpoint.location.fileAndLine)`.")

        var autoPaging: AutoPagingModel?
        if case .main(.json(let returnType)) = variant, cursorPage != nil, let afterArgument = parts.afterArgument {
            autoPaging = AutoPagingModel(
                name: SwiftNames.bare(name) + "AutoPaging",
                docLines: ["All items of `\(SwiftNames.bare(name))`, page after page: the next page is fetched only when the",
                           "sequence reaches it, with `\(afterArgument)` set to the last item of the page before.",
                           "",
                           "- Remark: HTTP `\(endpoint.method) \(endpoint.path)`, generated from `\(endpoint.location.fileAndLine)`."],
                parameters: (parts.parameters + ["options: RequestOptions? = nil"]).filter { !$0.hasPrefix("body:") }.joined(separator: ", "),
                sequenceType: "CursorPageSequence<\(returnType)>",
                afterParameter: afterArgument,
                callArguments: (parts.callArguments.map { $0 == "\(afterArgument): \(afterArgument)" ? "\(afterArgument): cursor" : $0 } + ["options: options"]).joined(separator: ", "),
                baseMethod: SwiftNames.bare(name)
            )
        }
        return MethodModel(
            name: name, docLines: docs, parameters: (parts.parameters + ["options: RequestOptions? = nil"]).joined(separator: ", "),
            returnType: returns, validations: parts.validations, usesQuery: !parts.queryStatements.isEmpty,
            queryStatements: parts.queryStatements, bodyStatements: bodyStatements,
            requestArguments: arguments.enumerated().map { $0.offset == arguments.count - 1 ? $0.element : $0.element + "," },
            sendExpression: send, autoPaging: autoPaging
        )
    }
}

import SpecModel

extension ModuleRenderer {
    /// How a method takes and sends its request body.
    struct BodyPlan {
        /// `body: FileCreateRequest`
        var parameter: String
        /// Statements that turn `body` into bytes.
        var statements: [String]
        /// The `body:` argument of the request: the bytes.
        var argument: String
        /// The `contentType:` argument: an expression.
        var contentType: String
        /// The statement that asks for an event stream in the body, when it can (`body.stream = true`,
        /// `body.streamFormat = .sse`), and what it does, for the method's doc comment.
        var streamFlag: (statement: String, note: String)?
    }

    /// The body field that turns the response into an event stream, the Swift value that does, and what
    /// setting it means: a boolean `stream` (`true`), else a string enum named for streaming that offers
    /// `sse` (`stream_format: "sse"` of audio speech). Constants are left alone: they are always sent.
    static func streamSwitch(_ properties: [Property]) -> (index: Int, value: String, note: String)? {
        let settable = properties.indices.filter { TypeBuilder.constantValue(of: properties[$0]) == nil }
        if let index = settable.first(where: { properties[$0].name == "stream" && properties[$0].schema.kind == .boolean }) {
            return (index, "true", "the body's `stream` is set")
        }
        for index in settable where properties[index].name.lowercased().contains("stream") {
            let schema = properties[index].schema
            guard schema.kind == .string, let values = schema.enumValues, values.count > 1, values.contains(.string("sse")) else { continue }
            return (index, "." + SwiftNames.escaped(SwiftNames.bare(SwiftNames.enumCase("sse"))),
                    "the body's `\(properties[index].name)` is `sse`")
        }
        return nil
    }

    /// The body a method sends when the docs offer several media types: JSON, whose types say the most, then
    /// multipart, form, and anything else (`application/sdp`) last.
    static func preferredBody(_ endpoint: Endpoint) -> RequestBody? {
        let rank = { (body: RequestBody) -> Int in
            switch BodyKind(body.mediaType) {
            case .json: 0
            case .multipart: 1
            case .form: 2
            case .text: 3
            case .binary: 4
            }
        }
        return endpoint.requestBodies.enumerated().min { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }?.element
    }

    enum BodyKind {
        case json, multipart, form, text, binary

        init(_ mediaType: String) {
            let type = mediaType.split(separator: ";").first.map { $0.lowercased().filter { $0 != " " } } ?? ""
            if type == "application/json" || type.hasSuffix("+json") {
                self = .json
            } else if type == "multipart/form-data" {
                self = .multipart
            } else if type == "application/x-www-form-urlencoded" {
                self = .form
            } else if type.hasPrefix("text/") || ["application/sdp", "application/xml", "application/jsonl"].contains(type) {
                self = .text
            } else {
                self = .binary
            }
        }
    }

    mutating func bodyPlan(_ body: RequestBody, stem: String, scope: inout TypeBuilder.Scope) -> BodyPlan {
        let kind = BodyKind(body.mediaType)
        let literal = SwiftNames.stringLiteral(body.mediaType)
        let structured = body.schema.kind == .object || body.schema.kind == .union
        switch kind {
        case .text where !structured:
            return BodyPlan(parameter: "body: String", statements: [], argument: "Data(body.utf8)", contentType: literal)
        case .binary where !structured:
            return BodyPlan(parameter: "body: Data", statements: [], argument: "body", contentType: literal)
        default:
            break
        }
        let typeName = types.topLevelName(for: body.schema, preferred: stem + "Request", fallbackPrefix: "")
        let bodyType = types.typeReference(for: body.schema, suggestedName: typeName, in: &scope)
        let properties = body.schema.properties ?? []
        let members = TypeBuilder.memberNames(properties)
        var streamFlag: (statement: String, note: String)?
        if !bodyType.hasPrefix("["), let (index, value, note) = Self.streamSwitch(properties) {
            let member = SwiftNames.escaped(members[index])
            let nullableOptional = !properties[index].required && properties[index].schema.nullable
            streamFlag = ("body.\(member) = \(nullableOptional ? ".value(\(value))" : value)", note)
        }
        switch kind {
        case .multipart where properties.isEmpty && bodyType == "[String: JSONValue]":
            return BodyPlan(parameter: "body: \(bodyType)", statements: ["var form = MultipartFormData()", "form.add(undocumented: body)"],
                            argument: "form.encoded()", contentType: "form.contentType")
        case .form where properties.isEmpty && bodyType == "[String: JSONValue]":
            return BodyPlan(parameter: "body: \(bodyType)", statements: ["var form = QueryBuilder()", "form.add(undocumented: body)"],
                            argument: "FormURLEncoding.body(form)", contentType: "FormURLEncoding.contentType")
        case .multipart where !properties.isEmpty:
            var statements = ["var form = MultipartFormData()"]
            for (property, member) in zip(properties, members) {
                let key = SwiftNames.stringLiteral(property.name)
                let value = "body.\(SwiftNames.escaped(member))"
                if property.schema.isFile {
                    statements.append("form.add(\(key), file: \(value))")
                } else if property.schema.itemSchema?.isFile == true || property.schema.variants?.contains(where: { $0.isFile }) == true {
                    statements.append("form.add(\(key), files: \(value))")
                } else {
                    statements.append("try form.add(\(key), value: \(value))")
                }
            }
            statements.append("form.add(undocumented: body.additionalProperties)")
            return BodyPlan(parameter: "body: \(bodyType)", statements: statements, argument: "form.encoded()",
                            contentType: "form.contentType", streamFlag: streamFlag)
        case .form where !properties.isEmpty:
            var statements = ["var form = QueryBuilder()"]
            for (property, member) in zip(properties, members) {
                statements.append("try form.add(\(SwiftNames.stringLiteral(property.name)), value: body.\(SwiftNames.escaped(member)))")
            }
            statements.append("form.add(undocumented: body.additionalProperties)")
            return BodyPlan(parameter: "body: \(bodyType)", statements: statements, argument: "FormURLEncoding.body(form)",
                            contentType: "FormURLEncoding.contentType", streamFlag: streamFlag)
        default:
            // JSON, and structured bodies of any other media type, are sent as JSON text.
            return BodyPlan(parameter: "body: \(bodyType)", statements: ["let encodedBody = try JSONCoding.encode(body)"],
                            argument: "encodedBody", contentType: literal, streamFlag: streamFlag)
        }
    }
}

extension ModuleRenderer.MethodParts {
    /// Adds the body parameter after the path parameters.
    mutating func insertBody(_ plan: ModuleRenderer.BodyPlan, mediaType: String, at index: Int) {
        parameters.insert(plan.parameter, at: index)
        docParameters.insert("  - \(plan.parameter.prefix { $0 != ":" }): The request body (\(mediaType)).", at: index)
        body = plan
    }

    /// The same parts with another body in place of this one.
    func replacingBody(with plan: ModuleRenderer.BodyPlan, mediaType: String, pathParameters: Int) -> Self {
        var copy = self
        if copy.body != nil {
            copy.parameters.remove(at: pathParameters)
            copy.docParameters.remove(at: pathParameters)
        }
        copy.streamQueryParameter = nil
        copy.insertBody(plan, mediaType: mediaType, at: pathParameters)
        return copy
    }
}

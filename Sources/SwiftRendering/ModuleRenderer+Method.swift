import JSONSyntax
import SpecModel

extension ModuleRenderer {
    /// The method an endpoint adds to its resource: parameters from path and query, validation of what the
    /// docs bound, the request, and for cursor pages a second method over all items.
    mutating func method(
        _ endpoint: Endpoint, stem: String, returnType: String, cursorPage: CursorPageModel?, scope: inout TypeBuilder.Scope
    ) -> MethodModel {
        let name = SwiftNames.member(endpoint.id.split(separator: ".").last.map(String.init) ?? "call")
        var parameters: [String] = []
        var validations: [String] = []
        var queryStatements: [String] = []
        var argumentNames: [String: String] = [:]
        var callArguments: [String] = []
        var docParameters: [String] = []
        var afterArgument: String?

        let ordered = endpoint.parameters.filter { $0.location == .path } + endpoint.parameters.filter { $0.location != .path }
        for parameter in ordered {
            let member = SwiftNames.member(parameter.name)
            argumentNames[parameter.name] = member
            let suggested = stem + SwiftNames.type(parameter.name)
            var valueType: String
            if parameter.schema.kind == .string, let values = parameter.schema.enumValues, values.count > 1 {
                let typeName = types.existingName(for: parameter.schema) ?? types.claimTopLevelName(suggested, fallbackPrefix: "")
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
            parameters.append(declaration)
            callArguments.append("\(member): \(member)")
            if parameter.name == "after", parameter.location == .query { afterArgument = member }
            docParameters.append("  - \(SwiftNames.bare(member)): " + (parameter.description?.split(separator: "\n").joined(separator: " ") ?? parameter.name))

            // Validation of what the docs state, before anything is sent.
            if parameter.location == .path, valueType == "String" {
                validations.append("try Validate.nonEmpty(\(member), name: \(SwiftNames.stringLiteral(SwiftNames.bare(member))))")
            }
            let bounds = parameter.schema.constraints
            if bounds.minimum != nil || bounds.maximum != nil, valueType == "Int" || valueType == "Double" {
                let format = { (value: Double?) -> String in
                    guard let value else { return "nil" }
                    return valueType == "Int" ? String(Int(value)) : String(value)
                }
                validations.append("try Validate.range(\(member), name: \(SwiftNames.stringLiteral(SwiftNames.bare(member))), min: \(format(bounds.minimum)), max: \(format(bounds.maximum)))")
            }
            if bounds.minLength != nil || bounds.maxLength != nil, valueType == "String" {
                validations.append("try Validate.length(\(member), name: \(SwiftNames.stringLiteral(SwiftNames.bare(member))), min: \(bounds.minLength.map(String.init) ?? "nil"), max: \(bounds.maxLength.map(String.init) ?? "nil"))")
            }
            if parameter.location == .query {
                let key = SwiftNames.stringLiteral(parameter.name)
                let arrayName = parameter.name.hasSuffix("[]") ? parameter.name : parameter.name + "[]"
                if valueType.hasPrefix("[String: ") {
                    // An object in the query is written member by member: `effective_at[gt]=1`.
                    let unwrapped = optional ? "(\(member) ?? [:])" : member
                    let base = SwiftNames.stringLiteral(parameter.name).dropLast()
                    queryStatements.append("for (name, value) in \(unwrapped).sorted(by: { $0.key < $1.key }) { query.add(\(base)[\\(name)]\", value.stringValue ?? value.description) }")
                } else if valueType.hasPrefix("[") {
                    let unwrapped = optional ? "\(member) ?? []" : member
                    queryStatements.append("for element in \(unwrapped) { query.add(\(SwiftNames.stringLiteral(arrayName)), element) }")
                } else {
                    queryStatements.append("query.add(\(key), \(member))")
                }
            }
        }
        parameters.append("options: RequestOptions? = nil")

        var headerEntries = endpoint.headers.map { "\(SwiftNames.stringLiteral($0.name)): \(SwiftNames.stringLiteral($0.value))" }
        if headerEntries.isEmpty { headerEntries = [":"] }
        var arguments = [
            "method: \(SwiftNames.stringLiteral(endpoint.method))",
            "path: \(naming.pathExpression(endpoint, argumentNames: argumentNames))",
            "query: \(queryStatements.isEmpty ? "[]" : "query.items")",
            "headers: [\(headerEntries.joined(separator: ", "))]",
        ]
        var bodyStatements: [String] = []
        if let body = endpoint.requestBodies.first {
            let bodyType: String
            if body.mediaType.hasSuffix("json") {
                let typeName = types.existingName(for: body.schema) ?? types.claimTopLevelName(stem + "Request", fallbackPrefix: "")
                bodyType = types.typeReference(for: body.schema, suggestedName: typeName, in: &scope)
                bodyStatements.append("let encodedBody = try JSONCoding.encode(body)")
            } else {
                bodyType = "Data"
            }
            parameters.insert("body: \(bodyType)", at: endpoint.parameters.filter { $0.location == .path }.count)
            arguments.append("body: \(bodyType == "Data" ? "body" : "encodedBody")")
            arguments.append("contentType: \(SwiftNames.stringLiteral(body.mediaType))")
        }

        let returns = returnType == "HTTPResponse" ? "HTTPResponse" : "APIResponse<\(returnType)>"
        var docs = DocComment.lines(endpoint.description ?? endpoint.title)
        docs.append("")
        docs.append("- Parameters:")
        docs += docParameters
        docs.append("  - options: Timeout, retries and headers for this request only.")
        if let returnsText = endpoint.returns?.description, !returnsText.isEmpty {
            docs.append("- Returns: " + returnsText.split(separator: "\n").joined(separator: " "))
        }
        docs.append("- Remark: HTTP `\(endpoint.method) \(endpoint.path)`, generated from `\(endpoint.location.fileAndLine)`.")

        var autoPaging: AutoPagingModel?
        if cursorPage != nil, let afterArgument {
            autoPaging = AutoPagingModel(
                name: SwiftNames.bare(name) + "AutoPaging",
                docLines: ["All items of `\(SwiftNames.bare(name))`, page after page: the next page is fetched only when the",
                           "sequence reaches it, with `\(afterArgument)` set to the last item of the page before.",
                           "",
                           "- Remark: HTTP `\(endpoint.method) \(endpoint.path)`, generated from `\(endpoint.location.fileAndLine)`."],
                parameters: parameters.filter { !$0.hasPrefix("body:") }.joined(separator: ", "),
                sequenceType: "CursorPageSequence<\(returnType)>",
                afterParameter: afterArgument,
                callArguments: (callArguments.map { $0 == "\(afterArgument): \(afterArgument)" ? "\(afterArgument): cursor" : $0 } + ["options: options"]).joined(separator: ", "),
                baseMethod: SwiftNames.bare(name)
            )
        }
        return MethodModel(
            name: name, docLines: docs, parameters: parameters.joined(separator: ", "), returnType: returns,
            validations: validations, usesQuery: !queryStatements.isEmpty, queryStatements: queryStatements,
            bodyStatements: bodyStatements,
            requestArguments: arguments.enumerated().map { $0.offset == arguments.count - 1 ? $0.element : $0.element + "," },
            sendExpression: returnType == "HTTPResponse" ? "try await core.sendRaw(request, options: options)" : "try await core.send(request, options: options)",
            autoPaging: autoPaging
        )
    }
}

import MarkdownSyntax
import SpecModel

extension PageParser {
    mutating func readEndpointSections(_ sections: [Section], into endpoint: inout Endpoint) {
        for section in sections {
            switch section.title {
            case "Parameters":
                endpoint.parameters += parameters(section)
            case "Request body":
                endpoint.requestBodies += requestBodies(section)
            case "Responses":
                let (responses, examples) = self.responses(section)
                endpoint.responses += responses
                endpoint.examples += examples
            case "Returns":
                endpoint.returns = Returns(
                    description: MarkdownNode.blockMarkdown(section.blocks),
                    links: links(in: section.blocks),
                    location: location(section.heading.start)
                )
            case "Examples":
                endpoint.examples += examples(section)
            default:
                notUnderstood("section '## \(section.title)' on an endpoint page", at: section.heading.start)
            }
        }
        let curl = CurlCommand.requests(in: endpoint.examples, parser: &self)
        endpoint.headers = curl.headers
        endpoint.baseURL = curl.baseURL(for: endpoint.path)
        for (url, location) in curl.urls where !CurlSummary.url(url, matches: endpoint.path) {
            diagnostics.warning(.nonConformingExample, at: location,
                                "curl example calls \(url), which does not match \(endpoint.method) \(endpoint.path)")
        }
        checkPathParameters(of: endpoint)
    }

    /// Every `{name}` in the path needs a path parameter, and every path parameter a `{name}`.
    private mutating func checkPathParameters(of endpoint: Endpoint) {
        let declared = endpoint.parameters.filter { $0.location == .path }
        for name in endpoint.pathTemplateParameters where !declared.contains(where: { $0.name == name }) {
            diagnostics.warning(.notUnderstood, at: endpoint.location,
                                "path parameter '{\(name)}' of \(endpoint.path) is not listed under '## Parameters'")
        }
        for parameter in declared where !endpoint.pathTemplateParameters.contains(parameter.name) {
            diagnostics.warning(.notUnderstood, at: parameter.source,
                                "path parameter '\(parameter.name)' does not appear in \(endpoint.path)")
        }
    }

    private mutating func parameters(_ section: Section) -> [Parameter] {
        var result: [Parameter] = []
        for block in section.blocks {
            guard block.isList else {
                notUnderstood("\(Self.describe(block)) in '## Parameters'", at: block.start)
                continue
            }
            for item in block.children {
                guard case .field(let line) = ListItemRole(item: item) else {
                    notUnderstood("a bullet that is not a parameter in '## Parameters'", at: item.start)
                    continue
                }
                let property = schemas.property(line, item: item)
                guard let where_ = line.location, let location = Parameter.Location(rawValue: where_) else {
                    notUnderstood("parameter '\(line.name)' has no location (path, query, header or cookie)", at: line.start)
                    continue
                }
                if let first = result.first(where: { $0.name == line.name && $0.location == location }) {
                    diagnostics.error(.duplicateField, at: property.location,
                                      "duplicate parameter '\(line.name)' (first defined at line \(first.source.line))")
                    continue
                }
                result.append(Parameter(name: line.name, location: location, required: property.required,
                                        schema: property.schema, source: property.location))
            }
        }
        return result
    }

    private mutating func requestBodies(_ section: Section) -> [RequestBody] {
        let (leading, mediaTypes) = Section.split(section.blocks, level: 3)
        for block in leading { notUnderstood("\(Self.describe(block)) before a media type in '## Request body'", at: block.start) }
        return mediaTypes.map { media in
            var schema = bodySchema(media.blocks, at: media.heading.start)
            if media.title.hasPrefix("multipart/") { FileFields.mark(in: &schema) }
            return RequestBody(mediaType: media.title, schema: schema, location: location(media.heading.start))
        }
    }

    private mutating func responses(_ section: Section) -> ([Response], [Example]) {
        var responses: [Response] = []
        var examples: [Example] = []
        let (leading, statuses) = Section.split(section.blocks, level: 3)
        for block in leading { notUnderstood("\(Self.describe(block)) before a status in '## Responses'", at: block.start) }
        for status in statuses {
            let statusCode = status.title == "Default" ? "default" : status.title
            let (prose, mediaTypes) = Section.split(status.blocks, level: 4)
            let summary = MarkdownNode.blockMarkdown(prose)
            for media in mediaTypes {
                // `Example:` and its code block follow the field list.
                var schemaBlocks: [MarkdownNode] = []
                var blocks = media.blocks[...]
                while let block = blocks.popFirst() {
                    if block.kind == .paragraph, block.inlineMarkdown == "Example:" {
                        if let code = blocks.first, case .codeBlock(let info) = code.kind {
                            blocks.removeFirst()
                            var example = Example(role: .responseSchema, name: nil, language: Self.language(info),
                                                  code: code.literal, location: location(code.start))
                            example.codeLine = code.codeStartLine
                            example.status = statusCode
                            example.mediaType = media.title
                            examples.append(example)
                        } else {
                            notUnderstood("'Example:' without a code block after it", at: block.start)
                        }
                    } else {
                        schemaBlocks.append(block)
                    }
                }
                responses.append(Response(status: statusCode, summary: summary.isEmpty ? nil : summary, mediaType: media.title,
                                          schema: bodySchema(schemaBlocks, at: media.heading.start),
                                          location: location(media.heading.start)))
            }
            if mediaTypes.isEmpty {
                // A status with prose only (`### 204 No content`) has no body.
                responses.append(Response(status: statusCode, summary: summary.isEmpty ? nil : summary, mediaType: nil,
                                          schema: nil, location: location(status.heading.start)))
            }
        }
        return (responses, examples)
    }

    /// `### name`, then `#### Request (curl)` / `#### Response` headings, each followed by a code block.
    private mutating func examples(_ section: Section) -> [Example] {
        var result: [Example] = []
        let (leading, named) = Section.split(section.blocks, level: 3)
        for block in leading { notUnderstood("\(Self.describe(block)) before an example name in '## Examples'", at: block.start) }
        for example in named {
            let (prose, parts) = Section.split(example.blocks, level: 4)
            for block in prose { notUnderstood("\(Self.describe(block)) in example '\(example.title)'", at: block.start) }
            for part in parts {
                let role: Example.Role
                if part.title == "Response" {
                    role = .response
                } else if part.title.hasPrefix("Request") {
                    role = .request
                } else {
                    notUnderstood("heading '#### \(part.title)' in example '\(example.title)'", at: part.heading.start)
                    continue
                }
                for block in part.blocks {
                    guard case .codeBlock(let info) = block.kind else {
                        notUnderstood("\(Self.describe(block)) in '#### \(part.title)'", at: block.start)
                        continue
                    }
                    // `#### Request (curl)` names the language better than the fence (`bash`).
                    var language = Self.language(info)
                    if role == .request, let open = part.title.firstIndex(of: "("), part.title.hasSuffix(")") {
                        language = String(part.title[part.title.index(after: open)..<part.title.index(before: part.title.endIndex)])
                    }
                    var parsed = Example(role: role, name: example.title, language: language, code: block.literal,
                                         location: location(block.start))
                    parsed.codeLine = block.codeStartLine
                    result.append(parsed)
                }
            }
        }
        return result
    }
}

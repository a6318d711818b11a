import SpecModel

/// What changes between two versions of the docs for a user of the SDK generated from them: compares the two
/// models (not the Swift text), page by page and member by member, and classifies each change
/// (`SpecChange.Severity`).
///
/// How severity follows from the change, for a member of a request (what callers build) and of a response
/// (what the SDK decodes):
///
/// | change | request | response |
/// | --- | --- | --- |
/// | added, required | breaking (a new argument) | breaking (the memberwise initializer; old payloads lack it) |
/// | added, optional | additive | additive |
/// | removed, renamed, another type | breaking | breaking |
/// | optional -> required | breaking | wire |
/// | required -> optional | additive | breaking (the property becomes optional) |
/// | nullable -> non-null | breaking | wire |
/// | non-null -> nullable | breaking (`Nullable`) | breaking (optional) |
/// | enum value removed / added | breaking / additive | breaking / additive |
/// | constant changed | breaking | wire |
/// | union variant removed / added | breaking / additive | breaking / additive |
/// | description, default, bounds | documentation | documentation |
///
/// A member removed and another added beside it with the same structure and required flag is one rename.
/// Pages are matched by identity (their path); an endpoint whose page moved is matched by method and path.
public enum SpecDiff {
    public static func changes(from old: APISpec, to new: APISpec) -> [SpecChange] {
        var differ = Differ()
        differ.endpoints(old.endpoints, new.endpoints)
        differ.objects(old.objects, new.objects)
        return differ.changes
    }
}

/// What a schema is part of: what callers build, or what the SDK decodes.
enum Direction {
    case request, response
}

struct Differ {
    var changes: [SpecChange] = []
    /// The page being compared, and the part of it: what `record` names the changes' targets from.
    var page: String?
    var part: Part = .page

    enum Part: Equatable {
        case page, parameter(String), request, response
    }

    /// The section of the reference a page is in: its first folder.
    static func section(_ location: SourceLocation) -> String {
        let components = location.file.split(separator: "/")
        return components.count > 1 ? String(components[0]) : "(top level)"
    }

    /// `memberPath`: the JSON path of the member inside the current part, for a change of a member.
    mutating func record(_ severity: SpecChange.Severity, _ kind: SpecChange.Kind, _ subject: String, _ detail: String,
                         old: SourceLocation?, new: SourceLocation?, memberPath: String? = nil) {
        let section = Self.section(new ?? old!)
        var change = SpecChange(severity, kind, section: section, subject: subject, detail: detail, old: old, new: new)
        change.page = page
        switch part {
        case .page: change.target = .page
        case .parameter(let name): change.target = .parameter(name)
        case .request: change.target = memberPath.map { $0.isEmpty ? .page : .requestMember($0) } ?? .page
        case .response: change.target = memberPath.map { $0.isEmpty ? .page : .responseMember($0) } ?? .page
        }
        changes.append(change)
    }

    // MARK: - Pages

    mutating func endpoints(_ old: [Endpoint], _ new: [Endpoint]) {
        var unmatchedNew = new
        var unmatchedOld: [Endpoint] = []
        for endpoint in old {
            if let index = unmatchedNew.firstIndex(where: { $0.id == endpoint.id })
                ?? unmatchedNew.firstIndex(where: { $0.method == endpoint.method && $0.path == endpoint.path }) {
                self.endpoint(endpoint, unmatchedNew.remove(at: index))
            } else {
                unmatchedOld.append(endpoint)
            }
        }
        for endpoint in unmatchedOld {
            (page, part) = (endpoint.id, .page)
            record(.breaking, .removed, Self.name(endpoint), "the endpoint is gone", old: endpoint.location, new: nil)
        }
        for endpoint in unmatchedNew {
            (page, part) = (endpoint.id, .page)
            record(.additive, .added, Self.name(endpoint), "a new endpoint: \(endpoint.title)", old: nil, new: endpoint.location)
        }
    }

    static func name(_ endpoint: Endpoint) -> String { "`\(endpoint.method) \(endpoint.path)`" }

    mutating func endpoint(_ old: Endpoint, _ new: Endpoint) {
        let name = Self.name(new)
        (page, part) = (new.id, .page)
        if old.method != new.method || old.path != new.path {
            record(.wire, .changed, name, "was `\(old.method) \(old.path)`: requests go to the new path", old: old.location, new: new.location)
        }
        if old.title != new.title || old.description != new.description {
            record(.documentation, .changed, name, "description", old: old.location, new: new.location)
        }
        parameters(old.parameters, new.parameters, of: name)
        part = .request
        for body in old.requestBodies {
            guard let counterpart = new.requestBodies.first(where: { $0.mediaType == body.mediaType }) else {
                record(.breaking, .removed, name, "the \(body.mediaType) request body is gone", old: body.location, new: nil)
                continue
            }
            schema(body.schema, counterpart.schema, "\(name) \(body.mediaType) request body", path: "", .request)
        }
        for body in new.requestBodies where !old.requestBodies.contains(where: { $0.mediaType == body.mediaType }) {
            let severity: SpecChange.Severity = old.requestBodies.isEmpty ? .breaking : .additive
            record(severity, .added, name, "a \(body.mediaType) request body", old: nil, new: body.location)
        }
        part = .response
        for response in old.responses {
            let label = "\(name) \(response.status)\(response.mediaType.map { " \($0)" } ?? "") response"
            guard let counterpart = new.responses.first(where: { $0.status == response.status && $0.mediaType == response.mediaType }) else {
                record(.breaking, .removed, name, "the \(response.status) response\(response.mediaType.map { " (\($0))" } ?? "") is gone", old: response.location, new: nil)
                continue
            }
            if let oldSchema = response.schema, let newSchema = counterpart.schema {
                schema(oldSchema, newSchema, label, path: "", .response)
            }
        }
        for response in new.responses where !old.responses.contains(where: { $0.status == response.status && $0.mediaType == response.mediaType }) {
            record(.additive, .added, name, "a \(response.status) response\(response.mediaType.map { " (\($0))" } ?? "")", old: nil, new: response.location)
        }
        part = .page
        let oldHeaders = old.headers.map { "\($0.name): \($0.value)" }, newHeaders = new.headers.map { "\($0.name): \($0.value)" }
        if oldHeaders != newHeaders {
            record(.wire, .changed, name, "headers sent with every request: \(Self.list(oldHeaders)) -> \(Self.list(newHeaders))",
                   old: old.headers.first?.location ?? old.location, new: new.headers.first?.location ?? new.location)
        }
    }

    mutating func parameters(_ old: [Parameter], _ new: [Parameter], of endpoint: String) {
        for parameter in old {
            part = .parameter(parameter.name)
            let subject = "\(endpoint): \(parameter.location.rawValue) parameter `\(parameter.name)`"
            guard let counterpart = new.first(where: { $0.name == parameter.name && $0.location == parameter.location }) else {
                record(.breaking, .removed, subject, "removed", old: parameter.source, new: nil)
                continue
            }
            if parameter.required != counterpart.required {
                record(counterpart.required ? .breaking : .additive, .changed, subject,
                       counterpart.required ? "optional -> required" : "required -> optional", old: parameter.source, new: counterpart.source)
            }
            schema(parameter.schema, counterpart.schema, subject, path: nil, .request)
        }
        for parameter in new where !old.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
            part = .parameter(parameter.name)
            record(parameter.required ? .breaking : .additive, .added,
                   "\(endpoint): \(parameter.location.rawValue) parameter `\(parameter.name)`",
                   parameter.required ? "added, required" : "added, optional", old: nil, new: parameter.source)
        }
    }

    mutating func objects(_ old: [ObjectPage], _ new: [ObjectPage]) {
        for page in old {
            (self.page, part) = (page.id, .response)
            guard let counterpart = new.first(where: { $0.id == page.id }) else {
                record(.breaking, .removed, "\(page.title) (`\(page.id)`)", "the object page is gone", old: page.location, new: nil)
                continue
            }
            if page.description != counterpart.description || page.title != counterpart.title {
                record(.documentation, .changed, counterpart.title, "description", old: page.location, new: counterpart.location)
            }
            schema(page.schema, counterpart.schema, counterpart.title, path: "", .response)
        }
        for page in new where !old.contains(where: { $0.id == page.id }) {
            (self.page, part) = (page.id, .page)
            record(.additive, .added, "\(page.title) (`\(page.id)`)", "a new object page", old: nil, new: page.location)
        }
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}

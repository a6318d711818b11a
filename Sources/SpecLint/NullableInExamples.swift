import SpecModel

/// A member typed non-null that a JSON example of its page shows as `null` is generated as nullable:
/// the example is what the API sent when the docs were written (`next_page` on the usage pages, `null` on the
/// last page). Like `NullableInProse`, a correction the docs themselves carry: `lint` warns at the member's
/// line, naming the example's `null`, and the IR keeps the docs as written with the correction beside them.
///
/// Response and object examples only (requests show what a caller may send, not what the API does), and only
/// where the path leads to one member: through a union, the one variant that has it. Optional members too,
/// unlike `NullableInProse` (whose "defaults to null" of an optional member means "left out"): an example's
/// `null` is what arrived, and a non-null optional member would decode it as absent and write it back so, or,
/// decoding tolerantly, report it in every response.
public enum NullableInExamples {
    /// `spec` with the members corrected, the warnings added; nil when nothing was corrected.
    public static func apply(to spec: APISpec, findings: [ExampleLint.Finding]) -> APISpec? {
        var spec = spec
        var changed = false
        for finding in findings {
            for mismatch in finding.mismatches where mismatch.reason == .unexpectedNull {
                guard let path = memberPath(mismatch.path) else { continue }
                let example = finding.example
                let shownAt = ExampleLint.location(of: mismatch, in: example)
                var diagnostic: Diagnostic?
                let correct = { (property: inout Property) -> MemberWalk in
                    guard !property.schema.nullable, property.schema.kind != .any else { return .applied(changed: false) }
                    property.schema.nullable = true
                    property.schema.corrections.append(Correction(.nullable, from: .example, at: shownAt, documentedFlag: false))
                    diagnostic = Diagnostic(.warning, .correctedFact, at: property.location,
                                            "`\(property.name)` is documented as non-null, but the example at \(shownAt.fileAndLine) shows it null: generated as nullable")
                    return .applied(changed: true)
                }
                modifyRoot(of: example, in: &spec) { schema in _ = schema.modifyMember(at: path.steps[...], correct) }
                if let diagnostic {
                    spec.diagnostics.append(diagnostic)
                    changed = true
                }
            }
        }
        return changed ? spec : nil
    }

    /// The schema `example` illustrates, as `ExampleLint.findings(for:)` chose it, handed to `body`.
    static func modifyRoot(of example: Example, in spec: inout APISpec, _ body: (inout Schema) -> Void) {
        if example.role == .object {
            guard let index = spec.objects.firstIndex(where: { $0.examples.contains(example) }) else { return }
            body(&spec.objects[index].schema)
            return
        }
        guard let index = spec.endpoints.firstIndex(where: { $0.examples.contains(example) }),
              let chosen = ExampleLint.schema(for: example, in: spec.endpoints[index]),
              let response = spec.endpoints[index].responses.firstIndex(where: { $0.schema == chosen }) else { return }
        body(&spec.endpoints[index].responses[response].schema!)
    }

    /// The member path of a JSON path that ends at a member: `$.data[0].next_page` is `data[].next_page`.
    static func memberPath(_ jsonPath: String) -> MemberPath? {
        guard jsonPath.hasPrefix("$") else { return nil }
        var steps: [MemberPath.Step] = []
        var rest = jsonPath.dropFirst()
        while let first = rest.first {
            if first == "[" {
                guard let close = rest.firstIndex(of: "]"), Int(rest[rest.index(after: rest.startIndex)..<close]) != nil else { return nil }
                steps.append(.items)
                rest = rest[rest.index(after: close)...]
            } else if first == "." {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                guard end > rest.startIndex else { return nil }
                steps.append(.member(String(rest[..<end])))
                rest = rest[end...]
            } else {
                return nil
            }
        }
        guard case .member? = steps.last else { return nil }
        return MemberPath(steps: steps)
    }
}

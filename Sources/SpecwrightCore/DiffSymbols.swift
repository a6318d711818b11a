import SpecDiff
import SpecModel
import SwiftRendering

/// Names the Swift symbol each change of `specwright diff` touches, as the module generated from that side
/// of the docs declares it: `client.chatkit.threads.list(order:)` for a parameter, `ChatKitThread.createdAt`
/// for a member of an object page, `ChatKitThreadPage.data[].user` for a member of a response.
///
/// Endpoint names follow from the page alone (`SwiftSymbols`); type names need the whole module rendered
/// (a type's name depends on the others), so each side is rendered at most once, and only when a change
/// needs a type.
public enum DiffSymbols {
    public static func annotate(_ changes: [SpecChange], old: APISpec, new: APISpec) -> [SpecChange] {
        var types: [Bool: [String: String]] = [:]
        func pageTypes(newSide: Bool) -> [String: String] {
            if let known = types[newSide] { return known }
            let rendered = ModuleRenderer.render(newSide ? new : old, options: RenderOptions(moduleName: "API"), exampleFindings: [])
            types[newSide] = rendered.pageTypes
            return rendered.pageTypes
        }
        return changes.map { change in
            var change = change
            guard let page = change.page else { return change }
            let newSide = change.new != nil
            let spec = newSide ? new : old
            if let endpoint = spec.endpoints.first(where: { $0.id == page }) {
                let call = SwiftSymbols.call(endpoint)
                switch change.target {
                case .page: change.symbol = call
                case .parameter(let name): change.symbol = "\(call)(\(SwiftSymbols.member(name)):)"
                case .requestMember(let path): change.symbol = "\(call)(body:), .\(SwiftSymbols.memberPath(path))"
                case .responseMember(let path):
                    change.symbol = pageTypes(newSide: newSide)[page].map { "\($0).\(SwiftSymbols.memberPath(path))" } ?? call
                }
            } else if spec.objects.contains(where: { $0.id == page }), let type = pageTypes(newSide: newSide)[page] {
                switch change.target {
                case .responseMember(let path), .requestMember(let path): change.symbol = "\(type).\(SwiftSymbols.memberPath(path))"
                case .page, .parameter: change.symbol = type
                }
            }
            return change
        }
    }
}

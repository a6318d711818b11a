import SpecModel

/// The Swift names the generated code gives the docs' endpoints and members, for tools that speak of both
/// (`specwright diff` names the symbol each change touches). The renderer takes its method and resource names
/// from here, so the two cannot drift apart.
public enum SwiftSymbols {
    /// An endpoint's method: the last part of its page identity (`chatkit.threads.list` -> `list`).
    public static func methodName(_ endpoint: Endpoint) -> String {
        SwiftNames.member(endpoint.id.split(separator: ".").last.map(String.init) ?? "call")
    }

    /// The property of a resource on its parent (`threads`).
    public static func resourceProperty(_ component: String) -> String {
        SwiftNames.member(component)
    }

    /// `client.chatkit.threads.list`: how a caller reaches an endpoint's method.
    public static func call(_ endpoint: Endpoint) -> String {
        let path = Naming.resourcePath(endpoint).map { SwiftNames.bare(resourceProperty($0)) }
        return (["client"] + path + [SwiftNames.bare(methodName(endpoint))]).joined(separator: ".")
    }

    /// A member's or parameter's Swift name: `created_at` -> `createdAt`.
    public static func member(_ jsonName: String) -> String {
        SwiftNames.bare(SwiftNames.member(jsonName))
    }

    /// A member path in Swift names: `data[].created_at` -> `data[].createdAt`.
    public static func memberPath(_ jsonPath: String) -> String {
        jsonPath.split(separator: ".", omittingEmptySubsequences: false).map { part -> String in
            var name = Substring(part)
            var arrays = ""
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                arrays += "[]"
            }
            return member(String(name)) + arrays
        }.joined(separator: ".")
    }
}

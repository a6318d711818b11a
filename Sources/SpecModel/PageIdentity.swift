// This file is compiled twice: into SpecModel, and (through a symbolic link) into the build plugin, which must
// name its output files before the generator runs. One rule, so the two can never disagree. Foundation-free.

/// Page identities and generated file names, from spec file paths alone.
public enum PageIdentity {
    /// `chatkit/threads/retrieve.md` -> `chatkit.threads.retrieve`; an index page is named after its folder
    /// (`chatkit/index.md` -> `chatkit`).
    public static func id(forPath path: String) -> String {
        // On UTF-8 bytes: splitting on the Character "/" walks grapheme clusters, many times slower.
        var components = path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        if var last = components.popLast() {
            if last.hasSuffix(".md") { last.removeLast(3) }
            if last != "index" || components.isEmpty { components.append(last) }
        }
        return components.joined(separator: ".")
    }

    /// The library file generated for the page at `path`: `chatkit.threads.retrieve.swift`.
    public static func libraryFileName(forPath path: String) -> String { id(forPath: path) + ".swift" }

    /// The round-trip test file generated for the page at `path`.
    public static func testFileName(forPath path: String) -> String { id(forPath: path) + ".RoundTripTests.swift" }

    /// The shared file of the client, generated once per module when the client is.
    public static let clientFileName = "Client.swift"
}

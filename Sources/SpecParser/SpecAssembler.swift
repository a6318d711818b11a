import Dispatch
import SpecModel
import Synchronization

/// A spec file's text and its path relative to the folder the user named.
public struct SpecFile: Sendable {
    public var path: String
    public var text: String
    /// Where the file is on disk, when it came from disk: for diagnostics with absolute paths.
    public var absolutePath: String?
    /// The file is an overlay (`OverlayParser`), not a page: named `*.overlay.md` in a specs folder, or
    /// given as one.
    public var isOverlay: Bool

    public init(path: String, text: String, absolutePath: String? = nil, isOverlay: Bool? = nil) {
        self.path = path
        self.text = text
        self.absolutePath = absolutePath
        self.isOverlay = isOverlay ?? Self.isOverlayName(path)
    }

    /// Whether a file of a specs folder named `path` is an overlay: `*.overlay.md`.
    public static func isOverlayName(_ path: String) -> Bool { path.hasSuffix(".overlay.md") }
}

/// Parses a set of pages and joins them into one model: sorted by identity, links between pages
/// resolved, duplicate identities reported.
public enum SpecAssembler {
    /// Pages are independent, so they are parsed on all cores; the result does not depend on the order
    /// in which they finish.
    public static func assemble(_ files: [SpecFile]) -> APISpec {
        let parsed = Mutex<[(index: Int, page: Page?, diagnostics: [Diagnostic])]>([])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (page, diagnostics) = PageParser.parse(files[index].text, path: files[index].path)
            parsed.withLock { $0.append((index, page, diagnostics)) }
        }
        let results = parsed.withLock { $0 }.sorted { $0.index < $1.index }
        return assemble(pages: results.compactMap(\.page), diagnostics: results.flatMap(\.diagnostics))
    }

    /// Joins parsed pages. Identities are unique per kind; the first page (by path) of an identity wins.
    public static func assemble(pages unsorted: [Page], diagnostics: [Diagnostic]) -> APISpec {
        var diagnostics = diagnostics
        let pages = unsorted.sorted { ($0.id, $0.location.file) < ($1.id, $1.location.file) }
        var byPath: [String: String] = [:]
        var seen: [String: SourceLocation] = [:]
        var spec = APISpec()
        for page in pages {
            byPath[page.location.file] = page.id
            if let first = seen[page.id] {
                diagnostics.append(Diagnostic(.error, .duplicateDefinition, at: page.location,
                                              "page identity '\(page.id)' is already defined by \(first.file)"))
                continue
            }
            seen[page.id] = page.location
            switch page {
            case .endpoint(let endpoint): spec.endpoints.append(endpoint)
            case .object(let object): spec.objects.append(object)
            case .index(let index): spec.indexes.append(index)
            case .guide(let guide): spec.guides.append(guide)
            }
        }
        for index in spec.endpoints.indices {
            guard var returns = spec.endpoints[index].returns else { continue }
            returns.links = resolve(returns.links, from: spec.endpoints[index].location.file, pages: byPath, diagnostics: &diagnostics)
            spec.endpoints[index].returns = returns
        }
        for index in spec.indexes.indices {
            spec.indexes[index].entries = resolve(spec.indexes[index].entries, from: spec.indexes[index].location.file,
                                                  pages: byPath, diagnostics: &diagnostics)
        }
        spec.diagnostics = diagnostics
        return spec
    }

    private static func resolve(
        _ links: [PageLink], from file: String, pages: [String: String], diagnostics: inout [Diagnostic]
    ) -> [PageLink] {
        links.map { link in
            var link = link
            let path = resolvePath(link.destination, relativeTo: file)
            link.target = pages[path]
            if link.target == nil {
                diagnostics.append(Diagnostic(.error, .unresolvedLink, at: link.location,
                                              "link '\(link.destination)' leads to no page (looked for \(path))"))
            }
            return link
        }
    }

    /// `object.md` from `chatkit/threads/retrieve.md` -> `chatkit/threads/object.md`; `..` goes up.
    static func resolvePath(_ destination: String, relativeTo file: String) -> String {
        // On UTF-8 bytes ("#" and "/" are ASCII): splitting on Characters walks grapheme clusters, slowly.
        let withoutFragment = Substring(destination.utf8.prefix { $0 != UInt8(ascii: "#") })
        var components = file.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { String(Substring($0)) }
        if withoutFragment.hasPrefix("/") { components = [] }
        for part in withoutFragment.utf8.split(separator: UInt8(ascii: "/")).map(Substring.init) {
            switch part {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }
}

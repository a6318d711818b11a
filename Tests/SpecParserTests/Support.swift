import Foundation
import SpecModel
@testable import SpecParser

/// The repository root, found from this file's path (Tests/SpecParserTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Parses one page and returns it with its diagnostics.
func parsePage(_ text: String, path: String = "test/page.md") -> (page: Page?, diagnostics: [Diagnostic]) {
    PageParser.parse(text, path: path)
}

/// An endpoint page around `sections`, in the format of the docs.
func endpointPage(_ sections: String, method: String = "GET", path: String = "/v1/things/{thing_id}") -> String {
    """
    # Retrieve a thing

    Source: https://example.com/docs/things/retrieve

    `\(method) \(path)`

    Retrieve a thing.

    \(sections)
    """
}

/// An object page whose properties are `fields`.
func objectPage(_ fields: String) -> String {
    """
    # The thing object

    Source: https://example.com/docs/things/object

    A thing.

    ## Properties
    \(fields)
    """
}

/// The properties of the object page `fields` makes; records an issue if parsing fails.
func properties(_ fields: String, diagnostics: inout [Diagnostic]) -> [Property] {
    let (page, found) = parsePage(objectPage(fields))
    diagnostics = found
    guard case .object(let object)? = page else { return [] }
    return object.schema.properties ?? []
}

extension Schema {
    /// The property called `name`, or a schema of kind `.any` when absent (so tests read straight).
    subscript(_ name: String) -> Schema {
        property(named: name)?.schema ?? Schema(.any, location: SourceLocation(file: "missing", line: 0))
    }
}

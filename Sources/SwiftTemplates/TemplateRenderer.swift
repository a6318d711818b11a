import Foundation
import Mustache
import SwiftRendering

/// Lays out render models with Mustache templates: the shipped ones, or a user's from `--templates DIR`.
/// The only module that imports the template library.
public struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary
    /// For each line-list variable a template lays out as one indented line per element, the indentation in
    /// front of `{{.}}` (see `linePrefix`).
    private let linePrefixes: [String: String]

    /// A template that does not parse, with where it fails.
    public struct TemplateError: Error, CustomStringConvertible {
        public var template: String
        public var line: Int
        public var column: Int
        public var message: String

        public var description: String { "\(template):\(line):\(column): error: \(message)" }
    }

    /// The shipped templates, each replaced by `directory/NAME.mustache` where that file exists.
    public init(overridesIn directory: URL? = nil) throws {
        var sources = DefaultTemplates.all.mapValues { (text: $0, path: "<built-in>") }
        if let directory {
            for name in DefaultTemplates.all.keys {
                let url = directory.appendingPathComponent(name + ".mustache")
                if let text = try? String(contentsOf: url, encoding: .utf8) {
                    sources[name] = (text, url.path)
                }
            }
        }
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source.text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(template: source.path == "<built-in>" ? "<built-in \(name)>" : source.path,
                                    line: error.context.lineNumber, column: error.context.columnNumber,
                                    message: "\(error.error)")
            }
        }
        self.library = library
        var prefixes: [String: String] = [:]
        for (template, variable) in [("types", "declarationLines"), ("types", "methodLines"), ("struct", "nestedLines"), ("union", "nestedLines")] {
            if let text = sources[template]?.text, let prefix = Self.linePrefix(of: variable, in: text) {
                prefixes[template + "." + variable] = prefix
            }
        }
        linePrefixes = prefixes
    }

    /// The whitespace before `{{.}}` when `{{#variable}}`...`{{/variable}}` holds exactly one line, `PREFIX{{.}}`.
    ///
    /// Such a section indents every line of nested content by PREFIX. Mustache would iterate it line by line, at
    /// every level of nesting again (a type nested five deep passes five times); instead the renderer hands over
    /// each block as one element, its lines after the first already prefixed, which lays out the same text.
    static func linePrefix(of variable: String, in template: String) -> String? {
        guard let open = template.firstRange(of: "{{#\(variable)}}"), let close = template.firstRange(of: "{{/\(variable)}}"),
              open.upperBound <= close.lowerBound else { return nil }
        let body = template[open.upperBound..<close.lowerBound]
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // `{{#x}}` and `{{/x}}` stand on their own lines: the body is "\n", PREFIX{{.}}, "\n", then the closing indentation.
        guard lines.count == 3, lines[0].isEmpty, lines[2].allSatisfy({ $0 == " " || $0 == "\t" }),
              lines[1].hasSuffix("{{.}}") else { return nil }
        let prefix = lines[1].dropLast("{{.}}".count)
        return prefix.allSatisfy({ $0 == " " || $0 == "\t" }) ? String(prefix) : nil
    }

    /// The Swift text of one file: the template's output with trailing spaces removed from every line and
    /// runs of blank lines collapsed, ending in exactly one newline.
    public func render(_ file: FileModel) -> String {
        let access = file.accessLevel
        var extra: [String: Any] = [
            "declarationLines": blockLines(file.declarations.map { render($0, access: access) }, for: "types.declarationLines"),
        ]
        let extensions = file.resourceExtensions.map { resourceExtension in
            Layered(base: resourceExtension, extra: [
                "methodLines": blockLines(resourceExtension.methods.map {
                    run("method", Layered(base: $0, extra: ["access": access]))
                }, for: "types.methodLines", leadingBlank: false),
                "access": access,
            ])
        }
        extra["resourceExtensions"] = extensions
        extra["access"] = access
        return Self.tidy(run(file.template, Layered(base: file, extra: extra)))
    }

    /// One declaration, with its nested declarations laid out first.
    private func render(_ declaration: DeclarationModel, access: String) -> String {
        let nested = { (declarations: [DeclarationModel], template: String) in
            self.blockLines(declarations.map { self.render($0, access: access) }, for: template + ".nestedLines")
        }
        if let model = declaration.structType {
            return run("struct", Layered(base: model, extra: ["nestedLines": nested(model.nested, "struct"), "access": access]))
        }
        if let model = declaration.unionType {
            return run("union", Layered(base: model, extra: ["nestedLines": nested(model.nested, "union"), "access": access]))
        }
        if let model = declaration.enumType {
            return run("enum", Layered(base: model, extra: ["access": access]))
        }
        if let model = declaration.typeAlias {
            return run("typealias", Layered(base: model, extra: ["access": access]))
        }
        return ""
    }

    private func run(_ template: String, _ context: Any) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// Rendered blocks as the elements of a line-list variable, each block preceded by a blank line (but the
    /// first, without `leadingBlank`): one element per line, or, when the template's section is a single
    /// `PREFIX{{.}}` line (see `linePrefix`), one element per block with its later lines prefixed.
    private func blockLines(_ blocks: [String], for variable: String, leadingBlank: Bool = true) -> [String] {
        let prefix = Array((linePrefixes[variable] ?? "").utf8)
        let joinsLines = linePrefixes[variable] != nil
        let newline = UInt8(ascii: "\n")
        // On the UTF-8 bytes, through a buffer: splitting a String splits Characters, and even its UTF8View
        // copies byte by byte, which was most of the time spent here.
        var lines: [String] = []
        for var block in blocks where !block.isEmpty {
            if leadingBlank || !lines.isEmpty { lines.append("") }
            block.withUTF8 { bytes in
                var end = bytes.count
                while end > 0, bytes[end - 1] == newline { end -= 1 }
                var joined: [UInt8] = []
                if joinsLines { joined.reserveCapacity(end + end / 8 * prefix.count) }
                var lineStart = 0
                while lineStart <= end {
                    var lineEnd = lineStart
                    while lineEnd < end, bytes[lineEnd] != newline { lineEnd += 1 }
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                    if joinsLines {
                        if lineStart > 0 {
                            joined.append(newline)
                            if !line.isEmpty { joined.append(contentsOf: prefix) }
                        }
                        joined.append(contentsOf: line)
                    } else {
                        lines.append(String(decoding: line, as: UTF8.self))
                    }
                    lineStart = lineEnd + 1
                }
                if joinsLines { lines.append(String(decoding: joined, as: UTF8.self)) }
            }
        }
        return lines
    }

    /// Trailing spaces removed from every line, runs of blank lines collapsed to one, no blank lines at either
    /// end, one final newline. On UTF-8 bytes, for speed.
    static func tidy(_ text: String) -> String {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 1)
            var pendingBlank = false
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                var end = lineEnd
                while end > lineStart, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
                if end == lineStart {
                    if !output.isEmpty { pendingBlank = true }
                } else {
                    if pendingBlank { output.append(newline) }
                    pendingBlank = false
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
                    output.append(newline)
                }
                lineStart = lineEnd + 1
            }
            if output.isEmpty { output.append(newline) }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// A model with a few more values beside its own properties: the pieces laid out before it.
struct Layered: MustacheParent {
    let base: any MustacheParent
    let extra: [String: Any]

    func child(named name: String) -> Any? {
        extra[name] ?? base.child(named: name)
    }
}

import Foundation
import SpecModel
import SpecParser

/// Finds and reads spec files. The only part of the pipeline that touches the file system for input.
public enum SpecLoader {
    /// The Markdown files under `paths`: a folder is read recursively (hidden entries skipped) and its
    /// files are named relative to it; a file is named by its last component. Sorted by path.
    /// Files that cannot be read become diagnostics; paths that do not exist throw.
    public static func load(_ paths: [String]) throws -> (files: [SpecFile], diagnostics: [Diagnostic]) {
        var files: [SpecFile] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpecwrightError.noSuchPath(path)
            }
            let root = URL(fileURLWithPath: path)
            let entries: [(url: URL, relative: String)]
            if isDirectory.boolValue {
                entries = markdownFiles(under: root)
            } else {
                entries = [(root, root.lastPathComponent)]
            }
            for entry in entries {
                do {
                    let data = try Data(contentsOf: entry.url)
                    // Invalid UTF-8 is repaired, not rejected: the parser reports what it cannot read.
                    files.append(SpecFile(path: entry.relative, text: String(decoding: data, as: UTF8.self)))
                } catch {
                    diagnostics.append(Diagnostic(.error, .unreadableFile, at: SourceLocation(file: entry.relative, line: 1),
                                                  "cannot read file: \(error.localizedDescription)"))
                }
            }
        }
        files.sort { $0.path < $1.path }
        return (files, diagnostics)
    }

    /// Paths of the `.md` files under `root`, relative to it. Hidden files and folders are skipped.
    public static func markdownFiles(under root: URL) -> [(url: URL, relative: String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [(URL, String)] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last ?? ""
            if name.hasPrefix(".") {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard relative.hasSuffix(".md") else { continue }
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                // A linked file counts; a linked folder named `*.md` does not.
                var isDirectory: ObjCBool = false
                let target = root.appendingPathComponent(relative).path
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
            } else if type != .typeRegular {
                continue
            }
            result.append((root.appendingPathComponent(relative), relative))
        }
        return result.sorted { $0.1 < $1.1 }
    }
}

/// Errors at the edge of the tool, each saying what to do.
public enum SpecwrightError: Error, CustomStringConvertible, Equatable {
    case noSuchPath(String)

    public var description: String {
        switch self {
        case .noSuchPath(let path): "no such file or folder: \(path)"
        }
    }
}

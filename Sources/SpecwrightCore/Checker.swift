import Foundation

/// `specwright check`: whether the checked-in generated code is what the specs and this generator make now.
public enum Checker {
    /// The differences as unified diffs, one per file that differs; empty when the output is current.
    public static func staleFiles(expected: [GeneratedFile], in directory: URL) -> [String] {
        var diffs: [String] = []
        let manager = FileManager.default
        let folder = directory.path
        for file in expected.sorted(by: { $0.name < $1.name }) {
            let url = directory.appendingPathComponent(file.name)
            let current = try? String(contentsOf: url, encoding: .utf8)
            if current != file.contents {
                diffs.append(UnifiedDiff.diff(old: current ?? "", new: file.contents,
                                              oldName: current == nil ? "/dev/null" : "\(folder)/\(file.name)",
                                              newName: "\(folder)/\(file.name) (generated now)"))
            }
        }
        let names = Set(expected.map(\.name))
        let existing = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        for name in existing.sorted() where name.hasSuffix(".swift") && !names.contains(name) {
            let url = directory.appendingPathComponent(name)
            guard OutputWriter.isGenerated(url), let current = try? String(contentsOf: url, encoding: .utf8) else { continue }
            diffs.append(UnifiedDiff.diff(old: current, new: "", oldName: "\(folder)/\(name)", newName: "/dev/null (no longer generated)"))
        }
        return diffs
    }

    /// Every `specwright.json` below `root` that names an `output`, skipping hidden and build folders.
    public static func configurations(under root: URL) -> [URL] {
        var result: [URL] = []
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if name == GeneratorConfiguration.fileName { result.append(root.appendingPathComponent(path)) }
        }
        return result.sorted { $0.path < $1.path }
    }
}

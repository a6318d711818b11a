import JSONSyntax
import SpecModel

/// The changes between two versions of the docs as a changelog: Markdown for a pull request or release
/// notes, grouped by section and severity, or JSON for tools.
public enum ChangeReport {
    /// ```markdown
    /// # Changes from OLD to NEW
    ///
    /// 1 breaking for Swift source, 0 breaking on the wire, 2 additive, 3 documentation only:
    /// a **major** version.
    ///
    /// ## chatkit
    ///
    /// ### Breaking for Swift source
    /// - `DELETE /v1/certificates/{certificate_id}`: path parameter `certificate_id`: added, required (certificates/delete.md:9)
    /// ```
    public static func markdown(_ changes: [SpecChange], old: String, new: String) -> String {
        var lines = ["# Changes from \(old) to \(new)", ""]
        let counts = SpecChange.Severity.allCases.map { severity in
            "\(changes.filter { $0.severity == severity }.count) \(severity.title.lowercased())"
        }
        let bump = VersionBump(changes)
        lines.append(counts.joined(separator: ", ") + ": " + (bump == .none ? "no new version needed." : "a **\(bump.rawValue)** version."))
        for section in Set(changes.map(\.section)).sorted() {
            lines += ["", "## \(section)"]
            for severity in SpecChange.Severity.allCases {
                let group = changes.filter { $0.section == section && $0.severity == severity }
                guard !group.isEmpty else { continue }
                lines += ["", "### \(severity.title)"]
                lines += group.map { "- \($0.subject): \($0.detail) (\($0.symbol.map { "`\($0)`; " } ?? "")\(places($0)))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `old.md:3 -> new.md:4`, or one side.
    static func places(_ change: SpecChange) -> String {
        switch (change.old, change.new) {
        case let (old?, new?) where old.fileAndLine == new.fileAndLine: old.fileAndLine
        case let (old?, new?): "\(old.fileAndLine) -> \(new.fileAndLine)"
        case let (old?, nil): "was \(old.fileAndLine)"
        case let (nil, new?): new.fileAndLine
        case (nil, nil): ""
        }
    }

    /// `{"old", "new", "bump", "counts": {"breaking", "wire", "additive", "documentation"},
    ///   "changes": [{"severity", "kind", "section", "subject", "detail", "old", "new", "symbol"}]}`; `old` and
    /// `new` of a change are `file:line` or null, `symbol` the Swift symbol it touches or null. Keys are only
    /// ever added.
    public static func json(_ changes: [SpecChange], old: String, new: String) -> String {
        let counts = SpecChange.Severity.allCases.map { severity in
            JSONValue.Member(severity.rawValue, .number(String(changes.filter { $0.severity == severity }.count)))
        }
        let value = JSONValue.object([
            .init("old", .string(old)),
            .init("new", .string(new)),
            .init("bump", .string(VersionBump(changes).rawValue)),
            .init("counts", .object(counts)),
            .init("changes", .array(changes.map { change in
                .object([
                    .init("severity", .string(change.severity.rawValue)),
                    .init("kind", .string(change.kind.rawValue)),
                    .init("section", .string(change.section)),
                    .init("subject", .string(change.subject)),
                    .init("detail", .string(change.detail)),
                    .init("old", change.old.map { .string($0.fileAndLine) } ?? .null),
                    .init("new", change.new.map { .string($0.fileAndLine) } ?? .null),
                    .init("symbol", change.symbol.map(JSONValue.string) ?? .null),
                ])
            })),
        ])
        return JSONWriter.pretty(value)
    }
}

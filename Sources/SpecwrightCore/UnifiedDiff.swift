/// A unified diff of two texts, line by line, as `diff -u` prints it: what `check` shows when generated code
/// is stale.
public enum UnifiedDiff {
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let operations = editScript(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Group the operations into hunks of changes with `context` unchanged lines around them.
        var index = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var start = max(index, firstChange - context)
            var end = firstChange
            while end < operations.count {
                if operations[end].kind != .same { end += 1; continue }
                let nextChange = operations[end...].firstIndex { $0.kind != .same }
                if let nextChange, nextChange - end <= 2 * context { end = nextChange; continue }
                end = min(operations.count, end + context)
                break
            }
            if start < index { start = index }
            let hunk = operations[start..<end]
            let oldStart = hunk.first?.oldLine ?? 0, newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@\n"
            for operation in hunk {
                switch operation.kind {
                case .same: output += " " + a[operation.oldLine] + "\n"
                case .delete: output += "-" + a[operation.oldLine] + "\n"
                case .insert: output += "+" + b[operation.newLine] + "\n"
                }
            }
            index = end
        }
        return output
    }

    struct Operation {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The edit script from the longest common subsequence; common prefix and suffix are trimmed first, so a
    /// small change in a large file stays cheap.
    static func editScript(_ a: [String], _ b: [String]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var table = Array(repeating: Array(repeating: 0, count: midB.count + 1), count: midA.count + 1)
        for i in stride(from: midA.count - 1, through: 0, by: -1) {
            for j in stride(from: midB.count - 1, through: 0, by: -1) {
                table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var operations = (0..<prefix).map { Operation(kind: .same, oldLine: $0, newLine: $0) }
        var i = 0, j = 0
        while i < midA.count || j < midB.count {
            if i < midA.count, j < midB.count, midA[i] == midB[j] {
                operations.append(Operation(kind: .same, oldLine: prefix + i, newLine: prefix + j)); i += 1; j += 1
            } else if i < midA.count, j == midB.count || table[i + 1][j] >= table[i][j + 1] {
                // Deletions before insertions, as diff -u prints a changed line.
                operations.append(Operation(kind: .delete, oldLine: prefix + i, newLine: prefix + j)); i += 1
            } else {
                operations.append(Operation(kind: .insert, oldLine: prefix + i, newLine: prefix + j)); j += 1
            }
        }
        for k in 0..<suffix {
            operations.append(Operation(kind: .same, oldLine: a.count - suffix + k, newLine: b.count - suffix + k))
        }
        return operations
    }
}

import Foundation

/// The JSON names a generated type stores in its own properties; every other member of its object is
/// undocumented and kept in `additionalProperties`.
///
/// Generated code writes them as one string literal, the names separated by spaces (`"id object created_at"`).
/// A literal is a constant in the binary, where an array is built by a lazily run initializer per type: in a
/// module of hundreds of types those initializers were 3% of the code to compile and 5% of its functions.
/// A list is taken too, for names that hold a space (and for code written before).
@usableFromInline
struct DocumentedNames: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case separated(StaticString)
        case list([String])
    }

    @usableFromInline let storage: Storage

    @inlinable
    init(separatedBySpaces names: StaticString) { self.storage = .separated(names) }

    @inlinable
    init(_ names: [String]) { self.storage = .list(names) }

    /// The names, in the order given.
    var list: [String] {
        switch storage {
        case .list(let names): names
        case .separated(let names): names.description.split(separator: " ").map(String.init)
        }
    }

    /// Whether `name` is one of the names.
    func contains(_ name: String) -> Bool {
        var cursor = 0
        return contains(name, cursor: &cursor)
    }

    /// Whether `name` is one of the names, looked for at `cursor` first and then from the start; on a match,
    /// `cursor` moves to the name after it. Servers write members in the order the docs list them, so a caller
    /// walking an object's members in order, with one cursor, usually matches each with one comparison.
    func contains(_ name: String, cursor: inout Int) -> Bool {
        switch storage {
        case .list(let names):
            if cursor < names.count, names[cursor] == name {
                cursor += 1
                return true
            }
            // Lengths first: a string stores its UTF-8 count, and most names differ in it.
            let length = name.utf8.count
            guard let index = names.firstIndex(where: { $0.utf8.count == length && $0 == name }) else { return false }
            cursor = index + 1
            return true
        case .separated(let names):
            return names.withUTF8Buffer { names in
                name.utf8.withContiguousStorageIfAvailable { Self.find($0, in: names, cursor: &cursor) }
                    ?? Array(name.utf8).withUnsafeBufferPointer { Self.find($0, in: names, cursor: &cursor) }
            }
        }
    }

    private static let separator = UInt8(ascii: " ")

    /// Whether `name` is one of the space-separated `names`; `cursor` is a byte offset where a name starts.
    private static func find(_ name: UnsafeBufferPointer<UInt8>, in names: UnsafeBufferPointer<UInt8>, cursor: inout Int) -> Bool {
        // The list cannot hold such names; "id object" must not match the two names it spans.
        if name.isEmpty || name.contains(separator) { return false }
        if matches(name, in: names, at: cursor) {
            cursor += name.count + 1
            return true
        }
        var start = 0
        while start < names.count {
            if matches(name, in: names, at: start) {
                cursor = start + name.count + 1
                return true
            }
            start = (names[start...].firstIndex(of: separator) ?? names.count) + 1
        }
        return false
    }

    /// Whether the name that starts at `start` in `names` is `name`.
    private static func matches(_ name: UnsafeBufferPointer<UInt8>, in names: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let end = start + name.count
        guard end <= names.count, end == names.count || names[end] == separator,
              let names = names.baseAddress, let name = name.baseAddress else { return false }
        return memcmp(names + start, name, end - start) == 0
    }
}

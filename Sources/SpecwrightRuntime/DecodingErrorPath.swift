/// Turns `DecodingError`s into the JSON path and message `APIError.Kind.decoding` carries.
enum DecodingErrorPath {
    /// The path (`$.data[1].status.type`) and message of `error`.
    static func describe(_ error: DecodingError) -> (path: String, message: String) {
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "Missing required key \"\(key.stringValue)\".")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "Expected \(type) but found null. \(context.debugDescription)")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "Expected \(type). \(context.debugDescription)")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("$", String(describing: error))
        }
    }

    /// `$` followed by `.name` for identifier-like keys, `["odd key"]` for others and `[n]` for indexes.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = "$"
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else if isIdentifier(key.stringValue) {
                text += "." + key.stringValue
            } else {
                let escaped = key.stringValue.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"")
                text += "[\"\(escaped)\"]"
            }
        }
        return text
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}

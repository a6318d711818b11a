/// Writes JSON text: pretty (two-space indent, `"key": value`) or compact. Member order is kept as given,
/// so callers decide what is sorted; the output is the same bytes for the same value.
public enum JSONWriter {
    public static func pretty(_ value: JSONValue) -> String {
        var output = ""
        output.reserveCapacity(4096)
        write(value, indent: 0, pretty: true, to: &output)
        output += "\n"
        return output
    }

    public static func compact(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, pretty: false, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, pretty: pretty, to: &output)
                write(element, indent: indent + 1, pretty: pretty, to: &output)
            }
            newline(indent, pretty: pretty, to: &output)
            output += "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, pretty: pretty, to: &output)
                writeString(member.key, to: &output)
                output += pretty ? ": " : ":"
                write(member.value, indent: indent + 1, pretty: pretty, to: &output)
            }
            newline(indent, pretty: pretty, to: &output)
            output += "}"
        }
    }

    private static func newline(_ indent: Int, pretty: Bool, to output: inout String) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Escapes what JSON requires (quote, backslash, control characters) and nothing else.
    public static func writeString(_ text: String, to output: inout String) {
        output += "\""
        var needsEscape = false
        for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            needsEscape = true
            break
        }
        guard needsEscape else {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

/// Writes JSON text: pretty (two-space indent, `"key": value`) or compact. Member order is kept as given,
/// so callers decide what is sorted; the output is the same bytes for the same value.
/// Writes into a byte buffer: the IR of a large API is megabytes, and appending to a `String` piece by
/// piece is several times slower.
public enum JSONWriter {
    public static func pretty(_ value: JSONValue) -> String {
        String(decoding: prettyBytes(value), as: UTF8.self)
    }

    /// The pretty form as UTF-8 bytes, ending with a newline: for writing to a file or a pipe.
    public static func prettyBytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(value, indent: 0, pretty: true, to: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// `value` written pretty as if it stood at nesting depth `indent`, without a trailing newline:
    /// a piece for `prettyObject(ofArrays:)`.
    public static func prettyFragment(_ value: JSONValue, indent: Int) -> [UInt8] {
        var output: [UInt8] = []
        write(value, indent: indent, pretty: true, to: &output)
        return output
    }

    /// The pretty form of an object whose members are arrays, from elements already written with
    /// `prettyFragment(_:indent: 2)`: the same bytes as `prettyBytes` of the whole value, so that large
    /// documents can be written in pieces, in parallel.
    public static func prettyObject(ofArrays members: [(key: String, elements: [[UInt8]])]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(members.reduce(64) { $0 + $1.elements.reduce(0) { $0 + $1.count + 8 } })
        if members.isEmpty { return Array("{}\n".utf8) }
        output.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            newline(1, pretty: true, to: &output)
            writeString(member.key, to: &output)
            output.append(contentsOf: ": ".utf8)
            if member.elements.isEmpty { output.append(contentsOf: "[]".utf8); continue }
            output.append(UInt8(ascii: "["))
            for (position, element) in member.elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(2, pretty: true, to: &output)
                output.append(contentsOf: element)
            }
            newline(1, pretty: true, to: &output)
            output.append(UInt8(ascii: "]"))
        }
        newline(0, pretty: true, to: &output)
        output.append(contentsOf: "}\n".utf8)
        return output
    }

    public static func compact(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        write(value, indent: 0, pretty: false, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, pretty: pretty, to: &output)
                write(element, indent: indent + 1, pretty: pretty, to: &output)
            }
            newline(indent, pretty: pretty, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, pretty: pretty, to: &output)
                writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(member.value, indent: indent + 1, pretty: pretty, to: &output)
            }
            newline(indent, pretty: pretty, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, pretty: Bool, to output: inout [UInt8]) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Escapes what JSON requires (quote, backslash, control characters) and nothing else.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        defer { output.append(UInt8(ascii: "\"")) }
        let needsEscaping = text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        if !needsEscaping {
            output.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default:
                output.append(byte)
            }
        }
    }
}

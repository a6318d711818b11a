/// Percent-encoding of path parameters.
public enum PathEncoding {
    /// `value` made safe as one path segment: every byte of its UTF-8 form except RFC 3986's unreserved
    /// characters (`A-Z a-z 0-9 - . _ ~`) is percent-encoded, `/` included, so an identifier can never
    /// reach another path (`a/b c` becomes `a%2Fb%20c`).
    ///
    /// The dot segments `.` and `..` are encoded too (`%2E`, `%2E%2E`): left as they are, URL handling
    /// (libcurl under URLSession on Linux, for one) resolves them, and `/threads/..` would reach `/`.
    public static func segment(_ value: String) -> String {
        switch value {
        case ".": "%2E"
        case "..": "%2E%2E"
        default: PercentEncoding.encodeUnreserved(value)
        }
    }
}

/// Percent-encoding shared by paths and queries.
enum PercentEncoding {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes everything but unreserved characters; in a query this also covers `+ & = #` and space
    /// (as `%20`), so values reach the server unchanged.
    static func encodeUnreserved(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The query component for `items`, without the leading `?`.
    static func query(_ items: [QueryItem]) -> String {
        items.map { encodeUnreserved($0.name) + "=" + encodeUnreserved($0.value) }.joined(separator: "&")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

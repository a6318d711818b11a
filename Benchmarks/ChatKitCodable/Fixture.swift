import Foundation

/// A realistic list page of `count` threads as the API would send it (pretty-printed like the docs'
/// examples): every status variant, reasons present and null, titles present (some with escapes and
/// non-ASCII text) and null.
enum Fixture {
    static func page(count: Int) -> Data {
        var threads: [String] = []
        for index in 0..<count {
            let id = "cthr_" + String(0x68f1_2a00_0000 + index * 7919, radix: 16)
            let title: String
            switch index % 5 {
            case 0: title = "null"
            case 1: title = #""Customer escalation #\#(index)""#
            case 2: title = #""Demo feedback: \"beta\" rollout""#
            case 3: title = #""Résumé review – 日本語 \#(index)""#
            default: title = #""Billing question about invoice \#(100_000 + index)""#
            }
            let status: String
            switch index % 6 {
            case 0, 1: status = #"{"type": "active"}"#
            case 2: status = #"{"type": "locked", "reason": "Too many messages in a short period"}"#
            case 3: status = #"{"type": "locked", "reason": null}"#
            case 4: status = #"{"type": "closed", "reason": "Resolved by agent"}"#
            default: status = #"{"type": "closed", "reason": null}"#
            }
            threads.append("""
                {
                  "id": "\(id)",
                  "object": "chatkit.thread",
                  "created_at": \(1_712_345_600 + index * 37),
                  "title": \(title),
                  "status": \(status),
                  "user": "user_\(index % 17)_\(String(index * 31, radix: 36))"
                }
              """)
        }
        let firstID = "cthr_" + String(0x68f1_2a00_0000, radix: 16)
        let lastID = "cthr_" + String(0x68f1_2a00_0000 + (count - 1) * 7919, radix: 16)
        return Data("""
            {
              "object": "list",
              "data": [
            \(threads.joined(separator: ",\n"))
              ],
              "first_id": "\(firstID)",
              "last_id": "\(lastID)",
              "has_more": true
            }
            """.utf8)
    }
}

/// The list page as a developer would write it by hand: synthesized `Codable` with `CodingKeys` for the
/// snake_case names, an optional title, and a status enum with a custom `Codable` keyed by `type`.
/// No unknown-key preservation, no constant checks: the baseline the generated types are measured against.
struct HandThreadPage: Codable, Equatable {
    var object: String
    var data: [HandThread]
    var firstID: String?
    var lastID: String?
    var hasMore: Bool

    enum CodingKeys: String, CodingKey {
        case object
        case data
        case firstID = "first_id"
        case lastID = "last_id"
        case hasMore = "has_more"
    }
}

struct HandThread: Codable, Equatable {
    var id: String
    var object: String
    var createdAt: Int
    var title: String?
    var status: HandStatus
    var user: String

    enum CodingKeys: String, CodingKey {
        case id
        case object
        case createdAt = "created_at"
        case title
        case status
        case user
    }
}

enum HandStatus: Codable, Equatable {
    case active
    case locked(reason: String?)
    case closed(reason: String?)

    enum CodingKeys: String, CodingKey {
        case type
        case reason
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "active": self = .active
        case "locked": self = .locked(reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case "closed": self = .closed(reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "Unknown status \(other)")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .active:
            try container.encode("active", forKey: .type)
        case .locked(let reason):
            try container.encode("locked", forKey: .type)
            try container.encode(reason, forKey: .reason)
        case .closed(let reason):
            try container.encode("closed", forKey: .type)
            try container.encode(reason, forKey: .reason)
        }
    }
}

/// Deterministic mutations of spec pages for fuzzing the parser: the same seed and iteration give the same
/// mutant, so any finding can be made again from two numbers.
///
/// Besides byte-level noise (flips, insertions, deletions, duplicated and spliced ranges), it applies the
/// format's own structure, which random bytes rarely hit: nesting markers (`array<`, indentation, `- `,
/// `Items:`, brackets, fences), line breaks of every kind, control and invalid UTF-8 bytes, and huge numbers.
public struct Mutator: Sendable {
    /// Fragments that open, close or break the structures the parser recurses over.
    static let tokens: [[UInt8]] = [
        "array<", ">", "|", " | null", "(", ")", ", required", ", optional", "`", "``", "```", "```json\n", "~~~",
        "\n", "\r", "\r\n", "\n\n", "  ", "    ", "- ", "  - ", "- Items:\n", "- Variant (object):\n", "- ...\n",
        "[", "]", "![", "](", "{", "}", "\"", ":", ",", "#", "## ", "### ", "#### ", "> ", "<", "<!--", "*", "_",
        "Default: `", "Enum: '", "Minimum: ", "Maximum length: ", "1e999", "-0", "99999999999999999999999",
        "\u{0}", "\u{1B}[2J", "\u{07}", "\u{FEFF}", "\u{2028}", "é", "𝄞",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// The unmutated pages.
    public let seeds: [[UInt8]]

    public init(seeds: [[UInt8]]) {
        precondition(!seeds.isEmpty, "a fuzzer needs seeds")
        self.seeds = seeds
    }

    /// Mutant number `iteration` of the run `seed`, and the index of the page it came from.
    public func mutant(seed: UInt64, iteration: UInt64) -> (page: Int, bytes: [UInt8]) {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ iteration)
        let page = Int(random.next() % UInt64(seeds.count))
        var bytes = seeds[page]
        let rounds = 1 + Int(random.next() % 8)
        for _ in 0..<rounds { mutate(&bytes, &random) }
        return (page, bytes)
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
        switch random.next() % 10 {
        case 0:  // flip a byte
            guard position < bytes.count else { return }
            bytes[position] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
        case 1:  // set a byte to anything
            guard position < bytes.count else { return }
            bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 2, 3:  // insert a structural token
            bytes.insert(contentsOf: Self.tokens[Int(random.next() % UInt64(Self.tokens.count))], at: position)
        case 4:  // a token repeated: deep nesting, long runs
            let token = Self.tokens[Int(random.next() % UInt64(Self.tokens.count))]
            let count = 1 << (random.next() % 12)  // up to 2,048 times
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: count).joined()), at: position)
        case 5:  // delete a range
            guard position < bytes.count else { return }
            let length = min(bytes.count - position, 1 + Int(random.next() % 64))
            bytes.removeSubrange(position..<(position + length))
        case 6:  // duplicate a range (a line or a block again)
            guard position < bytes.count else { return }
            let length = min(bytes.count - position, 1 + Int(random.next() % 256))
            bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
        case 7:  // splice in part of another page
            let other = seeds[Int(random.next() % UInt64(seeds.count))]
            guard !other.isEmpty else { return }
            let start = Int(random.next() % UInt64(other.count))
            let length = min(other.count - start, 1 + Int(random.next() % 512))
            bytes.insert(contentsOf: other[start..<(start + length)], at: position)
        case 8:  // cut the page short
            bytes.removeSubrange(position...)
        default:  // indent or dedent a line
            let lineStart = bytes[..<position].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            if random.next() % 2 == 0 {
                bytes.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: 2 * (1 + Int(random.next() % 4))), at: lineStart)
            } else if lineStart < bytes.count, bytes[lineStart] == UInt8(ascii: " ") {
                bytes.remove(at: lineStart)
            }
        }
    }
}

/// SplitMix64: small, fast and the same everywhere.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

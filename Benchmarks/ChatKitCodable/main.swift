// Decodes and re-encodes a list page of 100 ChatKit threads with the generated types and with a plain
// hand-written Codable struct of the same shape, and prints the median time per page of each and their
// ratio: once with the runtime's decoder (`JSONCoding.makeDecoder()`, what generated clients decode with;
// the target applies to it) and once with Foundation's `JSONDecoder`, both with the runtime's encoder.
// Build in release:
//
//   swift build -c release --product chatkit-codable-benchmark && .build/release/chatkit-codable-benchmark
//
// Options: --threads N (100), --iterations N per run (300), --runs N (15), --warmup N (100),
// --decoder runtime|foundation (one decoder only), --only generated|hand (time one side only, with the
// runtime's decoder unless --decoder says otherwise, for profilers such as valgrind --tool=callgrind).
import ChatKit
import Foundation
import SpecwrightRuntime

struct Options {
    var threads = 100
    var iterations = 300
    var runs = 15
    var warmup = 100
    var only: String?
    var decoders = ["runtime", "foundation"]

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--only" {
                guard let side = rest.popFirst(), ["generated", "hand"].contains(side) else { Self.usage("--only needs generated or hand") }
                only = side
                continue
            }
            if flag == "--decoder" {
                guard let decoder = rest.popFirst(), ["runtime", "foundation"].contains(decoder) else { Self.usage("--decoder needs runtime or foundation") }
                decoders = [decoder]
                continue
            }
            let minimum = flag == "--warmup" ? 0 : 1
            guard let text = rest.popFirst(), let value = Int(text), value >= minimum else {
                Self.usage("\(flag) needs an integer of at least \(minimum)")
            }
            switch flag {
            case "--threads": threads = value
            case "--iterations": iterations = value
            case "--runs": runs = value
            case "--warmup": warmup = value
            default: Self.usage("unknown option \(flag)")
            }
        }
    }

    static func usage(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\nusage: chatkit-codable-benchmark [--threads N] [--iterations N] [--runs N] [--warmup N] [--decoder runtime|foundation] [--only generated|hand]\n".utf8))
        exit(2)
    }
}

/// One side of the comparison: decode the page and encode it again, returning the encoded size so the
/// work cannot be optimized away.
struct Contender {
    var name: String
    var roundTrip: (Data) throws -> Int
}

/// Nanoseconds per iteration for `iterations` round trips.
@inline(never)
func timeRun(_ contender: Contender, data: Data, iterations: Int, sink: inout Int) throws -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { sink &+= try contender.roundTrip(data) }
    let end = DispatchTime.now().uptimeNanoseconds
    return Double(end - start) / Double(iterations)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

let options = Options(Array(CommandLine.arguments.dropFirst()))
let data = Fixture.page(count: options.threads)

// The same settings for both sides: the runtime's encoder (sorted keys), and each decoder in turn, made once.
let runtimeDecoder = JSONCoding.makeDecoder()
let foundationDecoder = JSONDecoder()
let encoder = JSONCoding.makeEncoder()

func contenders(decoder: String) -> (generated: Contender, handWritten: Contender) {
    func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        decoder == "runtime" ? try runtimeDecoder.decode(T.self, from: data) : try foundationDecoder.decode(T.self, from: data)
    }
    let generated = Contender(name: "generated (ChatKitThreadPage)") { data in
        try encoder.encode(try decode(ChatKitThreadPage.self, data)).count
    }
    let handWritten = Contender(name: "hand-written Codable") { data in
        try encoder.encode(try decode(HandThreadPage.self, data)).count
    }
    return (generated, handWritten)
}

do {
    // Both sides read the fixture alike with either decoder, and the generated side loses nothing on the way back.
    let decoders: [(Data) throws -> ChatKitThreadPage] = [
        { try runtimeDecoder.decode(ChatKitThreadPage.self, from: $0) }, { try foundationDecoder.decode(ChatKitThreadPage.self, from: $0) },
    ]
    for decode in decoders {
        let generatedPage = try decode(data)
        let handPage = try foundationDecoder.decode(HandThreadPage.self, from: data)
        precondition(generatedPage.data.count == options.threads && handPage.data.count == options.threads)
        precondition(generatedPage.data.map(\.id) == handPage.data.map(\.id))
        precondition(generatedPage.data.map(\.title) == handPage.data.map(\.title))
        let original = try foundationDecoder.decode(JSONValue.self, from: data)
        let generatedAgain = try foundationDecoder.decode(JSONValue.self, from: encoder.encode(generatedPage))
        precondition(generatedAgain == original, "generated round trip is lossy")
        let handAgain = try runtimeDecoder.decode(HandThreadPage.self, from: encoder.encode(handPage))
        precondition(handAgain == handPage, "hand-written round trip is lossy")
    }

    var sink = 0
    if let only = options.only {
        let pair = contenders(decoder: options.decoders[0])
        let contender = only == "generated" ? pair.generated : pair.handWritten
        let perIteration = try timeRun(contender, data: data, iterations: options.warmup + options.iterations * options.runs, sink: &sink)
        print("\(contender.name), \(options.decoders[0]) decoder: \(format(perIteration / 1000, 1)) µs/page (one run, no warm-up; for profiling)")
        exit(sink == 42 ? 1 : 0)
    }

    print("ChatKit Codable benchmark: decode + re-encode one list page of \(options.threads) threads (\(data.count) bytes of JSON)")
    print("\(options.runs) runs x \(options.iterations) iterations after \(options.warmup) warm-up iterations; median of the runs")
    for decoderName in options.decoders {
        let pair = contenders(decoder: decoderName)
        let sides = [pair.generated, pair.handWritten]
        for contender in sides {
            _ = try timeRun(contender, data: data, iterations: options.warmup, sink: &sink)
        }
        // Runs alternate between the two sides so that drift (frequency, other load) affects both alike.
        var samples: [String: [Double]] = [:]
        for _ in 0..<options.runs {
            for contender in sides {
                samples[contender.name, default: []].append(try timeRun(contender, data: data, iterations: options.iterations, sink: &sink))
            }
        }

        print(decoderName == "runtime"
            ? "with the runtime's decoder (JSONCoding.makeDecoder(), what generated clients use):"
            : "with Foundation's JSONDecoder (for comparison):")
        var medians: [String: Double] = [:]
        for contender in sides {
            let runs = samples[contender.name]!
            let perIteration = median(runs)
            medians[contender.name] = perIteration
            print("  \(contender.name.padding(toLength: 30, withPad: " ", startingAt: 0))"
                + "  \(format(perIteration / 1000, 1).leftPad(8)) µs/page   \(format(1e9 / perIteration, 0).leftPad(7)) pages/s"
                + "   (runs: min \(format(runs.min()! / 1000, 1)) µs, max \(format(runs.max()! / 1000, 1)) µs)")
        }
        let ratio = medians[pair.handWritten.name]! / medians[pair.generated.name]!
        print("  ratio hand-written/generated time (generated speed as a fraction of hand-written): \(format(ratio, 3))x"
            + (decoderName == "runtime" ? "   target >= 0.9x: \(ratio >= 0.9 ? "met" : "MISSED")" : ""))
    }
    if sink == 42 { print("") }  // keeps the encoded sizes alive
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

// A mutation fuzzer for the spec parser: corpus pages as seeds, deterministic mutants (`Mutator`), and for
// each mutant the whole pipeline with `Oracle`'s checks. A crash (a signal, a stack overflow among them) or
// a hang is reported with the seed and iteration that make the mutant again (`--reproduce`).
//
//   specwright-fuzz CORPUS [--seed S] [--executions N] [--seconds T] [--hang-seconds H] [--findings DIR]
//   specwright-fuzz CORPUS --seed S --reproduce I      writes mutant I of seed S to standard output
import Foundation
import SpecFuzzing
import SpecwrightCore
#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var corpus = ""
    var seed: UInt64 = 1
    var executions: UInt64 = .max
    var seconds: Double = .infinity
    var hangSeconds: Double = 10
    var findings = "fuzz-findings"
    var reproduce: UInt64?

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            let value = { () -> String in
                guard let value = rest.popFirst() else { fail("\(argument) needs a value") }
                return value
            }
            switch argument {
            case "--seed": options.seed = UInt64(value()) ?? { fail("--seed takes a number") }()
            case "--executions": options.executions = UInt64(value()) ?? { fail("--executions takes a number") }()
            case "--seconds": options.seconds = Double(value()) ?? { fail("--seconds takes a number") }()
            case "--hang-seconds": options.hangSeconds = Double(value()) ?? { fail("--hang-seconds takes a number") }()
            case "--findings": options.findings = value()
            case "--reproduce": options.reproduce = UInt64(value()) ?? { fail("--reproduce takes a number") }()
            default:
                guard options.corpus.isEmpty, !argument.hasPrefix("-") else { fail("unknown argument \(argument)") }
                options.corpus = argument
            }
        }
        if options.corpus.isEmpty { fail("give the corpus folder") }
        return options
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("specwright-fuzz: \(message)\n".utf8))
    exit(64)
}

// The execution under way, for the crash handler (plain integers: all a signal handler may read).
nonisolated(unsafe) var currentSeed: UInt64 = 0
nonisolated(unsafe) var currentIteration: UInt64 = 0
/// Room for a number's digits, allocated before any crash: a signal handler must not allocate (the crash may
/// have happened inside malloc).
nonisolated(unsafe) let digitBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 20)

/// Writes `crash at seed S iteration I (signal N)` with write(2) only, then exits: async-signal-safe.
func installCrashHandler() {
    // A stack overflow leaves no stack for the handler: give it one of its own. (This is the main thread's;
    // the pipeline's worker threads have none, so a stack overflow there ends the process without this
    // report: the script then says a process died without its summary.)
    let size = 1 << 16
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
        func put(_ text: StaticString) { _ = write(2, text.utf8Start, text.utf8CodeUnitCount) }
        func put(_ number: UInt64) {
            var value = number, count = 0
            repeat { digitBuffer[19 - count] = UInt8(48 + value % 10); value /= 10; count += 1 } while value > 0
            _ = write(2, digitBuffer + 20 - count, count)
        }
        put("\nspecwright-fuzz: CRASH at seed ")
        put(currentSeed)
        put(" iteration ")
        put(currentIteration)
        put(" (signal ")
        put(UInt64(signal))
        put("); make it again with --seed S --reproduce I\n")
        _exit(70)
    }
    action.sa_flags = Int32(SA_ONSTACK)
    for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { sigaction(signal, &action, nil) }
}

let options = Options.parse(CommandLine.arguments)
let seeds = SpecLoader.markdownFiles(under: URL(fileURLWithPath: options.corpus)).compactMap { try? [UInt8](Data(contentsOf: $0.url)) }
if seeds.isEmpty { fail("no .md pages under \(options.corpus)") }
let mutator = Mutator(seeds: seeds)

if let iteration = options.reproduce {
    FileHandle.standardOutput.write(Data(mutator.mutant(seed: options.seed, iteration: iteration).bytes))
    exit(0)
}

installCrashHandler()
try? FileManager.default.createDirectory(atPath: options.findings, withIntermediateDirectories: true)

// The watchdog: one execution taking longer than --hang-seconds is a hang.
let started = Date()
nonisolated(unsafe) var executionStarted = Date()
let watchdog = Thread {
    while true {
        Thread.sleep(forTimeInterval: 0.5)
        if Date().timeIntervalSince(executionStarted) > options.hangSeconds {
            FileHandle.standardError.write(Data("specwright-fuzz: HANG at seed \(currentSeed) iteration \(currentIteration) (over \(options.hangSeconds) s); make it again with --seed S --reproduce I\n".utf8))
            _exit(71)  // not exit(): the main thread is still running the hung execution
        }
    }
}
watchdog.start()

var executions: UInt64 = 0
var findings = 0
var slowest = (seconds: 0.0, iteration: UInt64(0))
var lastReport = Date()
while executions < options.executions, Date().timeIntervalSince(started) < options.seconds {
    let iteration = executions
    currentSeed = options.seed
    currentIteration = iteration
    let mutant = mutator.mutant(seed: options.seed, iteration: iteration)
    executionStarted = Date()
    let problems = Oracle.problems(in: mutant.bytes)
    let took = Date().timeIntervalSince(executionStarted)
    if took > slowest.seconds { slowest = (took, iteration) }
    if !problems.isEmpty {
        findings += 1
        let base = "\(options.findings)/seed-\(options.seed)-iteration-\(iteration)"
        try? Data(mutant.bytes).write(to: URL(fileURLWithPath: base + ".md"))
        try? Data((problems.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: base + ".txt"))
        if findings <= 20 { print("finding at iteration \(iteration): \(problems[0])") }
    }
    executions += 1
    if Date().timeIntervalSince(lastReport) > 30 {
        lastReport = Date()
        print("... \(executions) executions, \(findings) findings, \(Int(Date().timeIntervalSince(started))) s")
    }
}
let seconds = Date().timeIntervalSince(started)
print(String(format: "seed %llu: %llu executions in %.1f s (%.0f/s), %d findings, 0 crashes, 0 hangs; slowest %.3f s (iteration %llu)",
             options.seed, executions, seconds, Double(executions) / seconds, findings, slowest.seconds, slowest.iteration))
exit(findings == 0 ? 0 : 1)

import Foundation
import SpecFuzzing
import SpecModel
import SpecwrightCore
import Testing

/// A short, seeded part of the fuzzer (`Scripts/fuzz.sh` runs it for as long as asked): the same mutants
/// every run, each through the whole pipeline and `Oracle`'s checks. A crash would end the test run.
@Suite("Fuzzing, seeded and bounded", .timeLimit(.minutes(3)))
struct FuzzTests {
    static let seeds: [[UInt8]]? = Corpus.isPresent
        ? SpecLoader.markdownFiles(under: Corpus.folder).compactMap { try? [UInt8](Data(contentsOf: $0.url)) }
        : nil

    @Test func twoThousandMutantsOfTheCorpusKeepEveryPromise() async throws {
        guard let seeds = Self.seeds, !seeds.isEmpty else {
            print("SKIPPED the seeded fuzz run: the corpus is absent (\(Corpus.folder.path))")
            return
        }
        let mutator = Mutator(seeds: seeds)
        // Half a minute of computing: off the cooperative pool (see `onOwnThread`).
        let findings = await onOwnThread {
            var findings: [String] = []
            for iteration in 0..<2_000 as Range<UInt64> {
                let mutant = mutator.mutant(seed: 20_261_207, iteration: iteration)
                let problems = Oracle.problems(in: mutant.bytes)
                if !problems.isEmpty { findings.append("iteration \(iteration): \(problems[0])") }
            }
            return findings
        }
        #expect(findings.isEmpty, "\(findings.prefix(5).joined(separator: "\n"))")
    }

    @Test func theOracleNoticesBrokenPromises() {
        let text = "# Title\n\nA guide.\n"
        #expect(Oracle.problems(in: Array(text.utf8)).isEmpty)
        var spec = APISpec()
        spec.diagnostics = [
            Diagnostic(.error, .notUnderstood, at: SourceLocation(file: "p.md", line: 3, column: 10), "past the line"),
            Diagnostic(.error, .notUnderstood, at: SourceLocation(file: "p.md", line: 5, column: 1), "past the page"),
            Diagnostic(.warning, .notUnderstood, at: SourceLocation(file: "p.md", line: 1, column: 1), "fine"),
        ]
        let problems = Oracle.problems(of: spec, text: text, path: "p.md")
        #expect(problems.count == 2, "\(problems)")
        let mutator = Mutator(seeds: [Array(text.utf8)])
        #expect(mutator.mutant(seed: 1, iteration: 7).bytes == mutator.mutant(seed: 1, iteration: 7).bytes, "mutants are deterministic")
    }
}

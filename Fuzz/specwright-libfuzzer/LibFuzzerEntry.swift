// The parser as a libFuzzer target: coverage-guided, where specwright-fuzz mutates blindly. libFuzzer calls
// back with each input it makes; a broken promise of `Oracle` is turned into a crash, which libFuzzer reports
// and saves with the input (crash-HASH). Timeouts and running out of memory are libFuzzer's to detect
// (-timeout=, -rss_limit_mb=). Scripts/libfuzz.sh builds it with `-sanitize=fuzzer -DLIBFUZZER` into
// .build-fuzz and runs it on the corpus pages.
//
// Built without LIBFUZZER (`swift build` builds every target), it is a reproducer instead:
// `specwright-libfuzzer FILE...` runs each file through the same checks once and prints the broken promises.
import CLibFuzzer
import Foundation
import SpecFuzzing

@main
enum LibFuzzerEntry {
    static func main() {
        #if LIBFUZZER
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let problems = Oracle.problems(in: data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            guard problems.isEmpty else {
                FileHandle.standardError.write(Data(("broken promise: " + problems.joined(separator: "\nbroken promise: ") + "\n").utf8))
                abort()
            }
            return 0
        })
        #else
        var status: Int32 = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                status = 1
                continue
            }
            let problems = Oracle.problems(in: [UInt8](data))
            print(problems.isEmpty ? "\(path): every promise holds" : problems.map { "\(path): \($0)" }.joined(separator: "\n"))
            if !problems.isEmpty { status = 1 }
        }
        exit(status)
        #endif
    }
}

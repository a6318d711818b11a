import Foundation

/// The repository root, found from this file's path (Tests/SpecwrightCoreTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `body`'s result, computed on a thread of its own rather than on the test's task.
///
/// Why: Swift Testing runs tests as tasks on the cooperative pool, which has one thread per core (two here).
/// A test that computes for tens of seconds holds one of them the whole time; with two such tests, the
/// loopback tests' tasks wait for a thread and their time limits fail. Long computations go here.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

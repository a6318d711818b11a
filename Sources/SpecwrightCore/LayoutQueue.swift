import Dispatch
import Synchronization
import SwiftRendering
import SwiftTemplates

/// Lays out files while the render model is still being built: the model hands each file over as soon as
/// it is final, one worker lays files out meanwhile (the model itself keeps the other core), and once the
/// model is done the calling thread joins in until every file is laid out.
final class LayoutQueue: Sendable {
    private struct State {
        var files: [(model: FileModel, part: ModuleRenderer.Part)] = []
        var next = 0
        var finished = false
        var laidOut: [Int: GeneratedFile] = [:]
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let renderer: TemplateRenderer

    init(renderer: TemplateRenderer) { self.renderer = renderer }

    /// A final file of the model, to lay out.
    func add(_ file: FileModel, part: ModuleRenderer.Part) {
        state.withLock { $0.files.append((file, part)) }
        available.signal()
    }

    /// The model is complete: no more files come.
    func finish() {
        state.withLock { $0.finished = true }
        available.signal()
    }

    /// Lays out files until none is left, waiting for the model when it has not made the next one yet.
    func work() {
        while let (index, file) = take() {
            let laidOut = GeneratedFile(name: file.fileName, contents: renderer.render(file))
            state.withLock { $0.laidOut[index] = laidOut }
        }
        available.signal()  // wakes the other worker if it waits, so that it sees the end too
    }

    /// The laid-out files of `part`, by name.
    func files(of part: ModuleRenderer.Part) -> [String: GeneratedFile] {
        state.withLock { state in
            var result: [String: GeneratedFile] = [:]
            for (index, file) in state.files.enumerated() where file.part == part {
                result[file.model.fileName] = state.laidOut[index]
            }
            return result
        }
    }

    private func take() -> (Int, FileModel)? {
        while true {
            let next: (Int, FileModel)?? = state.withLock { state in
                if state.next < state.files.count {
                    defer { state.next += 1 }
                    return .some((state.next, state.files[state.next].model))
                }
                return state.finished ? .some(nil) : nil
            }
            if let next { return next }
            available.wait()
        }
    }
}

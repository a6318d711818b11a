import Foundation
import SpecwrightRuntime

// This target compiles the generated ChatKit sources (linked in as ./ChatKit) with `MainActor` as the default
// isolation, as an app target of Swift 6.2 may. The generated declarations are `nonisolated`, so they can be
// used from any concurrency context; this function would not compile if they had become main-actor isolated.
nonisolated func decodeOffTheMainActor(_ data: Data) async throws -> ChatKitThread {
    let client = Client(apiKey: "key")
    _ = client.chatkit.threads
    return try JSONDecoder().decode(ChatKitThread.self, from: data)
}

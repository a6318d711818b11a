import ArgumentParser
import ChatKitDemoAPI
import Foundation

@main
struct ChatKitDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatkit-demo",
        abstract: "Talks to the ChatKit threads API through the SDK generated from this package's specs.",
        discussion: "The API key comes from OPENAI_API_KEY.",
        subcommands: [Threads.self]
    )
}

struct Connection: ParsableArguments {
    @Option(help: "The server (default: the one the docs name).")
    var baseURL: String?

    func client() throws -> Client {
        guard let key = ProcessInfo.processInfo.environment["OPENAI_API_KEY"], !key.isEmpty else {
            throw ValidationError("set OPENAI_API_KEY")
        }
        guard let base = URL(string: baseURL ?? Client.defaultBaseURL.absoluteString) else {
            throw ValidationError("--base-url is not a URL")
        }
        return Client(apiKey: key, baseURL: base)
    }
}

struct Threads: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "ChatKit threads.", subcommands: [List.self, Get.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every thread, page after page.")
        @OptionGroup var connection: Connection
        @Option(help: "Only this user's threads.") var user: String?

        func run() async throws {
            for try await thread in try connection.client().chatkit.threads.listAutoPaging(user: user) {
                print("\(thread.id)\t\(thread.title ?? "(untitled)")\t\(Self.describe(thread.status))")
            }
        }

        static func describe(_ status: ChatKitThread.Status) -> String {
            switch status {
            case .active: "active"
            case .locked(let reason): "locked" + (reason.map { ": \($0)" } ?? "")
            case .closed(let reason): "closed" + (reason.map { ": \($0)" } ?? "")
            case .unknown(let json): "unknown status \(json)"
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one thread.")
        @OptionGroup var connection: Connection
        @Argument(help: "The thread's ID.") var threadID: String

        func run() async throws {
            let thread = try await connection.client().chatkit.threads.retrieve(threadID: threadID)
            print("\(thread.id)\t\(thread.title ?? "(untitled)")\t\(List.describe(thread.status))\trequest \(thread.requestID ?? "-")")
        }
    }
}

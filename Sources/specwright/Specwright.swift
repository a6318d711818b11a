import ArgumentParser

@main
struct Specwright: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specwright",
        abstract: "Reads Markdown API reference pages and generates a typed Swift SDK.",
        subcommands: [GenerateCommand.self, CheckCommand.self, IRCommand.self, LintCommand.self, DiffCommand.self, TemplatesCommand.self]
    )
}

/// The spec paths every subcommand reads.
struct SpecPaths: ParsableArguments {
    @Argument(help: "Spec files or folders (folders are read recursively; paths print relative to them); - reads one page from standard input.")
    var paths: [String] = ["Specs"]

    @Option(name: .long, help: "An overlay file to apply to the specs (repeatable); *.overlay.md files in the spec folders are applied anyway.")
    var overlay: [String] = []
}

/// A subcommand of `doenbaar`: one file each, with its own help text.
protocol Command: SendableMetatype {
    static var name: String { get }
    static var summary: String { get }
    static var help: String { get }
    static func run(_ arguments: [String], _ console: Console) -> ExitCode
}

/// The dispatch table. Plain closures rather than existential metatypes: the
/// 6.3 compiler crashes lowering a static call through `any Command.Type`.
struct CommandEntry: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([String], Console) -> ExitCode

    init<C: Command>(_ command: C.Type) {
        name = C.name
        summary = C.summary
        run = { C.run($0, $1) }
    }
}

enum Commands {
    static let all: [CommandEntry] = [
        CommandEntry(CheckCommand.self), CommandEntry(RunCommand.self), CommandEntry(KnelpuntenCommand.self),
        CommandEntry(InvoeringstoetsCommand.self), CommandEntry(PopulatieCommand.self),
        CommandEntry(BenchCommand.self), CommandEntry(LspCommand.self),
    ]

    static var overview: String {
        var text = """
        doenbaar — regels als code voor de Nederlandse sociale zekerheid

        Gebruik: doenbaar <opdracht> [opties]

        Opdrachten:

        """
        // The column fits the longest name, so no name is cut short.
        let width = (all.map(\.name.count).max() ?? 0) + 2
        for c in all { text += "  \(c.name.padding(toLength: width, withPad: " ", startingAt: 0))\(c.summary)\n" }
        text += "\nMeer over een opdracht: doenbaar <opdracht> --help\n"
        return text
    }
}

/// The entry point: picks the command and runs it.
public enum Doenbaar {
    public static func main(_ arguments: [String], console: Console) -> ExitCode {
        if let first = arguments.first, let command = Commands.all.first(where: { $0.name == first }) {
            return command.run(Array(arguments.dropFirst()), console)
        }
        if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            console.out(Commands.overview)
            return arguments.isEmpty ? .usage : .success
        }
        return console.fail("onbekende opdracht '\(arguments[0])'; kies uit \(Commands.all.map(\.name).joined(separator: ", ")) (doenbaar --help)")
    }
}

import Foundation

// The CLI only connects the stages; each command lives in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
let code: ExitCode
if let first = arguments.first, let command = Commands.all.first(where: { $0.name == first }) {
    code = command.run(Array(arguments.dropFirst()))
} else if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
    Console.out(Commands.overview)
    code = arguments.isEmpty ? .usage : .success
} else {
    code = Console.fail("onbekende opdracht '\(arguments[0])'; kies uit \(Commands.all.map(\.name).joined(separator: ", ")) (doenbaar --help)")
}
exit(code.rawValue)

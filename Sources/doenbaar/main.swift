import DoenbaarCLI
import Foundation

// The executable only hands the arguments and the standard streams to the CLI library.
// A closed pipe is an error to report, not a signal that ends the process unannounced.
signal(SIGPIPE, SIG_IGN)
let console = Console.standard()
let code = Doenbaar.main(Array(CommandLine.arguments.dropFirst()), console: console)
if let failure = console.outputFailure {
    console.err("doenbaar: fout: de uitvoer kon niet worden geschreven: \(failure)\n")
    exit(ExitCode.usage.rawValue)
}
exit(code.rawValue)

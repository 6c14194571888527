import DoenbaarCLI
import Foundation

// The executable only hands the arguments and the standard streams to the CLI library.
let code = Doenbaar.main(Array(CommandLine.arguments.dropFirst()), console: .standard())
exit(code.rawValue)

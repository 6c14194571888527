import DoenbaarLanguageServer
import Foundation

/// `doenbaar lsp`: the language server, over standard input and output.
enum LspCommand: Command {
    static let name = "lsp"
    static let summary = "taalserver voor editors (LSP over stdin/stdout)"
    static let help = """
    Gebruik: doenbaar lsp [--stdio]

    Start een taalserver (Language Server Protocol) die over standaardinvoer
    en -uitvoer praat met een editor. Voor .regels- en .persona-bestanden:
    meldingen tijdens het typen (dezelfde als 'doenbaar check'), uitleg bij
    een naam (soort, type, bron en declaratie), naar de declaratie springen,
    ook in een ander bestand, en namen en woorden van de regeltaal aanvullen.

    De server zoekt de map met Rules/ (de werkmap van de editor, of boven het
    eerste geopende bestand) en leest Rules/ en Personas/ zoals 'doenbaar
    check' zonder argumenten. --stdio wordt aanvaard en verandert niets: de
    server praat altijd over stdin/stdout. Problemen met de invoer gaan naar
    stderr. Afsluitcode 0 na 'shutdown' en 'exit', anders 1.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: [], switches: ["stdio"]) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        if let extra = args.positional.first { return console.fail("'doenbaar lsp' neemt geen argumenten, maar kreeg '\(extra)'") }
        // A client that goes away must end the server with an error code, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let code = ServerLoop.run(input: FileDescriptorSource(STDIN_FILENO), output: FileDescriptorSink(STDOUT_FILENO),
                                  log: { console.err("doenbaar lsp: \($0)\n") })
        // LSP asks for exit code 1 when the client ends without `shutdown`.
        return code == 0 ? .success : .inputErrors
    }
}

import DoenbaarCore

/// `doenbaar check [PAD...]`: reads and checks rule files and personas.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "controleer regelbestanden en persona's"
    static let help = """
    Gebruik: doenbaar check [PAD...]

    Leest en controleert regelbestanden (*.regels) en persona's (*.persona,
    *.json). Zonder PAD: Rules/ en Personas/. Een map wordt met submappen
    doorzocht. Regelbestanden worden samen als één regelset gecontroleerd.

    Meldingen gaan naar stderr, als pad:regel:kolom: fout: melding.
    Afsluitcode 0: geen fouten; 1: fouten gevonden; 2: onbruikbare argumenten
    of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: []) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        let paths = args.positional.isEmpty ? ["Rules", "Personas"] : args.positional
        let sources = SourceManager()
        var diagnostics = DiagnosticBag()
        var ruleFiles = 0, personaCount = 0
        do throws(InputFiles.Failure) {
            var rulePaths: [String] = []
            for p in paths where try !InputFiles.find(p, extensions: ["regels"]).isEmpty { rulePaths.append(p) }
            if !rulePaths.isEmpty {
                let loaded = try RuleLoader.load(rulePaths, sources: sources)
                diagnostics.add(contentsOf: loaded.diagnostics)
                ruleFiles = loaded.files.count
            }
            for p in paths {
                let (personas, d) = try PersonaLoader.loadAll([p], sources: sources)
                diagnostics.add(contentsOf: d)
                personaCount += personas.count
            }
        } catch {
            return console.fail(error.description)
        }
        console.diagnostics(diagnostics, sources: sources)
        if diagnostics.hasErrors { return .inputErrors }
        console.err("in orde: \(ruleFiles) regelbestand\(ruleFiles == 1 ? "" : "en"), \(personaCount) persona\(personaCount == 1 ? "" : "'s")\n")
        return .success
    }
}

import DoenbaarCore
import DoenbaarReports

/// `doenbaar run --persona PAD`: a persona month by month through the rules.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "reken een persona door, maand voor maand, met uitleg"
    static let help = """
    Gebruik: doenbaar run --persona PAD [--rules MAP] [--from JJJJ-MM --to JJJJ-MM] [--format text|json]

    Rekent een persona maand voor maand door de regels en toont per maand de
    betaling per uitkering, kortingen, nabetalingen, terugvorderingen en
    boetes, met per uitkomst de regels en artikelen waarop zij berust.

      --persona PAD     persona-bestand (*.persona of *.json)
      --rules MAP       map met regelbestanden (standaard: Rules)
      --from JJJJ-MM    eerste maand (standaard: eerste maand met een feit)
      --to JJJJ-MM      laatste maand (standaard: twee maanden na het laatste feit)
      --format FORMAAT  text (standaard) of json; de JSON-vorm staat in de README

    Afsluitcode 0: gelukt; 1: fouten in regels of persona; 2: onbruikbare
    argumenten of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: ["persona", "rules", "from", "to", "format"]) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])'; gebruik --persona PAD") }
        guard let personaPath = args.value("persona") else { return console.fail("--persona PAD ontbreekt (zie doenbaar run --help)") }
        let format = args.value("format") ?? "text"
        guard format == "text" || format == "json" else { return console.fail("--format is 'text' of 'json', niet '\(format)'") }
        var from: YearMonth?, to: YearMonth?
        if let f = args.value("from") {
            guard let m = YearMonth(iso: f) else { return console.fail("--from verwacht een maand als JJJJ-MM, niet '\(f)'") }
            from = m
        }
        if let t = args.value("to") {
            guard let m = YearMonth(iso: t) else { return console.fail("--to verwacht een maand als JJJJ-MM, niet '\(t)'") }
            to = m
        }
        if let from, let to, to < from { return console.fail("--to (\(to)) ligt vóór --from (\(from))") }

        let sources = SourceManager()
        let loaded: LoadedRules
        let persona: Persona?
        var diagnostics = DiagnosticBag()
        do throws(InputFiles.Failure) {
            loaded = try RuleLoader.load([args.value("rules") ?? "Rules"], sources: sources)
            diagnostics.add(contentsOf: loaded.diagnostics)
            let (p, d) = try PersonaLoader.load(path: personaPath, sources: sources)
            persona = p
            diagnostics.add(contentsOf: d)
        } catch {
            return console.fail(error.description)
        }
        console.diagnostics(diagnostics, sources: sources)
        guard let ruleSet = loaded.ruleSet, let persona, !diagnostics.hasErrors else { return .inputErrors }
        if loaded.files.isEmpty { return console.fail("geen regelbestanden (*.regels) gevonden in '\(args.value("rules") ?? "Rules")'") }

        guard let defaults = persona.defaultMonths ?? from.map({ ($0, $0.adding(months: 11)) }) else {
            return console.fail("persona '\(persona.id)' heeft geen feiten met een datum; geef --from en --to")
        }
        let first = from ?? defaults.from
        let last = to ?? max(defaults.to, first)
        if last.index - first.index > 12 * 10 { return console.fail("periode is langer dan tien jaar; kies --from en --to dichter bij elkaar") }

        let evaluator = Evaluator(plan: Plan(ruleSet))
        do throws(Evaluator.RunError) {
            let result = try evaluator.run(persona, from: first, to: last)
            if format == "json" {
                console.out(RunJSON.render(result))
            } else {
                console.out(RunTextRenderer.render(result, benefits: ruleSet.benefits.map(\.name)))
            }
            return .success
        } catch {
            var bag = DiagnosticBag()
            bag.error(.evaluation, error.failure.range,
                      "persona '\(error.personaID)', beslisdatum \(error.decisionDate): \(error.failure.message)")
            console.diagnostics(bag, sources: sources)
            return .inputErrors
        }
    }
}

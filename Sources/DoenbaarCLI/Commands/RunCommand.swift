import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports

/// `doenbaar run --persona PAD`: a persona month by month through the rules.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "reken een persona door, maand voor maand, met uitleg"
    static let help = """
    Gebruik: doenbaar run --persona PAD [--rules MAP] [--reform MAP] [--from JJJJ-MM --to JJJJ-MM] [--format text|json]

    Rekent een persona maand voor maand door de regels en toont per maand de
    betaling per uitkering, kortingen, nabetalingen, terugvorderingen en
    boetes, met per uitkomst de regels en artikelen waarop zij berust.
    Daarna het ideale pad (alles op tijd gemeld) naast het realistische pad
    (wat de persona met haar doenvermogen waarschijnlijk doet) en de
    hardvochtige effecten die de analyse vindt.

      --persona PAD     persona-bestand (*.persona of *.json)
      --rules MAP       map met regelbestanden (standaard: Rules)
      --reform MAP      een hervorming (een map onder hervormingen/): toont de
                        persona voor en na, alleen de maanden die veranderen,
                        met per veranderde euro waar de berekening verandert
      --from JJJJ-MM    eerste maand (standaard: eerste maand met een feit)
      --to JJJJ-MM      laatste maand (standaard: twee maanden na het laatste feit)
      --format FORMAAT  text (standaard) of json; de JSON-vorm staat in de README
      --zonder-analyse  laat het ideale en realistische pad en de bevindingen weg

    Afsluitcode 0: gelukt; 1: fouten in regels of persona; 2: onbruikbare
    argumenten of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: ["persona", "rules", "reform", "from", "to", "format"], switches: ["zonder-analyse"]) } catch { return console.fail(error.message) }
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
        var persona: Persona?
        var diagnostics = DiagnosticBag()
        do throws(InputFiles.Failure) {
            loaded = try RuleLoader.load([args.value("rules") ?? "Rules"], sources: sources)
            diagnostics.add(contentsOf: loaded.diagnostics)
            if let ruleSet = loaded.ruleSet {
                let (p, d) = try PersonaLoader.load(path: personaPath, rules: ruleSet, sources: sources)
                persona = p
                diagnostics.add(contentsOf: d)
            }
        } catch {
            return console.fail(error.description)
        }
        // Warnings (a protected attribute, say) are for `doenbaar check`; a run shows errors only.
        console.diagnostics(DiagnosticBag(errorsOf: diagnostics), sources: sources)
        guard let ruleSet = loaded.ruleSet, let persona, !diagnostics.hasErrors else { return .inputErrors }
        if loaded.files.isEmpty { return console.fail("geen regelbestanden (*.regels) gevonden in '\(args.value("rules") ?? "Rules")'") }

        guard let defaults = persona.defaultMonths ?? from.map({ ($0, $0.adding(months: 11)) }) else {
            return console.fail("persona '\(persona.id)' heeft geen feiten met een datum; geef --from en --to")
        }
        let first = from ?? defaults.from
        let last = to ?? max(defaults.to, first)
        if last.index - first.index > 12 * 10 { return console.fail("periode is langer dan tien jaar; kies --from en --to dichter bij elkaar") }

        let evaluator = Evaluator(plan: Plan(ruleSet))
        if let reformPath = args.value("reform") {
            return compare(persona, under: reformPath, rules: args.value("rules") ?? "Rules", baseline: evaluator,
                           from: first, to: last, json: format == "json", sources: sources, console)
        }
        let result: PersonaRun
        do throws(Evaluator.RunError) {
            result = try evaluator.run(persona, from: first, to: last)
        } catch {
            return report(error, sources: sources, console)
        }
        // The two paths and the findings, when the rules carry the analysis parameters (Rules/analyse/).
        var analysis: Analyzer.PersonaAnalysis?
        if !args.has("zonder-analyse") {
            do throws(AnalysisError) {
                analysis = try Analyzer(evaluator: evaluator).analyze(persona, from: first, to: last)
            } catch {
                if case .evaluation(let e) = error { return report(e, sources: sources, console) }
                console.err("doenbaar: geen analyse: \(error.description)\n")
            }
        }
        if format == "json" {
            do { console.out(try RunJSON.render(result, analysis: analysis)) } catch {
                return console.fail("JSON kan niet worden gemaakt: \(SystemMessage.dutch(error))")
            }
        } else {
            console.out(RunTextRenderer.render(result, benefits: ruleSet.benefits.map(\.name)))
            if let analysis { console.out(AnalysisTextRenderer.render(analysis)) }
        }
        return .success
    }

    /// The persona before and after a reform: the changed months with the values that differ.
    private static func compare(_ persona: Persona, under reformPath: String, rules: String, baseline: Evaluator,
                                from: YearMonth, to: YearMonth, json: Bool, sources: SourceManager, _ console: Console) -> ExitCode {
        let loaded: LoadedReform
        do throws(InputFiles.Failure) {
            loaded = try ReformLoader.load(reform: reformPath, baseline: [rules], sources: sources)
        } catch {
            return console.fail(error.description)
        }
        console.diagnostics(DiagnosticBag(errorsOf: loaded.diagnostics), sources: sources)
        guard let reformed = loaded.ruleSet, let reform = loaded.reform else {
            if !loaded.diagnostics.hasErrors { return console.fail("'\(reformPath)' bevat geen hervorming (een bestand met 'hervorming NAAM \"titel\"')") }
            return .inputErrors
        }
        let before: PersonaRun, after: PersonaRun
        do throws(Evaluator.RunError) {
            before = try baseline.run(persona, from: from, to: to)
            after = try Evaluator(plan: Plan(reformed)).run(persona, from: from, to: to)
        } catch {
            return report(error, sources: sources, console)
        }
        let comparison = ReformRun(reform: reform, before: before, after: after)
        if json {
            do { console.out(try comparison.json()) } catch { return console.fail("JSON kan niet worden gemaakt: \(SystemMessage.dutch(error))") }
        } else {
            console.out(comparison.text())
        }
        return .success
    }

    private static func report(_ error: Evaluator.RunError, sources: SourceManager, _ console: Console) -> ExitCode {
        var bag = DiagnosticBag()
        bag.add(error.diagnostic)
        console.diagnostics(bag, sources: sources)
        return .inputErrors
    }
}

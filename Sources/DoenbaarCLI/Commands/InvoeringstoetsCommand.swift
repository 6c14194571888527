import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports

/// `doenbaar invoeringstoets --baseline DIR --reform DIR`: the same personas
/// under the current rules and under a reform, side by side.
enum InvoeringstoetsCommand: Command {
    static let name = "invoeringstoets"
    static let summary = "vergelijk de huidige regels met een hervorming"
    static let help = """
    Gebruik: doenbaar invoeringstoets --baseline MAP --reform MAP [--personas MAP] [--populatie N [--seed S]] [--out MAP]

    Rekent dezelfde persona's door onder de huidige regels (--baseline) en met
    een hervorming (--reform: een map met een 'hervorming'-bestand). Toont per
    bedoeling of zij voor en na wordt gehaald, per persona het inkomen per
    maand voor en na, en welke knelpunten zijn opgelost, blijven of nieuw zijn.
    Schrijft invoeringstoets-<hervorming>.md, .html en .json.

      --baseline MAP   de huidige regels (bijvoorbeeld Rules)
      --reform MAP     de hervorming (bijvoorbeeld Rules/hervormingen/calamiteitenverlof)
      --personas MAP   persona's (standaard: Personas)
      --populatie N    reken ook een synthetische populatie van N personen door,
                       voor en na (zelfde zaad), en schat per knelpunt hoeveel
                       mensen het in de hele populatie treft
      --seed S         zaad van de populatie (standaard: 20240101)
      --out MAP        waar de rapporten komen (standaard: Reports)

    Afsluitcode 0: gelukt; 1: fouten in regels, hervorming of persona's; 2:
    onbruikbare argumenten of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: ["baseline", "reform", "personas", "populatie", "seed", "out"]) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])' (zie doenbaar invoeringstoets --help)") }
        guard let baselinePath = args.value("baseline") else { return console.fail("--baseline MAP ontbreekt (zie doenbaar invoeringstoets --help)") }
        guard let reformPath = args.value("reform") else { return console.fail("--reform MAP ontbreekt (zie doenbaar invoeringstoets --help)") }
        let personasPath = args.value("personas") ?? "Personas"

        let baseline: LoadedInput
        switch LoadedInput.load(rules: baselinePath, personas: personasPath, console) {
        case .success(let loaded): baseline = loaded
        case .failure(let code): return code
        }
        let sources = SourceManager()
        let loaded: LoadedReform
        do throws(InputFiles.Failure) {
            loaded = try ReformLoader.load(reform: reformPath, baseline: [baselinePath], sources: sources)
        } catch {
            return console.fail(error.description)
        }
        if loaded.diagnostics.hasErrors {
            console.diagnostics(DiagnosticBag(errorsOf: loaded.diagnostics), sources: sources)
            return .inputErrors
        }
        guard let reform = loaded.reform, let reformRules = loaded.ruleSet else { return .inputErrors }
        let reformed = LoadedInput(ruleSet: reformRules, personas: baseline.personas, evaluator: Evaluator(plan: Plan(reformRules)), sources: sources)

        let before: [Analyzer.PersonaAnalysis], after: [Analyzer.PersonaAnalysis]
        switch baseline.analyzeAll(console) {
        case .success(let a): before = a
        case .failure(let code): return code
        }
        switch reformed.analyzeAll(console) {
        case .success(let a): after = a
        case .failure(let code): return code
        }
        var report = InvoeringstoetsRapport.build(reform: reform, baseline: before, reformed: after,
                                                  baselineRules: baseline.ruleSet, reformRules: reformRules)
        if args.value("populatie") != nil {
            let size: Int, seed: UInt64
            switch Population.sizeAndSeed(args, sizeOption: "populatie", defaultSize: "") {
            case .success(let s): (size, seed) = s
            case .failure(let message): return console.fail(message.text)
            }
            switch (Population.estimate(baseline, size: size, seed: seed, console), Population.estimate(reformed, size: size, seed: seed, console)) {
            case (.success(let b), .success(let a)): report = report.with(before: b, after: a)
            case (.failure(let code), _), (_, .failure(let code)): return code
            }
        }
        let out = args.value("out") ?? "Reports"
        let stem = "invoeringstoets-\(reform.name)"
        if let failed = console.write({ [
            ("\(stem).md", InvoeringstoetsMarkdown.render(report)),
            ("\(stem).html", InvoeringstoetsHTML.render(report)),
            ("\(stem).json", try ReportJSON.render(report)),
        ] }, to: out) { return failed }
        console.err("\(reform.title): \(report.opgelost.count) knelpunt(en) opgelost, \(report.blijvend.count) blijvend, \(report.nieuw.count) nieuw; geschreven naar \(out)/\(stem).md, .html en .json\n")
        return .success
    }
}

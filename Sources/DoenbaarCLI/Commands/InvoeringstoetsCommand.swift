import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports

/// `doenbaar invoeringstoets --baseline DIR --reform DIR [--reform DIR ...]`:
/// the same personas under the current rules and under one or more reforms,
/// the current rules analysed once.
enum InvoeringstoetsCommand: Command {
    static let name = "invoeringstoets"
    static let summary = "vergelijk de huidige regels met een hervorming"
    static let help = """
    Gebruik: doenbaar invoeringstoets --baseline MAP --reform MAP [--reform MAP ...] [--personas MAP] [--populatie N [--seed S]] [--out MAP]

    Rekent dezelfde persona's door onder de huidige regels (--baseline) en met
    een of meer hervormingen (--reform: een map met een 'hervorming'-bestand;
    meermaals te geven). De huidige regels worden één keer doorgerekend. Het
    rapport begint met het effect van elke hervorming: wie erop vooruit of
    achteruit gaat, de uitkeringslasten en het netto inkomen per jaar en de
    gewijzigde bepalingen. Dan per knelpunt of het is opgelost, verminderd,
    blijft, verergerd of nieuw is, per bedoeling of zij voor en na wordt
    gehaald, en per persona het inkomen per maand voor en na. Met meer
    hervormingen staan zij naast elkaar, een kolom per hervorming.
    Schrijft invoeringstoets-<hervorming>.md, .html en .json voor één
    hervorming, invoeringstoets.md, .html en .json voor meer.

      --baseline MAP   de huidige regels (bijvoorbeeld Rules)
      --reform MAP     een hervorming (bijvoorbeeld Rules/hervormingen/calamiteitenverlof)
      --personas MAP   persona's (standaard: Personas)
      --populatie N    reken ook een synthetische populatie van N personen door,
                       voor en na elke hervorming (zelfde zaad), en schat per
                       knelpunt hoeveel mensen het in de hele populatie treft
      --seed S         zaad van de populatie (standaard: 20240101)
      --out MAP        waar de rapporten komen (standaard: Reports)

    Afsluitcode 0: gelukt; 1: fouten in regels, hervorming of persona's; 2:
    onbruikbare argumenten of onleesbare bestanden.
    """

    /// An analysis that failed, already reported on the console.
    struct Stopped: Error { let code: ExitCode }

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        // `--reform` may be given several times; the other options once.
        var reformPaths: [String] = [], rest: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            i += 1
            if a.hasPrefix("--reform=") { reformPaths.append(String(a.dropFirst("--reform=".count))); continue }
            guard a == "--reform" else { rest.append(a); continue }
            guard i < arguments.count, !arguments[i].hasPrefix("--") else { return console.fail("optie '--reform' verwacht een waarde") }
            reformPaths.append(arguments[i])
            i += 1
        }
        let args: Arguments
        do { args = try Arguments(rest, options: ["baseline", "personas", "populatie", "seed", "out"]) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])' (zie doenbaar invoeringstoets --help)") }
        guard let baselinePath = args.value("baseline") else { return console.fail("--baseline MAP ontbreekt (zie doenbaar invoeringstoets --help)") }
        guard !reformPaths.isEmpty else { return console.fail("--reform MAP ontbreekt (zie doenbaar invoeringstoets --help)") }
        let personasPath = args.value("personas") ?? "Personas"

        let baseline: LoadedInput
        switch LoadedInput.load(rules: baselinePath, personas: personasPath, console) {
        case .success(let loaded): baseline = loaded
        case .failure(let code): return code
        }
        var reforms: [Invoeringstoets.Hervormd] = []
        for path in reformPaths {
            let sources = SourceManager()
            let loaded: LoadedReform
            do throws(InputFiles.Failure) {
                loaded = try ReformLoader.load(reform: path, baseline: [baselinePath], sources: sources)
            } catch {
                return console.fail(error.description)
            }
            if loaded.diagnostics.hasErrors {
                console.diagnostics(DiagnosticBag(errorsOf: loaded.diagnostics), sources: sources)
                return .inputErrors
            }
            guard let reform = loaded.reform, let rules = loaded.ruleSet else { return .inputErrors }
            if let twice = reforms.first(where: { $0.reform.name == reform.name }) {
                return console.fail("de hervorming '\(twice.reform.name)' staat er twee keer (\(path))")
            }
            reforms.append(.init(reform: reform, ruleSet: rules))
        }

        var report: InvoeringstoetsRapport
        do {
            report = try Invoeringstoets.compare(baselineRules: baseline.ruleSet, baselinePaths: [baselinePath], personas: baseline.personas,
                                                 reforms: reforms) { evaluator in
                let input = LoadedInput(ruleSet: evaluator.plan.ruleSet, personas: baseline.personas, evaluator: evaluator, sources: baseline.sources)
                switch input.analyzeAll(console) {
                case .success(let a): return a
                case .failure(let code): throw Stopped(code: code)
                }
            }
        } catch let stopped as Stopped {
            return stopped.code
        } catch {
            return console.fail("\(error)")
        }
        if args.value("populatie") != nil {
            let size: Int, seed: UInt64
            switch Population.sizeAndSeed(args, sizeOption: "populatie") {
            case .success(let (given?, s)): (size, seed) = (given, s)
            case .success: return console.fail("--populatie verwacht een aantal")
            case .failure(let message): return console.fail(message.text)
            }
            let before: PopulatieRapport
            switch Population.estimate(baseline, size: size, seed: seed, console) {
            case .success(let b): before = b
            case .failure(let code): return code
            }
            var after: [PopulatieRapport] = []
            for r in reforms {
                let input = LoadedInput(ruleSet: r.ruleSet, personas: baseline.personas, evaluator: Evaluator(plan: Plan(r.ruleSet)), sources: baseline.sources)
                switch Population.estimate(input, size: size, seed: seed, console) {
                case .success(let a): after.append(a)
                case .failure(let code): return code
                }
            }
            report = report.with(before: before, after: after)
        }
        let out = args.value("out") ?? "Reports"
        let stem = reforms.count == 1 ? "invoeringstoets-\(reforms[0].reform.name)" : "invoeringstoets"
        if let failed = console.write({ [
            ("\(stem).md", InvoeringstoetsMarkdown.render(report)),
            ("\(stem).html", InvoeringstoetsHTML.render(report)),
            ("\(stem).json", try ReportJSON.render(report)),
        ] }, to: out) { return failed }
        for v in report.hervormingen {
            let counts = InvoeringstoetsRapport.Categorie.allCases.map { "\(v.knelpunten($0).count) \($0.rawValue)" }
            console.err("\(v.hervorming.titel): knelpunten \(counts.joined(separator: ", "))\n")
        }
        console.err("geschreven naar \(out)/\(stem).md, .html en .json\n")
        return .success
    }
}

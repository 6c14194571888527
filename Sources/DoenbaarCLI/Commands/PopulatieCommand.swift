import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import Foundation

/// `doenbaar populatie`: a synthetic population from the personas, the
/// analysis on everyone, estimates per knelpunt.
enum PopulatieCommand: Command {
    static let name = "populatie"
    static let summary = "schat per knelpunt hoeveel mensen het treft, met een synthetische populatie"
    static let help = """
    Gebruik: doenbaar populatie [--rules MAP] [--personas MAP] [--size N] [--seed S] [--out MAP]

    Maakt uit de persona's een synthetische populatie (variaties volgens
    Rules/analyse/populatie.regels, gewogen naar het aantal uitkeringen van
    UWV), rekent iedereen door en schat per knelpunt hoeveel mensen het treft
    (met een 95%-interval) en om hoeveel geld het gaat. Gebruikt alle kernen;
    het geheugen blijft gelijk bij een grotere populatie. Hetzelfde zaad geeft
    dezelfde uitkomst. Schrijft populatie.md en populatie.json.

      --size N         aantal synthetische personen (standaard: 10000)
      --seed S         zaad van de toevalsgenerator (standaard: 20240101)
      --rules MAP      regelbestanden (standaard: Rules)
      --personas MAP   persona's (standaard: Personas)
      --out MAP        waar de rapporten komen (standaard: Reports)

    Afsluitcode 0: gelukt; 1: fouten in regels of persona's; 2: onbruikbare
    argumenten of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: ["rules", "personas", "size", "seed", "out"]) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])' (zie doenbaar populatie --help)") }
        let size: Int, seed: UInt64
        switch Population.sizeAndSeed(args, sizeOption: "size", defaultSize: "10000") {
        case .success(let s): (size, seed) = s
        case .failure(let message): return console.fail(message.text)
        }
        let input: LoadedInput
        switch LoadedInput.load(rules: args.value("rules") ?? "Rules", personas: args.value("personas") ?? "Personas", console) {
        case .success(let loaded): input = loaded
        case .failure(let code): return code
        }
        switch Population.estimate(input, size: size, seed: seed, console) {
        case .failure(let code): return code
        case .success(let report):
            let out = args.value("out") ?? "Reports"
            if let failed = console.write({ [("populatie.md", PopulatieMarkdown.render(report)), ("populatie.json", try ReportJSON.render(report))] },
                                          to: out) { return failed }
            console.err("\(report.schattingen.count) knelpunt\(report.schattingen.count == 1 ? "" : "en") geschat uit \(Format.count(size)) synthetische personen; geschreven naar \(out)/populatie.md en .json\n")
            return .success
        }
    }
}

/// The population run shared by the commands that use its estimates.
enum Population {
    struct Message: Error { let text: String }

    /// The size (`--size` or `--populatie`) and `--seed`, read alike by every command.
    static func sizeAndSeed(_ args: Arguments, sizeOption: String, defaultSize: String) -> Result<(Int, UInt64), Message> {
        let sizeText = args.value(sizeOption) ?? defaultSize
        guard let size = Int(sizeText), (1...100_000_000).contains(size) else {
            return .failure(Message(text: "--\(sizeOption) verwacht een aantal tussen 1 en 100.000.000, niet '\(sizeText)'"))
        }
        let seedText = args.value("seed") ?? "20240101"
        guard let seed = UInt64(seedText) else {
            return .failure(Message(text: "--seed verwacht een geheel getal van 0 tot 2^64, niet '\(seedText)'"))
        }
        return .success((size, seed))
    }

    static func estimate(_ input: LoadedInput, size: Int, seed: UInt64, _ console: Console) -> LoadedInput.Outcome<PopulatieRapport> {
        let parameters: PopulationParameters, analyzer: Analyzer
        do throws(AnalysisError) {
            parameters = try PopulationParameters(input.ruleSet)
            analyzer = try Analyzer(evaluator: input.evaluator)
        } catch {
            return .failure(console.fail(error.description))
        }
        let generator = PopulationGenerator(personas: input.personas, parameters: parameters, size: size, seed: seed)
        guard !generator.archetypes.isEmpty else { return .failure(console.fail("geen persona's met WW of Wajong om een populatie van te maken")) }
        let started = Date()
        let bar = ProgressBar(total: size, console: console)
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        let result = PopulationRun(generator: generator, analyzer: analyzer).run(progress: progress)
        bar?.finish()
        if let failure = result.firstFailure {
            console.err("doenbaar: \(result.failures) synthetische personen niet doorgerekend; de eerste: \(failure)\n")
        }
        // Timing goes to stderr only, so the reports stay the same for the same seed.
        console.err(String(format: "populatie van %d doorgerekend in %.1f s\n", size, Date().timeIntervalSince(started)))
        return .success(PopulatieRapport.build(result, generator: generator, fingerprint: input.fingerprint))
    }
}

import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import Foundation

/// `doenbaar knelpunten`: the main job. Runs every persona through the rules
/// and the analysis, and writes the knelpuntenrapport as Markdown, HTML and JSON.
enum KnelpuntenCommand: Command {
    static let name = "knelpunten"
    static let summary = "schrijf het knelpuntenrapport (Markdown, HTML en JSON)"
    static let help = """
    Gebruik: doenbaar knelpunten [--rules MAP] [--personas MAP] [--out MAP]
                                 [--omvang N] [--seed S] [--populatie BESTAND] [--zonder-populatie]

    Rekent alle persona's door de regels, zoekt hardvochtige effecten en
    bundelt ze tot knelpunten: per knelpunt wat er gebeurt, waarom (met de
    artikelen), hoe hard, hoeveel mensen, de kant van het doenvermogen en de
    trede van de oplossingsladder. Hoeveel mensen een knelpunt treft, schat
    het uit een synthetische populatie zo groot als het hele bestand: één
    persoon per uitkering die de regels tellen (zie doenbaar populatie).
    Schrijft knelpunten.md, knelpunten.html en knelpunten.json, en
    populatie.md en populatie.json als het de populatie doorrekent; alle
    bestanden samen worden helemaal of niet geschreven.

    De populatie wordt alleen doorgerekend als populatie.json in de map van
    --out niet over dezelfde regels, persona's, omvang en zaad gaat: anders
    neemt het de schattingen daaruit over (dezelfde invoer geeft dezelfde
    uitkomst).

      --rules MAP      regelbestanden (standaard: Rules)
      --personas MAP   persona's (standaard: Personas)
      --out MAP        waar de rapporten komen (standaard: Reports)
      --omvang N       aantal synthetische personen (standaard: het hele
                       bestand, één per uitkering)
      --seed S         zaad van de toevalsgenerator (standaard: 20240101)
      --populatie BESTAND
                       neem de schattingen over uit dit populatie.json van
                       'doenbaar populatie' over dezelfde regels en persona's
      --zonder-populatie
                       geen populatie: het aantal mensen alleen uit de
                       gewichten van de persona's

    Afsluitcode 0: gelukt; 1: fouten in regels of persona's; 2: onbruikbare
    argumenten of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do {
            args = try Arguments(arguments, options: ["rules", "personas", "populatie", "out", "omvang", "seed"], switches: ["zonder-populatie"])
        } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])' (zie doenbaar knelpunten --help)") }
        if args.has("zonder-populatie"), let other = ["populatie", "omvang", "seed"].first(where: { args.value($0) != nil }) {
            return console.fail("--zonder-populatie en --\(other) gaan niet samen")
        }
        if args.value("populatie") != nil, let other = ["omvang", "seed"].first(where: { args.value($0) != nil }) {
            return console.fail("--populatie neemt een bestaande populatie over; --\(other) hoort bij een nieuwe (zie doenbaar knelpunten --help)")
        }
        let givenSize: Int?, seed: UInt64
        switch Population.sizeAndSeed(args, sizeOption: "omvang") {
        case .success(let s): (givenSize, seed) = s
        case .failure(let message): return console.fail(message.text)
        }
        let input: LoadedInput
        switch LoadedInput.load(rules: args.value("rules") ?? "Rules", personas: args.value("personas") ?? "Personas", console) {
        case .success(let loaded): input = loaded
        case .failure(let code): return code
        }
        let out = args.value("out") ?? "Reports"
        // The folder first: a report that cannot be written costs no wait for the population.
        do { try ReportWriter.prepare(out) } catch { return console.fail(error.description) }
        let estimates: PopulationEstimates
        if args.has("zonder-populatie") {
            estimates = .none
        } else if let path = args.value("populatie") {
            switch PopulationEstimates.given(path, input, console) {
            case .success(let e): estimates = e
            case .failure(let code): return code
            }
        } else {
            switch PopulationEstimates.beside(out, input, size: givenSize, seed: seed, console) {
            case .success(let e): estimates = e
            case .failure(let code): return code
            }
        }
        let analyses: [Analyzer.PersonaAnalysis]
        switch input.analyzeAll(console) {
        case .success(let a): analyses = a
        case .failure(let code): return code
        }
        var report = KnelpuntenRapport.build(analyses: analyses, ruleSet: input.ruleSet)
        if let population = estimates.report { report = report.with(population: population) }
        // A population computed here is written with the report that uses it, as one set.
        if let failed = console.write({
            var files = [
                ("knelpunten.md", KnelpuntenMarkdown.render(report)),
                ("knelpunten.html", KnelpuntenHTML.render(report)),
                ("knelpunten.json", try ReportJSON.render(report)),
            ]
            if let population = estimates.computed {
                files += try Population.files(population)
            }
            return files
        }, to: out) { return failed }
        let written = estimates.computed == nil ? "\(out)/knelpunten.md, .html en .json" : "\(out)/knelpunten.md, .html en .json en populatie.md en .json"
        console.err("\(report.knelpunten.count) knelpunt\(report.knelpunten.count == 1 ? "" : "en") uit \(analyses.count) persona's; geschreven naar \(written)\n")
        return .success
    }
}

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
    Gebruik: doenbaar knelpunten [--rules MAP] [--personas MAP] [--populatie BESTAND] [--out MAP]

    Rekent alle persona's door de regels, zoekt hardvochtige effecten en
    bundelt ze tot knelpunten: per knelpunt wat er gebeurt, waarom (met de
    artikelen), hoe hard, hoeveel mensen (geschat uit de gewichten), de kant
    van het doenvermogen en de trede van de oplossingsladder. Schrijft
    knelpunten.md, knelpunten.html en knelpunten.json; elk bestand wordt
    helemaal of niet geschreven.

      --rules MAP      regelbestanden (standaard: Rules)
      --personas MAP   persona's (standaard: Personas)
      --populatie BESTAND
                       neem per knelpunt de schatting over uit een populatie.json
                       van 'doenbaar populatie' over dezelfde regels en persona's
                       (standaard: populatie.json in de map van --out, als die
                       over dezelfde regels en persona's gaat)
      --out MAP        waar de rapporten komen (standaard: Reports)

    Afsluitcode 0: gelukt; 1: fouten in regels of persona's; 2: onbruikbare
    argumenten of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: ["rules", "personas", "populatie", "out"]) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])' (zie doenbaar knelpunten --help)") }
        let input: LoadedInput
        switch LoadedInput.load(rules: args.value("rules") ?? "Rules", personas: args.value("personas") ?? "Personas", console) {
        case .success(let loaded): input = loaded
        case .failure(let code): return code
        }
        let out = args.value("out") ?? "Reports"
        // Without --populatie: the estimates beside the reports, when they were made from these rules and personas.
        // Read (and refused) before the analysis: a broken file costs no wait.
        var estimates: PopulatieRapport?
        let path = args.value("populatie") ?? "\(out)/populatie.json"
        if args.value("populatie") != nil || FileManager.default.fileExists(atPath: path) {
            let population: PopulatieRapport
            do {
                population = try JSONDecoder().decode(PopulatieRapport.self, from: Data(try InputFiles.read(path)))
            } catch let failure as InputFiles.Failure {
                return console.fail(failure.description)
            } catch {
                return console.fail("'\(path)' is geen populatie.json van 'doenbaar populatie'")
            }
            if let problem = population.problems.first {
                return console.fail("'\(path)' kan niet kloppen: \(problem); maak het opnieuw met 'doenbaar populatie'")
            }
            if population.vingerafdruk == input.fingerprint {
                estimates = population
                console.err("schattingen per knelpunt uit \(path)\n")
            } else if args.value("populatie") != nil {
                return console.fail("'\(path)' is gemaakt met andere regels of persona's (vingerafdruk \(population.vingerafdruk), nu \(input.fingerprint)); draai 'doenbaar populatie' opnieuw")
            } else {
                console.err("doenbaar: let op: \(path) hoort bij andere regels of persona's; het rapport krijgt geen populatieschatting (draai 'doenbaar populatie --out \(out)')\n")
            }
        }
        let analyses: [Analyzer.PersonaAnalysis]
        switch input.analyzeAll(console) {
        case .success(let a): analyses = a
        case .failure(let code): return code
        }
        var report = KnelpuntenRapport.build(analyses: analyses, ruleSet: input.ruleSet)
        if let estimates { report = report.with(population: estimates) }
        if let failed = console.write({ [
            ("knelpunten.md", KnelpuntenMarkdown.render(report)),
            ("knelpunten.html", KnelpuntenHTML.render(report)),
            ("knelpunten.json", try ReportJSON.render(report)),
        ] }, to: out) { return failed }
        console.err("\(report.knelpunten.count) knelpunt\(report.knelpunten.count == 1 ? "" : "en") uit \(analyses.count) persona's; geschreven naar \(out)/knelpunten.md, .html en .json\n")
        return .success
    }
}

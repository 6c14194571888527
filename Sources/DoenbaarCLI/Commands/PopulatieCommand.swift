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
    Gebruik: doenbaar populatie [--rules MAP] [--personas MAP] [--size N] [--seed S] [--gevoeligheid N] [--out MAP]
             doenbaar populatie --deel K/N [dezelfde opties]
             doenbaar populatie --samenvoegen MAP [--rules MAP] [--personas MAP] [--out MAP]

    Maakt uit de persona's een synthetische populatie (variaties volgens
    Rules/analyse/populatie.regels, gewogen naar het aantal uitkeringen van
    UWV), rekent iedereen door en schat per knelpunt hoeveel mensen het treft
    (met een 95%-interval) en om hoeveel geld het gaat. Gebruikt alle kernen;
    het geheugen blijft gelijk bij een grotere populatie. Hetzelfde zaad geeft
    dezelfde uitkomst. Schrijft populatie.md en populatie.json.

    De gewichten van de persona's worden afgestemd op de gepubliceerde
    verdelingen in Rules/analyse/kalibratie.regels. Daarna wordt elke aanname
    met een bereik (bereik LAAG tot HOOG) en elk gewicht dat geen cijfer
    vastlegt één voor één op haar laagste en hoogste waarde gezet: per knelpunt
    het bereik van de schatting en de aanname die haar het meest beweegt.

      --size N         aantal synthetische personen (standaard: één per
                       uitkering in het bestand dat de regels noemen, het
                       hele bestand)
      --seed S         zaad van de toevalsgenerator (standaard: 20240101)
      --gevoeligheid N aantal synthetische personen dat met elke parameter op
                       zijn laagste en hoogste waarde opnieuw wordt doorgerekend
                       (de eersten; standaard: 1024; 0: alleen de gewichten)
      --rules MAP      regelbestanden (standaard: Rules)
      --personas MAP   persona's (standaard: Personas)
      --out MAP        waar de rapporten komen (standaard: Reports)
      --deel K/N       reken alleen deel K van N (K van 1 tot N) en schrijf
                       populatie-deel-K-van-N.json; elk deel kan op een andere
                       machine draaien, met dezelfde omvang, hetzelfde zaad en
                       dezelfde regels en persona's
      --samenvoegen MAP  voeg de delen in MAP samen tot precies het rapport dat
                       één doorrekening geeft

    Afsluitcode 0: gelukt; 1: fouten in regels of persona's; 2: onbruikbare
    argumenten of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: ["rules", "personas", "size", "seed", "out", "deel", "samenvoegen", "gevoeligheid"]) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])' (zie doenbaar populatie --help)") }
        let givenSize: Int?, seed: UInt64
        switch Population.sizeAndSeed(args, sizeOption: "size") {
        case .success(let s): (givenSize, seed) = s
        case .failure(let message): return console.fail(message.text)
        }
        let input: LoadedInput
        switch LoadedInput.load(rules: args.value("rules") ?? "Rules", personas: args.value("personas") ?? "Personas", console) {
        case .success(let loaded): input = loaded
        case .failure(let code): return code
        }
        // Without --size: one synthetic person per benefit in the caseload the rules declare.
        let size: Int
        switch Population.size(given: givenSize, input) {
        case .success(let s): size = s
        case .failure(let message): return console.fail("geen omvang voor de populatie: \(message.text); geef --size")
        }
        let out = args.value("out") ?? "Reports"
        let sampleText = args.value("gevoeligheid") ?? "\(PopulationSensitivity.defaultSamplePersons)"
        guard let sample = Int(sampleText), (0...100_000_000).contains(sample) else {
            return console.fail("--gevoeligheid verwacht een aantal personen van 0 tot 100.000.000, niet '\(sampleText)'")
        }
        if let folder = args.value("samenvoegen") { return merge(folder, input, out: out, console) }
        if let part = args.value("deel") { return compute(part: part, input, size: size, seed: seed, sample: sample, out: out, console) }
        switch Population.estimate(input, size: size, seed: seed, sensitivity: sample, console) {
        case .failure(let code): return code
        case .success(let report):
            if let failed = console.write({ try Population.files(report) }, to: out) { return failed }
            console.err("\(report.schattingen.count) knelpunt\(report.schattingen.count == 1 ? "" : "en") geschat uit \(Format.count(size)) synthetische personen; geschreven naar \(out)/populatie.md en .json\n")
            return .success
        }
    }
}

extension PopulatieCommand {
    /// `--deel K/N`: the chunks of one part, written as they are, for `--samenvoegen`.
    static func compute(part text: String, _ input: LoadedInput, size: Int, seed: UInt64, sample: Int, out: String, _ console: Console) -> ExitCode {
        let numbers = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 2, let k = numbers[0], let n = numbers[1], (1...10_000).contains(n), (1...n).contains(k) else {
            return console.fail("--deel verwacht K/N met 1 <= K <= N <= 10000, zoals 2/4, niet '\(text)'")
        }
        guard case .success(let run) = Population.run(input, size: size, seed: seed, console) else { return .inputErrors }
        let part: PopulationPart
        do throws(PopulationError) { part = try PopulationAnalysis.part(k, of: n, of: run, samplePersons: sample, fingerprint: input.fingerprint) } catch {
            return console.fail(error.description)
        }
        let name = "populatie-deel-\(k)-van-\(n).json"
        if let failed = console.write({ [(name, try ReportJSON.render(part))] }, to: out) { return failed }
        let persons = part.blokken.reduce(0) { $0 + $1.personen.values.reduce(0, +) }
        console.err("deel \(k) van \(n): \(Format.count(persons)) synthetische personen doorgerekend; geschreven naar \(out)/\(name)\n")
        return .success
    }

    /// `--samenvoegen MAP`: every part in the folder, merged in chunk order into the report of one run.
    static func merge(_ folder: String, _ input: LoadedInput, out: String, _ console: Console) -> ExitCode {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("populatie-deel-") && $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { return console.fail("geen delen (populatie-deel-K-van-N.json) in '\(folder)'") }
        var parts: [PopulationPart] = []
        for name in names {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { return console.fail("'\(path)' is niet te lezen") }
            do { parts.append(try JSONDecoder().decode(PopulationPart.self, from: data)) } catch {
                return console.fail("'\(path)' is geen deel van 'doenbaar populatie --deel'")
            }
        }
        guard parts.allSatisfy({ $0.vingerafdruk == input.fingerprint }) else {
            return console.fail("de delen in '\(folder)' zijn met andere regels of persona's gemaakt dan die nu zijn gelezen")
        }
        guard let size = parts.first?.omvang, let seed = parts.first?.zaad,
              case .success(let run) = Population.run(input, size: size, seed: seed, analysing: false, console) else { return .inputErrors }
        let merged: PopulationAnalysis
        do throws(PopulationError) { merged = try PopulationAnalysis(merging: parts, of: run) } catch {
            return console.fail(error.description)
        }
        guard Population.reportFailures(merged.result, console) else { return .inputErrors }
        let report = PopulatieRapport.build(merged.result, generator: run.generator, fingerprint: input.fingerprint,
                                            sensitivity: merged.sensitivity.map { ($0.analysis, $0.swings) })
        if let failed = console.write({ try Population.files(report) }, to: out) { return failed }
        console.err("\(parts.count) delen samengevoegd tot \(Format.count(size)) synthetische personen; geschreven naar \(out)/populatie.md en .json\n")
        return .success
    }
}

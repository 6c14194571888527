import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import Foundation

/// Where the knelpuntenrapport's estimates of how many people each knelpunt
/// hits come from: none, a populatie.json made before for the same input, or
/// the population computed by this run (written beside the report).
enum PopulationEstimates {
    case none
    case taken(PopulatieRapport)
    case computed(PopulatieRapport)

    var report: PopulatieRapport? {
        switch self {
        case .none: return nil
        case .taken(let r), .computed(let r): return r
        }
    }

    /// A population computed by this run, to be written with the report.
    var computed: PopulatieRapport? {
        if case .computed(let r) = self { return r }
        return nil
    }

    /// `--populatie FILE`: estimates of these rules and personas, or a clear refusal.
    static func given(_ path: String, _ input: LoadedInput, _ console: Console) -> LoadedInput.Outcome<PopulationEstimates> {
        let population: PopulatieRapport
        switch read(path) {
        case .success(let p): population = p
        case .failure(let why): return .failure(console.fail(why.text))
        }
        guard population.vingerafdruk == input.fingerprint else {
            return .failure(console.fail("'\(path)' is gemaakt met andere regels of persona's (vingerafdruk \(population.vingerafdruk), nu \(input.fingerprint)); draai 'doenbaar populatie' opnieuw"))
        }
        console.err("schattingen per knelpunt uit \(path)\n")
        return .success(.taken(population))
    }

    /// Without `--populatie`: the populatie.json beside the reports when it was made of
    /// the same rules, personas, size and seed (the same input gives the same estimates);
    /// otherwise the population computed here, by default one synthetic person per
    /// benefit of the whole caseload.
    static func beside(_ out: String, _ input: LoadedInput, size givenSize: Int?, seed: UInt64, _ console: Console) -> LoadedInput.Outcome<PopulationEstimates> {
        let size: Int
        switch Population.size(given: givenSize, input) {
        case .success(let s): size = s
        case .failure(let why):
            console.err("doenbaar: let op: geen populatie: \(why.text); het rapport schat alleen uit de gewichten van de persona's\n")
            return .success(.none)
        }
        let path = "\(out)/populatie.json"
        let reason: String
        if !FileManager.default.fileExists(atPath: path) {
            reason = "er is nog geen \(path)"
        } else {
            switch read(path) {
            case .failure(let why):
                reason = why.text
            case .success(let existing) where existing.vingerafdruk != input.fingerprint:
                reason = "\(path) hoort bij andere regels of persona's"
            case .success(let existing) where existing.omvang != size || existing.zaad != seed:
                reason = "\(path) heeft omvang \(Format.count(existing.omvang)) en zaad \(existing.zaad), niet \(Format.count(size)) en \(seed)"
            case .success(let existing):
                console.err("schattingen per knelpunt uit \(path) (zelfde regels, persona's, omvang en zaad)\n")
                return .success(.taken(existing))
            }
        }
        console.err("doenbaar: \(reason); de populatie van \(Format.count(size)) synthetische personen wordt doorgerekend\n")
        switch Population.estimate(input, size: size, seed: seed, sensitivity: PopulationSensitivity.defaultSamplePersons, console) {
        case .success(let report): return .success(.computed(report))
        case .failure(let code): return .failure(code)
        }
    }

    /// A populatie.json that reads and holds together, or why not (in Dutch).
    private static func read(_ path: String) -> Result<PopulatieRapport, Population.Message> {
        let population: PopulatieRapport
        do {
            population = try JSONDecoder().decode(PopulatieRapport.self, from: Data(try InputFiles.read(path)))
        } catch let failure as InputFiles.Failure {
            return .failure(Population.Message(text: failure.description))
        } catch {
            return .failure(Population.Message(text: "'\(path)' is geen populatie.json van 'doenbaar populatie'"))
        }
        if let problem = population.problems.first {
            return .failure(Population.Message(text: "'\(path)' kan niet kloppen: \(problem); maak het opnieuw met 'doenbaar populatie'"))
        }
        return .success(population)
    }
}

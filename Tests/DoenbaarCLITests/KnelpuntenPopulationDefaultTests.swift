import DoenbaarCLI
import Foundation
import Testing

/// `doenbaar knelpunten` estimates over a synthetic population the size of the
/// whole caseload. It takes the estimates beside the reports when they belong to
/// the same rules, personas, size and seed, so the README's main command reproduces
/// the committed reports; otherwise it says why, and computes the population.
@Suite struct KnelpuntenPopulationDefaultTests {
    func outFolder(populatie: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-knelpunten-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try populatie.write(toFile: dir + "/populatie.json", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func theCommittedEstimatesAreTakenOverWhenTheyMatch() throws {
        let committed = try String(contentsOfFile: "\(packageRoot)/Reports/populatie.json", encoding: .utf8)
        let out = try outFolder(populatie: committed)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = runCLI(["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--out", out])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("schattingen per knelpunt uit \(out)/populatie.json"))
        let made = try String(contentsOfFile: out + "/knelpunten.md", encoding: .utf8)
        #expect(made == (try String(contentsOfFile: "\(packageRoot)/Reports/knelpunten.md", encoding: .utf8)))
    }

    @Test func estimatesOfOtherRulesAreComputedAfreshAndThenTakenOver() throws {
        let committed = try String(contentsOfFile: "\(packageRoot)/Reports/populatie.json", encoding: .utf8)
        let stale = committed.replacingOccurrences(of: "\"vingerafdruk\" : \"", with: "\"vingerafdruk\" : \"0")
        #expect(stale != committed)
        let out = try outFolder(populatie: stale)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let arguments = ["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--omvang", "40", "--seed", "7", "--out", out]
        let first = runCLI(arguments)
        #expect(first.code == .success, "\(first.err)")
        #expect(first.err.contains("\(out)/populatie.json hoort bij andere regels of persona's; de populatie van 40 synthetische personen wordt doorgerekend"), "\(first.err)")
        let population = try String(contentsOfFile: out + "/populatie.json", encoding: .utf8)
        #expect(population.contains("\"omvang\" : 40") && population.contains("\"zaad\" : 7"))
        let made = try String(contentsOfFile: out + "/knelpunten.md", encoding: .utf8)
        #expect(made.contains("In de hele populatie"))

        // The same rules, personas, size and seed: the estimates are taken over, and the report is the same.
        let second = runCLI(arguments)
        #expect(second.code == .success, "\(second.err)")
        #expect(second.err.contains("schattingen per knelpunt uit \(out)/populatie.json"), "\(second.err)")
        #expect(try String(contentsOfFile: out + "/knelpunten.md", encoding: .utf8) == made)

        // Another size: computed again.
        let third = runCLI(arguments.map { $0 == "40" ? "41" : $0 })
        #expect(third.err.contains("heeft omvang 40 en zaad 7, niet 41 en 7"), "\(third.err)")
    }

    @Test func withoutThePopulationTheReportCountsByThePersonasWeights() throws {
        let committed = try String(contentsOfFile: "\(packageRoot)/Reports/populatie.json", encoding: .utf8)
        let out = try outFolder(populatie: committed)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = runCLI(["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--zonder-populatie", "--out", out])
        #expect(r.code == .success, "\(r.err)")
        let made = try String(contentsOfFile: out + "/knelpunten.md", encoding: .utf8)
        #expect(!made.contains("In de hele populatie"))
        // The population beside it is left as it was.
        #expect(try String(contentsOfFile: out + "/populatie.json", encoding: .utf8) == committed)
    }

    @Test func optionsThatContradictEachOtherAreRefused() {
        let base = ["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas"]
        let both = runCLI(base + ["--zonder-populatie", "--omvang", "10"])
        #expect(both.code == .usage && both.err.contains("--zonder-populatie en --omvang gaan niet samen"), "\(both.err)")
        let given = runCLI(base + ["--populatie", "\(packageRoot)/Reports/populatie.json", "--seed", "3"])
        #expect(given.code == .usage && given.err.contains("--seed hoort bij een nieuwe"), "\(given.err)")
    }
}

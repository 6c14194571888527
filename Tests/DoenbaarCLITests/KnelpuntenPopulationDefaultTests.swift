import DoenbaarCLI
import Foundation
import Testing

/// `doenbaar knelpunten` without --populatie takes the estimates beside the
/// reports when they belong to the same rules and personas, so the README's main
/// command reproduces the committed reports; otherwise it says why it leaves them out.
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

    @Test func estimatesOfOtherRulesAreLeftOutWithAWarning() throws {
        let committed = try String(contentsOfFile: "\(packageRoot)/Reports/populatie.json", encoding: .utf8)
        let stale = committed.replacingOccurrences(of: "\"vingerafdruk\" : \"", with: "\"vingerafdruk\" : \"0")
        #expect(stale != committed)
        let out = try outFolder(populatie: stale)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = runCLI(["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--out", out])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("hoort bij andere regels of persona's; het rapport krijgt geen populatieschatting"), "\(r.err)")
        let made = try String(contentsOfFile: out + "/knelpunten.md", encoding: .utf8)
        #expect(!made.contains("In de hele populatie"))
    }
}

import DoenbaarCLI
import Foundation
import Testing

/// A population computed in parts (on as many machines as a batch scheduler
/// gives) and merged is exactly the population computed in one run.
@Suite struct PopulationPartsTests {
    func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-delen-\(name)-\(UUID().uuidString)").path
    }

    var input: [String] { ["--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--size", "800", "--seed", "7", "--gevoeligheid", "8"] }

    @Test func fourPartsMergedGiveTheReportOfOneRun() throws {
        let one = folder("een"), parts = folder("delen"), merged = folder("samen")
        defer { for f in [one, parts, merged] { try? FileManager.default.removeItem(atPath: f) } }
        let single = runCLI(["populatie"] + input + ["--out", one])
        #expect(single.code == .success, "\(single.err)")
        for k in 1...4 {
            let r = runCLI(["populatie"] + input + ["--deel", "\(k)/4", "--out", parts])
            #expect(r.code == .success, "\(r.err)")
            #expect(r.err.contains("deel \(k) van 4:"))
        }
        let r = runCLI(["populatie", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--samenvoegen", parts, "--out", merged])
        #expect(r.code == .success, "\(r.err)")
        for name in ["populatie.json", "populatie.md"] {
            let a = try String(contentsOfFile: one + "/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: merged + "/" + name, encoding: .utf8)
            #expect(a == b, "\(name) differs between one run and four parts merged")
        }
        // The sensitivity sample lies in the first part; the merged report still has the ranges over the assumptions.
        let first = try String(contentsOfFile: parts + "/populatie-deel-1-van-4.json", encoding: .utf8)
        #expect(first.contains("\"vereist_niveau:hoog\"") && first.contains("\"gevoeligheid_personen\" : 8"))
        let report = try String(contentsOfFile: merged + "/populatie.md", encoding: .utf8)
        #expect(report.contains("## Gevoeligheid per knelpunt") && report.contains("Bereik over de aannames"))
    }

    @Test func aMissingPartIsNamedNotMergedAway() throws {
        let parts = folder("onvolledig"), merged = folder("samen")
        defer { for f in [parts, merged] { try? FileManager.default.removeItem(atPath: f) } }
        for k in [1, 3] { #expect(runCLI(["populatie"] + input + ["--deel", "\(k)/3", "--out", parts]).code == .success) }
        let r = runCLI(["populatie", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas", "--samenvoegen", parts, "--out", merged])
        #expect(r.code == .usage)
        #expect(r.err.contains("een deel ontbreekt vóór deel 3 van 3"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: merged + "/populatie.json"), "no report from an incomplete set")
    }

    @Test func aPartMustBeKOfN() {
        let r = runCLI(["populatie"] + input + ["--deel", "5/4"])
        #expect(r.code == .usage)
        #expect(r.err.contains("--deel verwacht K/N met 1 <= K <= N <= 10000"))
    }
}
